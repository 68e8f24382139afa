package com.waiverdesk.audit;

/** The audit entry could not be committed (locked, read-only, disk full, corrupt); no decision may be shown. */
public final class AuditWriteException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Kind kind;

    public enum Kind { LOCKED, READ_ONLY, DISK_FULL, CORRUPT, UNAVAILABLE }

    public AuditWriteException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
