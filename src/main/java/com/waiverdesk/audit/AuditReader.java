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
     * A page of the supervisor's review queue: the paper-certificate entries that have no review yet, with
     * {@code seq > afterSeq} ({@code 0} for the first page), oldest first, at most {@code size} (1 to
     * {@link ReviewPage#MAX_SIZE}). An entry reviewed between two pages is simply not in the next one; nothing reads
     * the whole queue at once. Readers without reviews (test fakes) do not override it.
     */
    default ReviewPage reviewQueue(long afterSeq, int size) throws AuditReadException {
        throw new UnsupportedOperationException("this audit reader does not hold reviews");
    }

    /** How many paper-certificate entries have no review yet: the length of the whole review queue. */
    default long pendingReviews() throws AuditReadException {
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
