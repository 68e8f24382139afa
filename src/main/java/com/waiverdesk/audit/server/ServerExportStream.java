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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One recorded export's rows, streamed from the server's cursor, as the {@link AuditReader} the exporters page through:
 * the pages they ask for are the cursor's next rows, so the whole export is one server call however long the log.
 * Answers only what an export asks (its count, its pages in order, the reviews of the paper entries just paged).
 *
 * <p>The exporters read the next page on a second thread while writing the current one, so the reviews of the last
 * two pages are kept. And while a batch of rows is turned into entries, the server's next batch is already being
 * fetched (two FETCH statements used in turn, one ahead on a thread of its own): the server makes a batch in about the
 * time the program takes to read one, and done one after the other the two took twice as long. Close it when done.
 */
final class ServerExportStream implements AuditReader, AutoCloseable {
    private final AuditFilter filter;
    private final long total;
    private final PreparedStatement[] fetch;
    private final ServerRows.Reader rowReader;
    private final int batch;
    private final ServerUrl url;
    private final ExecutorService fetcher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "audit-export-fetch");
        t.setDaemon(true);
        return t;
    });
    private Future<ResultSet> pending;
    private int current;
    private ResultSet rows;
    private int rowsInBatch;
    private long expectedBefore;
    private ServerRows.Row ahead;
    private boolean ended;
    private volatile Map<Long, Review> pageReviews = Map.of();
    private volatile Map<Long, Review> previousReviews = Map.of();

    /**
     * @param throughSeq the last seq the cursor may give (the export's chain head)
     * @param fetch      two statements of {@code FETCH FORWARD batch FROM} the cursor on the same connection: each
     *                   run gives the next rows, read as they come (a FETCH ALL would have the server store every row
     *                   before it sends the first); two, because running a statement again closes its last rows
     * @param rowReader  reads a row of the cursor (whose columns it knows)
     */
    ServerExportStream(AuditFilter filter, long total, long throughSeq, PreparedStatement[] fetch,
                       ServerRows.Reader rowReader, int batch, ServerUrl url) {
        if (fetch.length != 2) {
            throw new IllegalArgumentException("two FETCH statements, used in turn");
        }
        this.filter = filter;
        this.total = total;
        this.fetch = fetch.clone();
        this.rowReader = rowReader;
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
                ahead = rowReader.read(rows);
            } else if (rows != null && rowsInBatch < batch) {
                ended = true;
                rows.close();
            } else {
                if (rows != null) {
                    rows.close();
                }
                rows = nextBatch();
                rowsInBatch = 0;
            }
        }
        return ahead != null;
    }

    /** The batch asked for ahead (or, the first time, now), and the one after it asked for on the other statement. */
    private ResultSet nextBatch() throws SQLException {
        ResultSet batchRows;
        if (pending == null) {
            batchRows = fetch[current].executeQuery();
        } else {
            batchRows = await(pending);
            pending = null;
        }
        PreparedStatement other = fetch[1 - current];
        current = 1 - current;
        // after the last full batch this asks once more and gets no rows
        Callable<ResultSet> fetchNext = other::executeQuery;
        pending = fetcher.submit(fetchNext);
        return batchRows;
    }

    private static ResultSet await(Future<ResultSet> future) throws SQLException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("the export was stopped", "57014", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("the export's next rows could not be read", "XX000", e.getCause());
        }
    }

    /**
     * Waits for a fetch under way (the connection is then the caller's again) and stops the fetching thread. The rows
     * belong to the export's transaction, which its owner ends. Closing twice does nothing more.
     */
    @Override
    public synchronized void close() {
        if (pending != null) {
            try {
                pending.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // the export ended (or failed) already; what the last fetch found does not matter
            }
            pending = null;
        }
        fetcher.shutdown();
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
}
