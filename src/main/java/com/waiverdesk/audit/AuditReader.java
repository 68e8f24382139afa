package com.waiverdesk.audit;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The supervisor's read side of the audit log: search, count, one entry, chart series. Blocking; never on the FX thread. */
public interface AuditReader extends AutoCloseable {
    /** Entries matching the filter with {@code seq < beforeSeq} ({@code Long.MAX_VALUE} for the first page), newest first. */
    AuditPage page(AuditFilter filter, long beforeSeq, int size) throws AuditReadException;

    long count(AuditFilter filter) throws AuditReadException;

    Optional<StoredEntry> entry(long seq) throws AuditReadException;

    /** Whether the entry's decision was never shown at the desk ({@link AuditLog#markNotShown}). */
    boolean notShown(long seq) throws AuditReadException;

    /**
     * Paper-certificate entries that have no review yet, oldest first: the supervisor's review queue. Readers without
     * reviews (test fakes) do not override it.
     */
    default List<StoredEntry> reviewQueue() throws AuditReadException {
        throw new UnsupportedOperationException("this audit reader does not hold reviews");
    }

    /** The review of entry {@code seq} ({@link AccessEvent#review}); empty when it has none (or is not paper). */
    default Optional<Review> review(long seq) throws AuditReadException {
        throw new UnsupportedOperationException("this audit reader does not hold reviews");
    }

    AuditCharts charts(AuditFilter filter, ZoneId zone) throws AuditReadException;

    /** The {@link ErrorKeys error keys} that occur in the log, sorted: what the error filter offers. */
    List<String> errorKeys() throws AuditReadException;

    @Override
    void close();
}
