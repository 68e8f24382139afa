package com.waiverdesk.audit.server;

import com.waiverdesk.audit.ChainHead;
import com.waiverdesk.audit.ChainReport;
import com.waiverdesk.audit.EntryColumns;
import com.waiverdesk.audit.HashChain;
import com.waiverdesk.audit.IntegrityReport;
import com.waiverdesk.audit.ProgressListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Walks the audit server's two chains as a supervisor (the server records the walk) and recomputes every hash here, in
 * Java, from the stored values: the server's PL/pgSQL and this program must agree on each row, so a row altered by
 * someone with the owner's rights (who can rewrite rows but not make both implementations agree without recomputing
 * every later hash) shows, and the anchors and the heads catch a chain cut back or rewritten from some point on.
 */
public final class ServerChainVerifier {
    static final String CHECKS_FORMAT = "waiverdesk-server-chain-1";
    /** Entries appended since migration V5: chain-1's values and the previous link's seq (seqs may be skipped). */
    static final String CHECKS_FORMAT_2 = "waiverdesk-server-chain-2";
    static final String ACCESS_FORMAT = "waiverdesk-server-access-1";
    /** Columns of {@code audit_entry} after seq and entry_id that the hash covers, then the server's own. */
    private static final int ENTRY_COLUMNS = EntryColumns.NAMES.size();
    /**
     * Rows read per round trip: few enough that the rows in flight die in the launcher's 24 MB young generation (as the
     * export's, see ServerSupervisorActions.FETCH_ROWS). 5,639,501 entries verified in 29.2-30.1 s with 250, in
     * 36.4-37.1 s with 2,000 (234-255 full collections; docs/benchmarks.md, "Export after V8").
     */
    private static final int FETCH = 250;

    private final ServerConnections connections;

    public ServerChainVerifier(ServerConnections connections) {
        this.connections = connections;
    }

