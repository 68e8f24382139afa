package com.waiverdesk.audit;

import com.waiverdesk.audit.ChainReport.Break;
import com.waiverdesk.audit.ChainReport.BreakKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Streams one chain in seq order with a forward-only cursor, checking each row's seq, link and hash, and each
 * anchored head as the walk passes it; {@link BreakClassifier} names the first break. Anchors add what the chain
 * alone cannot show: <b>TRUNCATED</b> at the first missing seq when the log ends before an anchored head, and at the
 * anchored seq when the row there verifies in the chain but is not the one anchored (cut back and refilled, or
 * rewritten with every hash recomputed).
 */
final class ChainWalker {
    private final Connection c;
    private final AuditChain chain;
    private final Progress progress;

    ChainWalker(Connection c, AuditChain chain, Progress progress) {
        this.c = c;
        this.chain = chain;
        this.progress = progress;
    }

    /** A seq and hash an anchor recorded for this chain, and when. */
    record Anchored(long seq, String hash, java.time.Instant time) {
    }

    /**
     * @param start   the link the first remaining row must continue (genesis, or the last purged entry)
     * @param anchors this chain's anchored heads in non-decreasing seq order
     */
    ChainReport walk(ChainWriter.Link start, List<Anchored> anchors) throws SQLException {
        long progressBefore = progress.done();
        try {
            return walk(start, anchors, true);
        } catch (SQLException e) {
            if (!String.valueOf(e.getMessage()).contains("BLOB")) {
                throw e;
            }
            // JSON cannot hold a BLOB, which the program never writes: walk again reading each column
            progress.rewind(progressBefore);
            return walk(start, anchors, false);
        }
    }

    /**
     * One pass in seq order. {@code packed} reads each row as one {@code jsonb_array} ({@link PackedRow}); a row that
     * does not verify that way is read again column by column, so both ways always reach the same verdict.
     */
    private ChainReport walk(ChainWriter.Link start, List<Anchored> anchors, boolean packed) throws SQLException {
        int n = chain.columns().size();
        String columns = String.join(", ", chain.columns());
        String sql = "SELECT seq, prev_hash, entry_hash, " + (packed ? "jsonb_array(" + columns + ")" : columns)
                + " FROM " + chain.table() + " WHERE seq > ? ORDER BY seq";
        RowDigester digester = new RowDigester();
        int nextAnchor = 0;
        while (nextAnchor < anchors.size() && anchors.get(nextAnchor).seq() <= start.seq()) {
            nextAnchor++; // anchored before the purge: those rows are gone
        }
        long expected = start.seq() + 1;
        String prev = start.hash();
        long checked = 0;
        Break found = null;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, start.seq());
            try (ResultSet rs = ps.executeQuery()) {
                while (found == null && rs.next()) {
                    checked++;
                    long seq = rs.getLong(1);
                    String prevHash = rs.getString(2);
                    String hash = rs.getString(3);
                    if (seq != expected) {
                        found = new Break(expected, BreakKind.DELETED, capital(span(expected, seq - 1))
                                + " missing from the sequence.");
                        continue;
                    }
                    boolean linked = prev.equals(prevHash);
                    boolean sound = linked && (packed
                            ? digester.matchesPacked(chain.format(), seq, rs.getBytes(4), n, prevHash, hash)
                            : digester.matches(chain.format(), seq, rs, 4, n, prevHash, hash));
                    if (!sound) {
                        BreakClassifier.Row row = range(seq, seq).get(0);
                        if (!linked || !digester.matches(chain.format(), seq, row.values(), prevHash, hash)) {
                            found = new BreakClassifier(chain, this::range).classify(row, linked, start);
                            continue;
                        }
                    }
                    for (; nextAnchor < anchors.size() && anchors.get(nextAnchor).seq() == seq; nextAnchor++) {
                        if (found == null && !hash.equals(anchors.get(nextAnchor).hash())) {
                            found = replaced(seq, anchors.get(nextAnchor));
                        }
                    }
                    if (found == null) {
                        expected = seq + 1;
                        prev = hash;
                        progress.tick();
                    }
                }
            }
        }
        if (found == null && nextAnchor < anchors.size()) {
            Anchored a = anchors.get(nextAnchor);
            found = new Break(expected, BreakKind.TRUNCATED, "The log ends at " + noun() + " " + (expected - 1)
                    + " but the anchor of " + a.time() + " recorded " + noun() + " " + a.seq() + ": "
                    + span(expected, a.seq()) + " missing from the end.");
        }
        return new ChainReport(checked, expected - 1, prev, found);
    }

    private Break replaced(long seq, Anchored a) {
        return new Break(seq, BreakKind.TRUNCATED, "The " + noun() + " numbered " + seq + " is not the one the anchor"
                + " of " + a.time() + " recorded: the log was cut back and refilled, or rewritten, at or before it.");
    }

    private List<BreakClassifier.Row> range(long from, long to) throws SQLException {
        List<BreakClassifier.Row> rows = new ArrayList<>();
        int n = chain.columns().size();
        try (PreparedStatement ps = c.prepareStatement(chain.selectLinks() + " WHERE seq BETWEEN ? AND ? ORDER BY seq")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new BreakClassifier.Row(rs.getLong(1), EntryColumns.read(rs, 2, n),
                            rs.getString(n + 2), rs.getString(n + 3)));
                }
            }
        }
        return rows;
    }

    private String span(long from, long to) {
        return from == to ? noun() + " " + from + " is" : chain.plural() + " " + from + " to " + to + " are";
    }

    private String noun() {
        return chain.noun();
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Counts rows across both chains, reports every {@link #EVERY} and lets the caller cancel. */
    static final class Progress {
        static final int EVERY = 10_000;
        private static final int POLL = 1_000;
        private final ProgressListener listener;
        private final long total;
        private long done;

        Progress(ProgressListener listener, long total) {
            this.listener = listener;
            this.total = total;
        }

        void tick() {
            done++;
            if (done % POLL == 0 && listener.cancelled()) {
                throw new CancellationException("verification cancelled");
            }
            if (done % EVERY == 0) {
                listener.progress(done, Math.max(done, total));
            }
        }

        void finish() {
            listener.progress(done, done);
        }

        long done() {
            return done;
        }

        void rewind(long to) {
            done = to;
        }
    }
}
