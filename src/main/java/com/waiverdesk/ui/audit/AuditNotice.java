package com.waiverdesk.ui.audit;

import java.util.Arrays;
import java.util.List;

/**
 * One thing the screen tells the supervisor, as a kind and its values; {@link AuditWords} turns it into a sentence,
 * so view models stay free of text and tests compare kinds, not wording.
 */
public record AuditNotice(Kind kind, List<Object> args) {
    public enum Kind {
        // sign-in
        NAME_MISSING, TOO_SHORT, ALL_DIGITS, MISMATCH, WRONG_PASSPHRASE, LOCKED, ALREADY_SET, NOT_SET,
        CREDENTIAL_PROBLEM, CHANGED,
        /** the audit server refused the login: wrong login or password, or not a supervisor's login */
        SERVER_REFUSED,
        /** the audit server could not be reached or failed; arg 0 says how */
        SERVER_UNAVAILABLE,
        // searching
        BAD_ID, DATES_BACKWARDS, READ_FAILED,
        // any recorded action: (action, store problem)
        NOT_RECORDED,
        // jobs
        EXPORTED, VERIFY_INTACT, VERIFY_BROKEN, PURGED, PURGE_TOO_RECENT, JOB_FAILED, CANCELLED,
        // reviews of paper entries: (seq), and the store problem for REVIEW_FAILED
        APPROVED, REJECTED, REVIEW_TAKEN, REVIEW_GONE, REVIEW_NOT_PAPER, REVIEW_REASON_MISSING, REVIEW_REASON_TOO_LONG, REVIEW_FAILED;

        /** Whether it reports a problem (shown in the error colour). */
        public boolean isProblem() {
            switch (this) {
                case CHANGED:
                case EXPORTED:
                case VERIFY_INTACT:
                case PURGED:
                case CANCELLED:
                case APPROVED:
                case REJECTED:
                    return false;
                default:
                    return true;
            }
        }
    }

    public AuditNotice {
        args = List.copyOf(args);
    }

    public static AuditNotice of(Kind kind, Object... args) {
        return new AuditNotice(kind, Arrays.asList(args));
    }

    public Object arg(int index) {
        return args.get(index);
    }
}