    /**
     * Walks both chains and every anchor, after the server has linked every entry committed before the walk (its
     * appends are linked shortly after their commit). Blocking: network; streams the rows.
     */
    public IntegrityReport verify(String workstation, Instant now, ProgressListener progress) throws SQLException {
        try (Connection c = connections.open()) {
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try (PreparedStatement p = c.prepareStatement("SELECT waiverdesk.seal_entries(true)")) {
                p.execute();
            }
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")) {
                p.execute();
            }
            Facts facts = facts(c);
            List<ChainHead> anchors = anchors(c);
            Walked checks = walkChecks(c, workstation, now, facts, progress,
                    anchors.stream().map(ChainHead::seq).collect(Collectors.toSet()));
            // the walk recorded itself in the access chain (in this transaction): its head is read after that
            Walked access = walkAccess(c, facts(c), anchors.stream().map(ChainHead::accessSeq)
                    .collect(Collectors.toSet()));
            c.commit();
            ChainReport.Break anchorBreak = null;
            ChainHead lastGood = null;
            for (int i = 0; i < anchors.size() && anchorBreak == null; i++) {
                ChainHead a = anchors.get(i);
                String checksAt = checks.hashes.get(a.seq());
                String accessAt = access.hashes.get(a.accessSeq());
                boolean checksOk = a.seq() <= facts.purgeSeq || a.hash().equals(checksAt);
                if (checksOk && a.accessHash().equals(accessAt)) {
                    lastGood = a;
                } else {
                    anchorBreak = new ChainReport.Break(i + 1L, ChainReport.BreakKind.TRUNCATED, "anchor " + (i + 1)
                            + " records entry " + a.seq() + " / access event " + a.accessSeq()
                            + ", which the chains no longer hold as anchored");
                }
            }
            return new IntegrityReport(checks.report, access.report, true, anchors.size(), lastGood, anchorBreak);
        }
    }

    private record Facts(long purgeSeq, String purgeHash, long checksSeq, String checksHash, long accessSeq,
                         String accessHash) {
    }

    /** A chain's report and the hash of each anchored seq it verified. */
    private record Walked(ChainReport report, Map<Long, String> hashes) {
    }

    private static Facts facts(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT * FROM waiverdesk.chain_facts()");
             ResultSet rs = p.executeQuery()) {
            rs.next();
            long purge = rs.getLong("purge_seq");
            return new Facts(purge, rs.wasNull() ? HashChain.GENESIS : rs.getString("purge_hash"),
                    rs.getLong("checks_seq"), rs.getString("checks_hash"), rs.getLong("access_seq"),
                    rs.getString("access_hash"));
        }
    }

    private static Walked walkChecks(Connection c, String workstation, Instant now, Facts facts,
                                     ProgressListener progress, Set<Long> anchored) throws SQLException {
        Chain chain = new Chain(CHECKS_FORMAT, facts.purgeSeq, facts.purgeHash, anchored);
        Set<Long> gaps = new HashSet<>();
        try (PreparedStatement p = c.prepareStatement("SELECT * FROM waiverdesk.seal_gaps()");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                gaps.add(rs.getLong(1));
            }
        }
        try (PreparedStatement p = c.prepareStatement("SELECT * FROM waiverdesk.chain_links(?, ?)")) {
            p.setLong(1, now.toEpochMilli());
            p.setString(2, workstation);
            p.setFetchSize(FETCH);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next() && chain.intact()) {
                    List<Object> values = new ArrayList<>(ENTRY_COLUMNS + 5);
                    for (int i = 0; i < ENTRY_COLUMNS; i++) {
                        values.add(normalized(rs.getObject(3 + i)));
                    }
                    values.add(rs.getString("entry_id"));
                    values.add(rs.getLong("received_us"));
                    values.add(rs.getString("writer"));
                    values.add(normalized(rs.getObject("spooled_ms")));
                    long seq = rs.getLong("seq");
                    int format = rs.getInt("format");
                    if (rs.wasNull()) {
                        chain.unlinked(seq);
                    } else if (format == 1) {
                        chain.next(seq, values, rs.getString("prev_hash"), rs.getString("entry_hash"));
                    } else {
                        chain.nextSkipping(seq, gaps, values, rs.getString("prev_hash"), rs.getString("entry_hash"));
                    }
                    if (chain.checked % 10_000 == 0) {
                        progress.progress(chain.checked, Math.max(chain.checked, facts.checksSeq - facts.purgeSeq));
                    }
                }
            }
        }
        return chain.end(facts.checksSeq, facts.checksHash);
    }

    private static Walked walkAccess(Connection c, Facts facts, Set<Long> anchored) throws SQLException {
        Chain chain = new Chain(ACCESS_FORMAT, 0, HashChain.GENESIS, anchored);
        try (PreparedStatement p = c.prepareStatement("SELECT * FROM waiverdesk.access_rows()")) {
            p.setFetchSize(FETCH);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next() && chain.intact()) {
                    List<Object> values = new ArrayList<>(8);
                    values.add(rs.getLong("time_ms"));
                    values.add(rs.getString("supervisor"));
                    values.add(rs.getString("workstation"));
                    values.add(rs.getString("action"));
                    values.add(rs.getString("detail"));
                    values.add(normalized(rs.getObject("entry_seq")));
                    values.add(rs.getLong("received_us"));
                    values.add(rs.getString("writer"));
                    chain.next(rs.getLong("seq"), values, rs.getString("prev_hash"), rs.getString("entry_hash"));
                }
            }
        }
        return chain.end(facts.accessSeq, facts.accessHash);
    }

    private static List<ChainHead> anchors(Connection c) throws SQLException {
        List<ChainHead> anchors = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT * FROM waiverdesk.anchors()");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                long us = rs.getLong("anchored_us");
                anchors.add(new ChainHead(Instant.ofEpochSecond(us / 1_000_000, us % 1_000_000 * 1000),
                        rs.getLong("checks_seq"), rs.getString("checks_hash"), rs.getLong("access_seq"),
                        rs.getString("access_hash")));
            }
        }
        return anchors;
    }

    private static Object normalized(Object v) {
        return v instanceof Integer || v instanceof Short ? ((Number) v).longValue() : v;
    }

    /** One chain being walked: links, gaps and hashes, stopping at the first problem. */
    private static final class Chain {
        private final String format;
        /** The hashes of the anchored seqs only (a chain of millions is not kept in memory). */
        private final Map<Long, String> hashes = new HashMap<>();
        private final Set<Long> anchored;
        private long expectedSeq;
        private String prevHash;
        private long checked;
        private long lastGoodSeq;
        private String lastGoodHash;
        private ChainReport.Break problem;

        Chain(String format, long baseSeq, String baseHash, Set<Long> anchored) {
            this.format = format;
            this.anchored = anchored;
            this.expectedSeq = baseSeq + 1;
            this.prevHash = baseHash;
            this.lastGoodSeq = baseSeq;
            this.lastGoodHash = baseHash;
            hashes.put(baseSeq, baseHash);
        }

        boolean intact() {
            return problem == null;
        }

        /** A link whose seq follows the last one's (chain-1 and the access chain). */
        void next(long seq, List<Object> values, String storedPrev, String storedHash) {
            checked++;
            if (seq != expectedSeq) {
                problem = new ChainReport.Break(seq, seq > expectedSeq ? ChainReport.BreakKind.DELETED
                        : ChainReport.BreakKind.INSERTED, "expected entry " + expectedSeq + ", found " + seq);
                return;
            }
            link(HashChain.hash(format, seq, values, storedPrev), seq, storedPrev, storedHash);
        }

        /**
         * A chain-2 link: the seqs between the last link and this one must all be ones the server recorded as never
         * committed; the hash covers the last link's seq.
         */
        void nextSkipping(long seq, Set<Long> gaps, List<Object> values, String storedPrev, String storedHash) {
            checked++;
            for (long s = expectedSeq; s < seq; s++) {
                if (!gaps.contains(s)) {
                    problem = new ChainReport.Break(seq, ChainReport.BreakKind.DELETED, "expected entry " + s
                            + ", found " + seq);
                    return;
                }
            }
            if (seq < expectedSeq) {
                problem = new ChainReport.Break(seq, ChainReport.BreakKind.INSERTED, "expected entry " + expectedSeq
                        + ", found " + seq);
                return;
            }
            List<Object> linked = new ArrayList<>(values);
            linked.add(lastGoodSeq);
            link(HashChain.hash(CHECKS_FORMAT_2, seq, linked, storedPrev), seq, storedPrev, storedHash);
        }

        /** An entry through the head that the server never linked: no append leaves one there. */
        void unlinked(long seq) {
            checked++;
            problem = new ChainReport.Break(seq, ChainReport.BreakKind.INSERTED,
                    "entry " + seq + " is not linked into the chain");
        }

        private void link(String computed, long seq, String storedPrev, String storedHash) {
            if (!prevHash.equals(storedPrev)) {
                problem = new ChainReport.Break(seq, computed.equals(storedHash) ? ChainReport.BreakKind.REORDERED
                        : ChainReport.BreakKind.INSERTED, "the entry does not point at the one before it");
                return;
            }
            if (!computed.equals(storedHash)) {
                problem = new ChainReport.Break(seq, ChainReport.BreakKind.EDITED,
                        "the entry's content does not match its hash");
                return;
            }
            if (anchored.contains(seq)) {
                hashes.put(seq, storedHash);
            }
            prevHash = storedHash;
            lastGoodSeq = seq;
            lastGoodHash = storedHash;
            expectedSeq = seq + 1;
        }

        Walked end(long headSeq, String headHash) {
            if (problem == null && (lastGoodSeq != headSeq || !lastGoodHash.equals(headHash))) {
                problem = new ChainReport.Break(lastGoodSeq + 1, lastGoodSeq < headSeq
                        ? ChainReport.BreakKind.TRUNCATED : ChainReport.BreakKind.INSERTED,
                        "the chain ends at entry " + lastGoodSeq + " but its head says " + headSeq);
            }
            return new Walked(new ChainReport(checked, lastGoodSeq, lastGoodHash, problem), hashes);
        }
    }
}
