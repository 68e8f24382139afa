package com.waiverdesk.audit;

/** The audit log could not be read (for the supervisor's screens and the {@code audit} command). */
public final class AuditReadException extends Exception {
    private static final long serialVersionUID = 1L;
    private final AuditWriteException.Kind kind;

    public AuditReadException(AuditWriteException.Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** Why the store failed; the same classification as for writes. */
    public AuditWriteException.Kind kind() {
        return kind;
    }
}
