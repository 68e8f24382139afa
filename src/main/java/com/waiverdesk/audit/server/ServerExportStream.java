package com.waiverdesk.audit.server;

import com.waiverdesk.audit.AuditCharts;
import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.AuditPage;
import com.waiverdesk.audit.AuditReadException;
import com.waiverdesk.audit.AuditReader;
import com.waiverdesk.audit.Review;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.domain.Channel;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One recorded export's rows, streamed from the server's cursor, as the {@link AuditReader} the exporters page through:
 * the pages they ask for are the cursor's next rows, so the whole export is one server call however long the log.
 * Answers only what an export asks (its count, its pages in order, the reviews of the paper entries just paged).
 *
 * <p>The exporters read the next page on a second thread while writing the current one, so the reviews of the last
 * two pages are kept.
 */
final class ServerExportStream implements AuditReader {
    private final AuditFilter filter;
    private final long total;
    private final PreparedStatement fetch;
    private final int batch;
    private final ServerUrl url;
    private ResultSet rows;
    private int rowsInBatch;
    private long expectedBefore;
    private ServerRows.Row ahead;
    private boolean ended;
    private volatile Map<Long, Review> pageReviews = Map.of();
    private volatile Map<Long, Review> previousReviews = Map.of();

    /**
     * @param throughSeq the last seq the cursor may give (the export's chain head)
     * @param fetch      {@code FETCH FORWARD batch FROM} the cursor: each run gives the next rows, read as they come
     *                   (a FETCH ALL would have the server store every row before it sends the first)
     */
    ServerExportStream(AuditFilter filter, long total, long throughSeq, PreparedStatement fetch, int batch,
                       ServerUrl url) {
        this.filter = filter;
        this.total = total;
        this.fetch = fetch;
        this.batch = batch;
        this.url = url;
        this.expectedBefore = throughSeq + 1;
    }

    @Override
    public synchronized AuditPage page(AuditFilter f, long beforeSeq, int size) throws AuditReadException {
        if (!filter.equals(f) || beforeSeq != expectedBefore) {
            throw new IllegalStateException("an export stream gives its pages in order, once");
        }
        try {
            List<StoredEntry> entries = new ArrayList<>(size);
            Map<Long, Review> reviews = new HashMap<>();
            while (entries.size() < size && next()) {
                ServerRows.Row row = ahead;
                ahead = null;
                entries.add(row.stored());
                if (row.stored().entry().channel() == Channel.PAPER && row.review() != null) {
                    reviews.put(row.stored().seq(), row.review());
                }
            }
            previousReviews = pageReviews;
            pageReviews = reviews;
            long nextBefore = !entries.isEmpty() && next() ? entries.get(entries.size() - 1).seq() : 0;
            expectedBefore = nextBefore;
            return new AuditPage(entries, nextBefore);
        } catch (SQLException e) {
            throw ServerRows.failure(e, url, "read the export's entries from the audit server");
        }
    }

    /** Whether a row is ahead, reading it (and the next batch) if needed. */
    private boolean next() throws SQLException {
        while (ahead == null && !ended) {
            if (rows != null && rows.next()) {
                rowsInBatch++;
                ahead = ServerRows.row(rows, false);
            } else if (rows != null && rowsInBatch < batch) {
                ended = true;
                rows.close();
            } else {
                if (rows != null) {
                    rows.close();
                }
                rows = fetch.executeQuery();
                rowsInBatch = 0;
            }
        }
        return ahead != null;
    }

    @Override
    public long count(AuditFilter f) {
        if (!filter.equals(f)) {
            throw new IllegalStateException("an export stream counts its own filter only");
        }
        return total;
    }

    /** The review of a paper entry of the current or the previous page; empty while it has none. */
    @Override
    public Optional<Review> review(long seq) {
        Review review = pageReviews.get(seq);
        return Optional.ofNullable(review != null ? review : previousReviews.get(seq));
    }

    @Override
    public Optional<StoredEntry> entry(long seq) {
        throw new UnsupportedOperationException("an export stream gives its pages only");
    }

    @Override
    public boolean notShown(long seq) {
        throw new UnsupportedOperationException("an export stream gives its pages only");
    }

    @Override
    public AuditCharts charts(AuditFilter f, ZoneId zone) {
        throw new UnsupportedOperationException("an export stream gives its pages only");
    }

    @Override
    public List<String> errorKeys() {
        throw new UnsupportedOperationException("an export stream gives its pages only");
    }

    /** The rows belong to the export's transaction, which its owner ends. */
    @Override
    public void close() {
    }
}
