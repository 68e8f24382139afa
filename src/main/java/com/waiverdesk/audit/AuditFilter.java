package com.waiverdesk.audit;

import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * What the supervisor searches the log for; {@code null} (or empty) fields do not filter, and all set fields must
 * match. Decisions and error keys are lists of alternatives: an entry matches one of them.
 *
 * @param fromMillis   workstation time, inclusive, epoch ms; {@code null} for no lower bound
 * @param toMillis     workstation time, exclusive, epoch ms; {@code null} for no upper bound
 * @param decisions    any of these decisions; empty (or {@code null}) for all; kept in the enum's order
 * @param errorCodes   any of these {@link ErrorKeys error keys}; empty (or {@code null}) for all; kept sorted
 * @param nameFragment a part of the name, matched anywhere, case-insensitively for Latin letters
 * @param idHash       the keyed hash of an exact resident ID ({@link IdHasher}); the ID itself is never stored
 * @param channels     any of these channels; empty (or {@code null}) for all; kept in the enum's order. An entry
 *                     written before channels were recorded is a {@link Channel#LIVE_QUERY}
 */
public record AuditFilter(Long fromMillis, Long toMillis, String operator, String workstation,
                          List<DecisionKind> decisions, String serviceResult, List<String> errorCodes,
                          String nameFragment, String idHash, List<Channel> channels) {

    public AuditFilter {
        decisions = decisions == null ? List.of()
                : decisions.stream().distinct().sorted(Comparator.naturalOrder()).toList();
        errorCodes = errorCodes == null ? List.of() : errorCodes.stream().distinct().sorted().toList();
        channels = channels == null ? List.of()
                : channels.stream().distinct().sorted(Comparator.naturalOrder()).toList();
    }

    /** A filter on every channel (as before channels were recorded). */
    public AuditFilter(Long fromMillis, Long toMillis, String operator, String workstation,
                       List<DecisionKind> decisions, String serviceResult, List<String> errorCodes,
                       String nameFragment, String idHash) {
        this(fromMillis, toMillis, operator, workstation, decisions, serviceResult, errorCodes, nameFragment, idHash,
                null);
    }

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null, null, null, null, null, null);
    }

    /** This filter, narrowed to the given channels (none: all channels). */
    public AuditFilter withChannels(List<Channel> only) {
        return new AuditFilter(fromMillis, toMillis, operator, workstation, decisions, serviceResult, errorCodes,
                nameFragment, idHash, only);
    }

    /** One channel, or none for all. */
    public static List<Channel> channel(Channel channel) {
        return channel == null ? List.of() : List.of(channel);
    }

    /** One decision, or none for all. */
    public static List<DecisionKind> decision(DecisionKind kind) {
        return kind == null ? List.of() : List.of(kind);
    }

    /** One error key, or none for all. */
    public static List<String> errorCode(String key) {
        return key == null ? List.of() : List.of(key);
    }

    /** A one-line description for the access log: which fields were set, without the hash or the name itself. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        append(sb, "from", fromMillis);
        append(sb, "to", toMillis);
        append(sb, "operator", operator);
        append(sb, "workstation", workstation);
        append(sb, "decision", alternatives(decisions));
        append(sb, "result", serviceResult);
        append(sb, "error", alternatives(errorCodes));
        append(sb, "name", nameFragment == null ? null : "(fragment of " + nameFragment.codePointCount(0,
                nameFragment.length()) + " characters)");
        append(sb, "id", idHash == null ? null : "(exact ID)");
        append(sb, "channel", alternatives(channels));
        return sb.length() == 0 ? "all entries" : sb.toString();
    }

    /** {@code CHARGE}, or {@code CHARGE|WAIVE} for either; {@code null} for none. */
    private static String alternatives(Collection<?> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        values.forEach(v -> names.add(v.toString()));
        return String.join("|", names);
    }

    private static void append(StringBuilder sb, String label, Object value) {
        if (value != null) {
            sb.append(sb.length() == 0 ? "" : ", ").append(label).append('=').append(value);
        }
    }
}
