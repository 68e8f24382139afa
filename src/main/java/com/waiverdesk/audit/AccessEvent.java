package com.waiverdesk.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * Who looked at what in the audit log: itself a chained audit record, so an inspector sees every opening, search,
 * export, verification and purge.
 *
 * @param detail plain words without personal data, e.g. the filter's {@link AuditFilter#describe()}
 */
public record AccessEvent(Instant time, String supervisor, String workstation, Action action, String detail) {
    public AccessEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(supervisor, "supervisor");
        Objects.requireNonNull(workstation, "workstation");
        Objects.requireNonNull(action, "action");
        detail = detail == null ? "" : detail;
    }

    public enum Action {
        OPEN_AUDIT, SEARCH, VIEW_ENTRY, EXPORT_CSV, EXPORT_FHIR, VERIFY, PURGE, LOGIN_FAILED, LOCKED_OUT,
        PASSPHRASE_SET, PASSPHRASE_CHANGED, PASSPHRASE_RESET,
        /** IT opened the settings screen; {@code SETTINGS_SAVED} names the fields changed (never their secret). */
        OPEN_SETTINGS, SETTINGS_SAVED,
        /**
         * A check entry whose decision never appeared at the desk: the clerk pressed Esc or typed on while it ran. The
         * entry stays as committed (entries are immutable); this event, by the operator, names it ({@link #notShown}).
         */
        DECISION_NOT_SHOWN,
        /**
         * A supervisor's review of a paper-certificate entry ({@link #review}): approved, or rejected with a reason. The
         * entry stays as committed; this event names it, carries the reason, and is its only review (the first).
         */
        REVIEW_APPROVED, REVIEW_REJECTED
    }

    /** The {@link Action#DECISION_NOT_SHOWN} event for the check entry {@code seq}; its detail names only the entry. */
    public static AccessEvent notShown(long seq, Instant time, String operator, String workstation) {
        return new AccessEvent(time, operator, workstation, Action.DECISION_NOT_SHOWN, notShownDetail(seq));
    }

    /** The {@link Action#REVIEW_APPROVED} or {@link Action#REVIEW_REJECTED} event for the paper entry {@code seq}. */
    public static AccessEvent review(long seq, boolean approved, String reason, Instant time, String supervisor,
                                     String workstation) {
        return new AccessEvent(time, supervisor, workstation,
                approved ? Action.REVIEW_APPROVED : Action.REVIEW_REJECTED, reviewDetail(seq, reason));
    }

    /** The detail of {@link #review}: the entry, then the supervisor's reason as written. */
    static String reviewDetail(long seq, String reason) {
        return reviewPrefix(seq) + reason;
    }

    /** What the detail of a review of entry {@code seq} starts with; the reason follows it. */
    public static String reviewPrefix(long seq) {
        return "entry " + seq + "; reason: ";
    }

    /**
     * The first text after every detail starting with {@link #reviewPrefix}: the prefix with its last character (a
     * space) raised by one. A range {@code [prefix, this)} in an index holds exactly the reviews of the entry; the
     * prefix of entry 1 is not one of entry 12's ({@code ';'} follows the number).
     */
    static String reviewPrefixEnd(long seq) {
        String prefix = reviewPrefix(seq);
        return prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
    }

    /** The detail of {@link #notShown}: how a reader finds the event of an entry. */
    public static String notShownDetail(long seq) {
        return "entry " + seq;
    }
}
