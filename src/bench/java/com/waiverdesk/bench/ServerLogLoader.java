package com.waiverdesk.bench;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.EntryColumns;
import com.waiverdesk.audit.HashChain;
import com.waiverdesk.audit.SyntheticAuditLog;
import com.waiverdesk.audit.server.ServerAdmin;
import com.waiverdesk.audit.server.ServerAuditLog;
import com.waiverdesk.audit.server.ServerConnections;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Fills the audit server's check chain with millions of realistic synthetic entries (SyntheticAuditLog's, as the
 * SQLite benchmark's log), fast and correctly chained, through a path only the benchmark has: as IT's login (a member
 * of waiverdesk_owner), in transactions of {@value #BATCH} entries, each of which locks the chain's head row as
 * {@code append_entry} does, computes the rows' hashes here with the verifier's own canonical form
 * ({@link HashChain#hash(String, long, List, String)}, format {@value #FORMAT}), writes them with one COPY and moves
 * the head. The first {@value #THROUGH_FUNCTION} entries go through {@code append_entry} itself (PL/pgSQL computes their
 * hashes), so the chain the verifier walks afterwards holds both kinds: had the two forms differed, it would break
 * where they meet.
 */
final class ServerLogLoader {
    /** ServerChainVerifier.CHECKS_FORMAT (package-private there). */
    static final String FORMAT = "waiverdesk-server-chain-1";
    private static final int BATCH = 50_000;
    private static final int THROUGH_FUNCTION = 1_000;
    /** Checks a day across the hospital's windows (a 5-million log then spans about two years, as the SQLite one). */
    static final int PER_DAY = 7_000;
    private static final long SEED = 42;

    private final PrintWriter out;

    ServerLogLoader(PrintWriter out) {
        this.out = out;
    }

    /** Adds entries until the server holds {@code target}; returns how many were added. */
    long topUp(ServerConnections owner, int target) throws SQLException, AuditWriteException {
        long have;
        try (Connection c = owner.open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + ServerAdmin.SCHEMA + ".audit_entry")) {
            rs.next();
            have = rs.getLong(1);
        }
        int add = (int) Math.max(0, target - have);
        if (add == 0) {
            out.printf("load: the server holds %,d entries already (--entries %,d)%n", have, target);
            return 0;
        }
        long t0 = System.nanoTime();
        String load = ServerAuditBench.loadAverage();
        SyntheticAuditLog generator = SyntheticAuditLog.generator(add, SEED);
        long start = SyntheticAuditLog.startOf(add, PER_DAY);
        // entry ids from a stream of their own per top-up: a second load must not repeat the first one's ids
        Random random = new Random(SEED * 1_000_003L + have);
        int first = Math.min(add, THROUGH_FUNCTION);
        try (ServerAuditLog log = new ServerAuditLog(owner)) {
            for (int i = 1; i <= first; i++) {
                AuditEntry entry = generator.next(i, add, start, PER_DAY);
                log.append(uuid(random), entry, null);
            }
        }
        try (Connection c = owner.open()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // bench data: the last commit of the load syncs everything before it anyway
                s.execute("SET synchronous_commit = off");
            }
            CopyManagerBatch batch = new CopyManagerBatch(c);
            for (int i = first + 1; i <= add; i += BATCH) {
                int n = Math.min(BATCH, add - i + 1);
                batch.write(generator, random, i, n, add, start);
                if ((i - first - 1) / BATCH % 10 == 0 || i + n > add) {
                    out.printf("  load: %,d of %,d entries, %.0f s%n", i + n - 1, add, ServerAuditBench.seconds(t0));
                    out.flush();
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("SET synchronous_commit = on");
                s.execute("ANALYZE " + ServerAdmin.SCHEMA + ".audit_entry");
            }
            c.commit();
        }
        double took = ServerAuditBench.seconds(t0);
        out.printf("load: %,d entries added (%,d through append_entry, the rest by COPY) in %.0f s, %.0f entries/s;"
                + " load average %s before, %s after%n", add, first, took, add / took, load,
                ServerAuditBench.loadAverage());
        out.flush();
        return add;
    }

    /** A version-4 UUID from the seeded stream (reproducible loads). */
    private static UUID uuid(Random random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** One transaction: the head locked, n rows chained onto it by COPY, the head moved. */
    private static final class CopyManagerBatch {
        private final Connection c;
        private final String copy;

        CopyManagerBatch(Connection c) {
            this.c = c;
            this.copy = "COPY " + ServerAdmin.SCHEMA + ".audit_entry (seq, entry_id, " + String.join(", ",
                    EntryColumns.NAMES) + ", received_us, writer, spooled_ms, prev_hash, entry_hash) FROM STDIN";
        }

        void write(SyntheticAuditLog generator, Random random, int from, int n, int count, long start)
                throws SQLException {
            long seq;
            String prev;
            // the sealer's locks (V5), after linking what the appends left: the rows go on at the chain's head, as
            // entries of a server from before V5 (chain-1, hash in audit_entry), and the sequence moves past them
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT " + ServerAdmin.SCHEMA + ".seal_entries(true)").close();
                try (ResultSet rs = s.executeQuery("SELECT h.seq, h.entry_hash, (SELECT CASE WHEN q.is_called"
                        + " THEN q.last_value ELSE 0 END FROM " + ServerAdmin.SCHEMA + ".audit_entry_seq q) FROM "
                        + ServerAdmin.SCHEMA + ".chain_head h WHERE h.chain = 'checks' FOR UPDATE")) {
                    rs.next();
                    seq = rs.getLong(1);
                    prev = rs.getString(2);
                    if (rs.getLong(3) > seq) {
                        throw new SQLException("seqs past the chain's head are taken (appends under way or rolled"
                                + " back): load into a quiet server", "55000");
                    }
                }
            }
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
            try {
                StringBuilder text = new StringBuilder(1 << 20);
                for (int i = from; i < from + n; i++) {
                    AuditEntry entry = generator.next(i, count, start, PER_DAY);
                    List<Object> columns = EntryColumns.toColumns(entry);
                    UUID id = uuid(random);
                    long wsMs = entry.workstationTime().toEpochMilli();
                    // one in 200 spooled while the server was away, received minutes later
                    boolean spooled = random.nextInt(200) == 0;
                    long receivedUs = (wsMs + (spooled ? 60_000 + random.nextInt(3_600_000) : 20
                            + random.nextInt(200))) * 1000 + random.nextInt(1000);
                    String writer = "desk_" + entry.workstation().toLowerCase(Locale.ROOT).replace('-', '_');
                    Long spooledMs = spooled ? wsMs + 5 : null;
                    List<Object> hashed = new ArrayList<>(columns);
                    hashed.add(id.toString());
                    hashed.add(receivedUs);
                    hashed.add(writer);
                    hashed.add(spooledMs);
                    seq++;
                    String hash = HashChain.hash(FORMAT, seq, hashed, prev);
                    text.append(seq).append('\t').append(id);
                    for (Object v : hashed.subList(0, columns.size())) {
                        field(text, v);
                    }
                    field(text, receivedUs);
                    field(text, writer);
                    field(text, spooledMs);
                    field(text, prev);
                    field(text, hash);
                    text.append('\n');
                    prev = hash;
                    if (text.length() > (1 << 20) - 4096) {
                        flush(in, text);
                    }
                }
                flush(in, text);
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE " + ServerAdmin.SCHEMA + ".chain_head SET seq = ?,"
                    + " entry_hash = ? WHERE chain = 'checks'")) {
                p.setLong(1, seq);
                p.setString(2, prev);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("SELECT setval('" + ServerAdmin.SCHEMA
                    + ".audit_entry_seq', ?)")) {
                p.setLong(1, seq);
                p.executeQuery().close();
            }
            c.commit();
        }

        private static void flush(CopyIn in, StringBuilder text) throws SQLException {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            text.setLength(0);
        }

        /** A value in COPY's text format: tab before it, \N for null, backslash escapes. */
        private static void field(StringBuilder text, Object v) {
            text.append('\t');
            if (v == null) {
                text.append("\\N");
                return;
            }
            String s = v.toString();
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(ch);
                }
            }
        }
    }
}
