package com.waiverdesk.audit.export;

import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import java.util.List;
import java.util.Locale;

/**
 * The recorded codes of an entry in one language's words, for exports that carry both: the code for machines, the
 * words for the inspector. Implemented once in {@code app}, where the window and the commands share it.
 */
public interface EntryWords {
    Locale locale();

    String decision(DecisionKind kind);

    /** A recorded reason, e.g. {@code WAIVED_BY_CATEGORY} or {@code SERVICE_FAILED:TIMEOUT}; unknown codes as is. */
    String reason(String reasonCode);

    /** Category codes in words, joined as the language lists things; unknown codes as is; empty for none. */
    String categories(List<String> codes);

    /** MATCH, NO_RECORD, NAME_MISMATCH in words; {@code null} stays {@code null}. */
    String serviceResult(String result);

    /** An {@link com.waiverdesk.audit.ErrorKeys error key} in words; {@code null} stays {@code null}. */
    String error(String errorKey);

    /** How the patient proved status, in words. */
    String channel(Channel channel);

    /** A paper entry's review state ({@code PENDING}, {@code APPROVED}, {@code REJECTED}) in words; unknown as is. */
    String reviewState(String state);
}
