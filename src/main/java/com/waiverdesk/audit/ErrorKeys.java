package com.waiverdesk.audit;

/**
 * What went wrong in one check, as one key the supervisor can filter on: the service's own error code when it sent
 * one ({@code RATE_LIMITED}, {@code BAD_SIGNATURE}), else the failure or input problem recorded in the reason
 * ({@code SERVICE_FAILED:TIMEOUT}, {@code INVALID_INPUT:ID_WRONG_CHECK_DIGIT}); none for a check that went through.
 * A timeout has no service error code, which is why the error column used to be empty for most failures.
 */
public final class ErrorKeys {
    /** Reasons that carry their detail after this separator. */
    public static final char SEPARATOR = ':';

    private ErrorKeys() {
    }

    /** The entry's error key, or {@code null} when nothing went wrong. */
    public static String of(AuditEntry entry) {
        return of(entry.errorCode(), entry.reason());
    }

    public static String of(String errorCode, String reason) {
        if (errorCode != null) {
            return errorCode;
        }
        return reason != null && reason.indexOf(SEPARATOR) > 0 ? reason : null;
    }

    /** True for a key taken from the reason (it holds the separator), false for a service error code. */
    public static boolean isReason(String key) {
        return key.indexOf(SEPARATOR) > 0;
    }
}
