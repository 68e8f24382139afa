package com.waiverdesk.verification.ecert;

import java.util.Objects;

/** A trust or revocation list the desk will not use; the reason and message are for the log (no values quoted). */
public final class ListRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a list was refused. */
    public enum Reason {
        /** Not the shape of a list (parts, base64url, JSON, types, dates, duplicate kids, unknown status). */
        MALFORMED,
        /** Not signed by the pinned root (altered, or another root's). */
        BAD_SIGNATURE,
        /** Its issuedAt is more than 300 s after the workstation's clock. */
        ISSUED_IN_THE_FUTURE,
        /** Its issuedAt is before that of the copy already held. */
        OLDER_THAN_HELD
    }

    private final Reason reason;

    public ListRefusedException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
