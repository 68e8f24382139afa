package com.waiverdesk.app;

import com.waiverdesk.audit.ErrorKeys;
import com.waiverdesk.audit.export.EntryWords;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The audit log's codes in words (decisions, reasons, failures, input problems, service error codes, categories,
 * service results, channels, review states), in Chinese (the default) or English, from {@code auditwords.properties}: the one place the
 * supervisor's screen and the exports of the window and of {@code audit export} take them from. A code this program
 * does not know (a newer service's, a newer program's) is shown as the code itself.
 */
public final class AuditVocabulary implements EntryWords {
    public static final String BUNDLE = "com.waiverdesk.app.auditwords";
    private static final String SERVICE_FAILED = "SERVICE_FAILED";
    private static final String INVALID_INPUT = "INVALID_INPUT";

    private final ResourceBundle bundle;
    private final Locale locale;

    /** No fallback to the JVM's locale: a Chinese desk on an English OS stays Chinese. */
    public AuditVocabulary(Locale locale) {
        this.locale = locale;
        Locale lookup = locale.getLanguage().equals("en") ? Locale.ENGLISH : Locale.ROOT;
        this.bundle = ResourceBundle.getBundle(BUNDLE, lookup,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    @Override
    public Locale locale() {
        return locale;
    }

    @Override
    public String decision(DecisionKind kind) {
        return word("decision.", kind.name());
    }

    @Override
    public String reason(String reasonCode) {
        int colon = reasonCode.indexOf(ErrorKeys.SEPARATOR);
        if (colon < 0) {
            return word("reason.", reasonCode);
        }
        String head = reasonCode.substring(0, colon);
        if (!bundle.containsKey("reason." + head)) {
            return reasonCode;
        }
        return bundle.getString("reason.withDetail").replace("{0}", word("reason.", head))
                .replace("{1}", detail(head, reasonCode.substring(colon + 1)));
    }

    @Override
    public String categories(List<String> codes) {
        List<String> words = new ArrayList<>(codes.size());
        for (String code : codes) {
            words.add(category(code));
        }
        return String.join(bundle.getString("categories.separator"), words);
    }

    public String category(String code) {
        return word("category.", code);
    }

    @Override
    public String serviceResult(String result) {
        return result == null ? null : word("result.", result);
    }

    @Override
    public String error(String errorKey) {
        if (errorKey == null) {
            return null;
        }
        int colon = errorKey.indexOf(ErrorKeys.SEPARATOR);
        if (colon > 0) {
            String detail = detail(errorKey.substring(0, colon), errorKey.substring(colon + 1));
            return detail.equals(errorKey.substring(colon + 1)) ? errorKey : detail;
        }
        return bundle.containsKey("serviceError." + errorKey) ? bundle.getString("serviceError." + errorKey)
                : word("failure.", errorKey);
    }

    @Override
    public String channel(Channel channel) {
        return word("channel.", channel.name());
    }

    @Override
    public String reviewState(String state) {
        return word("review.", state);
    }

    /** The part after the colon: a failure after SERVICE_FAILED, an input problem after INVALID_INPUT. */
    private String detail(String head, String detail) {
        switch (head) {
            case SERVICE_FAILED:
                return word("failure.", detail);
            case INVALID_INPUT:
                return word("input.", detail);
            default:
                return detail;
        }
    }

    private String word(String prefix, String code) {
        return bundle.containsKey(prefix + code) ? bundle.getString(prefix + code) : code;
    }
}
