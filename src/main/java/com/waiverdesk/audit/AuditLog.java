package com.waiverdesk.audit;

import java.time.Instant;

/** The append-only, hash-chained record of every check. */
public interface AuditLog extends AutoCloseable {
    /**
     * Appends the entry and commits it durably before returning.
     *
     * @return the entry's sequence number
     * @throws AuditWriteException when it could not be committed; the caller must then show no decision
     */
    long append(AuditEntry entry) throws AuditWriteException;

    /**
     * Records, after the fact, that the decision of the committed entry {@code seq} was never shown (the clerk moved
     * on while the check ran). The entry itself is immutable; the mark is a chained event of its own
     * ({@link AccessEvent#notShown}), which {@link AuditReader#notShown} finds.
     *
     * @return the mark's sequence number in its chain
     */
    long markNotShown(long seq, Instant time, String operator, String workstation)
            throws AuditWriteException;

    @Override
    void close();
}
