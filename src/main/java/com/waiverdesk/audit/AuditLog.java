package com.waiverdesk.audit;

/** The append-only, hash-chained record of every check. */
public interface AuditLog extends AutoCloseable {
    /**
     * Appends the entry and commits it durably before returning.
     *
     * @return the entry's sequence number
     * @throws AuditWriteException when it could not be committed; the caller must then show no decision
     */
    long append(AuditEntry entry) throws AuditWriteException;

    @Override
    void close();
}
