package com.waiverdesk.audit;

/** A review that was not recorded, and why; nothing was written. The message names the entry, never its content. */
public final class ReviewRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a review was refused. */
    public enum Why {
        /** No entry has that number (or it was purged). */
        NO_SUCH_ENTRY,
        /** Only paper-certificate entries are reviewed. */
        NOT_PAPER,
        /** The entry has its review already: the first one counts. */
        ALREADY_REVIEWED,
        /** A rejection must say why. */
        REASON_REQUIRED,
        /** The reason is longer than {@link #MAX_REASON_LENGTH} characters. */
        REASON_TOO_LONG
    }

    /** A reason is a sentence or two for the inspector, not a document: longer ones are refused. */
    public static final int MAX_REASON_LENGTH = 500;

    private final Why why;
    private final long seq;

    public ReviewRefusedException(Why why, long seq) {
        super(message(why, seq));
        this.why = why;
        this.seq = seq;
    }

    public Why why() {
        return why;
    }

    public long seq() {
        return seq;
    }

    private static String message(Why why, long seq) {
        return switch (why) {
            case NO_SUCH_ENTRY -> "There is no audit entry " + seq + ".";
            case NOT_PAPER -> "Audit entry " + seq + " is not a paper certificate: only those are reviewed.";
            case ALREADY_REVIEWED -> "Audit entry " + seq + " has been reviewed already; its first review stands.";
            case REASON_REQUIRED -> "A rejection of audit entry " + seq + " needs a reason.";
            case REASON_TOO_LONG -> "The reason for audit entry " + seq + " is longer than " + MAX_REASON_LENGTH
                    + " characters.";
        };
    }
}
