package com.waiverdesk.audit.spool;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.AuditWriteException.Kind;
import com.waiverdesk.audit.HashChain;
import com.waiverdesk.audit.ImmediateTransaction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The workstation's durable queue of audit entries (and not-shown marks) the audit server could not take in time,
 * in the order they were decided. Each row is chained to the one before by {@link RowHash}; the hash of the last
 * forwarded row stays behind in {@code spool_head}, so the chain goes on across deletions and an edited, removed or
 * reordered row is found before anything is forwarded. Several processes may share one file: every change runs in a
 * {@code BEGIN IMMEDIATE} transaction. Also caches a few values of the server store ({@link #setting}).
 */
public final class AuditSpool implements AutoCloseable {
    /** How many forwarded rows stay known by their number, for {@link #serverSeqOf} and {@link #entryIdOf}. */
    static final int KEEP_FORWARDED = 50_000;
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS spool_row (
                n INTEGER PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL CHECK (kind IN ('ENTRY', 'NOT_SHOWN')),
                entry_id TEXT NOT NULL,
                spooled_ms INTEGER NOT NULL,
                body TEXT NOT NULL,
                prev_hash TEXT NOT NULL,
                row_hash TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS spool_head (
                one INTEGER PRIMARY KEY CHECK (one = 1),
                last_n INTEGER NOT NULL,
                last_hash TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS spool_forwarded (
                n INTEGER PRIMARY KEY,
                entry_id TEXT NOT NULL,
                server_seq INTEGER);
            CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value BLOB);
            INSERT OR IGNORE INTO spool_head (one, last_n, last_hash) VALUES (1, 0, '%s');
            """.formatted(HashChain.GENESIS);

    /** What a row holds. */
    enum RowKind { ENTRY, NOT_SHOWN }

    /** A waiting row whose place in the chain has been checked. */
    record Row(long n, RowKind kind, UUID entryId, long spooledMs, String body, String rowHash) {
        AuditEntry entry() {
            return EntryJson.read(body);
        }

        NotShownMark mark() {
            return NotShownMark.fromJson(body);
        }
    }

    /**
     * The oldest waiting rows that continue the chain, and why the chain stops after them ({@code null}: it does
     * not; every row after them was read, or {@code limit} was reached).
     */
    record Batch(List<Row> rows, String problem) {
    }

    private final Connection connection;
    private final Path file;
    private boolean closed;

    private AuditSpool(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    /** Opens the spool at {@code file}, creating it (owner-only) and its folders if needed. */
    public static AuditSpool open(Path file) throws AuditWriteException {
        Path absolute = file.toAbsolutePath();
        // the spool may be this process's first SQLite file: the driver's library goes where the audit log's goes
        com.waiverdesk.audit.SqliteNative.prepare();
        Connection c = SpoolFile.open(absolute);
        try {
            ImmediateTransaction.run(c, s -> {
                for (String statement : SCHEMA.split(";")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
                return null;
            });
            return new AuditSpool(c, absolute);
        } catch (SQLException e) {
            SpoolFile.closeQuietly(c);
            throw SpoolFile.failure(e, "prepare", absolute);
        }
    }

    public Path file() {
        return file;
    }

    /** How many rows wait to be forwarded (entries and marks). */
    public synchronized int waiting() throws AuditWriteException {
        requireOpen("count the rows of");
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM spool_row")) {
            return rs.getInt(1);
        } catch (SQLException e) {
            throw SpoolFile.failure(e, "count the rows of", file);
        }
    }

    /** A cached value of the server store (e.g. the ID-hash key, the current policy), if one was put. */
    public synchronized Optional<byte[]> setting(String key) throws AuditWriteException {
        requireOpen("read a setting from");
        try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw SpoolFile.failure(e, "read a setting from", file);
        }
    }

    /** Stores (or replaces) a cached value of the server store. */
    public synchronized void putSetting(String key, byte[] value) throws AuditWriteException {
        requireOpen("write a setting to");
        try {
            ImmediateTransaction.run(connection, s -> {
                try (PreparedStatement ps = connection.prepareStatement(
                        "INSERT INTO settings (key, value) VALUES (?, ?)"
                                + " ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
                    ps.setString(1, key);
                    ps.setBytes(2, value);
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw SpoolFile.failure(e, "write a setting to", file);
        }
    }

    /** Appends a row behind every waiting one and returns its number (never used again in this file). */
    synchronized long add(RowKind kind, UUID entryId, long spooledMs, String body) throws AuditWriteException {
        requireOpen("write to");
        try {
            return ImmediateTransaction.run(connection, s -> {
                long n = highestNumber(s) + 1;
                String prev;
                try (ResultSet rs = s.executeQuery("SELECT row_hash FROM spool_row ORDER BY n DESC LIMIT 1")) {
                    prev = rs.next() ? rs.getString(1) : headOf(connection).hash();
                }
                try (PreparedStatement ps = connection.prepareStatement("INSERT INTO spool_row"
                        + " (n, kind, entry_id, spooled_ms, body, prev_hash, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setLong(1, n);
                    ps.setString(2, kind.name());
                    ps.setString(3, entryId.toString());
                    ps.setLong(4, spooledMs);
                    ps.setString(5, body);
                    ps.setString(6, prev);
                    ps.setString(7, RowHash.of(n, kind.name(), entryId.toString(), spooledMs, body, prev));
                    ps.executeUpdate();
                }
                return n;
            });
        } catch (SQLException e) {
            throw SpoolFile.failure(e, "write to", file);
        }
    }

    /**
     * The oldest waiting rows, at most {@code limit}, each checked against the one before it (the first against the
     * last forwarded row), read in one snapshot. A row that does not continue the chain ends the batch, and the
     * batch says why; it is neither returned nor touched.
     */
    synchronized Batch oldest(int limit) throws AuditWriteException {
        requireOpen("read");
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN");
            try {
                return checkedRows(s, limit);
            } finally {
                s.execute("COMMIT");
            }
        } catch (SQLException e) {
            throw SpoolFile.failure(e, "read", file);
        }
    }

    private Batch checkedRows(Statement s, int limit) throws SQLException {
        Head head = headOf(connection);
        long lastN = head.n();
        String prev = head.hash();
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT n, kind, entry_id, spooled_ms, body,"
                + " prev_hash, row_hash FROM spool_row ORDER BY n LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong(1);
                    String kind = rs.getString(2);
                    String entryId = rs.getString(3);
                    long spooledMs = rs.getLong(4);
                    String body = rs.getString(5);
                    String rowHash = rs.getString(7);
                    if (n <= lastN || !prev.equals(rs.getString(6))) {
                        return broken(rows, "row " + n + " does not follow " + (rows.isEmpty()
                                ? "the last forwarded row (" + lastN + ")" : "row " + lastN)
                                + ": a row before it was removed, reordered or altered");
                    }
                    if (!RowHash.of(n, kind, entryId, spooledMs, body, prev).equals(rowHash)) {
                        return broken(rows, "row " + n + " was altered after it was written");
                    }
                    Row row;
                    try {
                        row = new Row(n, RowKind.valueOf(kind), UUID.fromString(entryId), spooledMs, body, rowHash);
                    } catch (IllegalArgumentException e) {
                        return broken(rows, "row " + n + " holds a kind or id the program never writes");
                    }
                    rows.add(row);
                    lastN = n;
                    prev = rowHash;
                }
            }
        }
        if (rows.size() < limit && highestNumber(s) != lastN) {
            return broken(rows, "the rows after row " + lastN + " were removed (rows up to "
                    + highestNumber(s) + " were written)");
        }
        return new Batch(List.copyOf(rows), null);
    }

    private Batch broken(List<Row> good, String why) {
        return new Batch(List.copyOf(good), "The audit spool " + file + " has been changed outside WaiverDesk: " + why
                + ". The rows from there on are kept and not forwarded; IT should copy the file and examine it.");
    }

    /**
     * Removes a forwarded row (the oldest) and moves the chain's head to it, remembering its server seq. Returns
     * {@code false} when another process forwarded and removed it first.
     */
    synchronized boolean remove(Row row, Long serverSeq) throws AuditWriteException {
        requireOpen("remove a forwarded row from");
        Boolean removed;
        try {
            removed = ImmediateTransaction.run(connection, s -> {
                try (ResultSet rs = s.executeQuery("SELECT min(n) FROM spool_row")) {
                    long oldest = rs.getLong(1);
                    if (rs.wasNull() || oldest > row.n()) {
                        return false;
                    }
                    if (oldest < row.n()) {
                        throw new IllegalStateException("row " + row.n() + " forwarded before row " + oldest);
                    }
                }
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM spool_row WHERE n = ? AND row_hash = ?")) {
                    delete.setLong(1, row.n());
                    delete.setString(2, row.rowHash());
                    if (delete.executeUpdate() != 1) {
                        return null;
                    }
                }
                try (PreparedStatement head = connection.prepareStatement(
                        "UPDATE spool_head SET last_n = ?, last_hash = ? WHERE one = 1")) {
                    head.setLong(1, row.n());
                    head.setString(2, row.rowHash());
                    head.executeUpdate();
                }
                try (PreparedStatement known = connection.prepareStatement(
                        "INSERT OR REPLACE INTO spool_forwarded (n, entry_id, server_seq) VALUES (?, ?, ?)")) {
                    known.setLong(1, row.n());
                    known.setString(2, row.entryId().toString());
                    known.setObject(3, serverSeq);
                    known.executeUpdate();
                }
                try (PreparedStatement prune = connection.prepareStatement(
                        "DELETE FROM spool_forwarded WHERE n <= ?")) {
                    prune.setLong(1, row.n() - KEEP_FORWARDED);
                    prune.executeUpdate();
                }
                return true;
            });
        } catch (SQLException e) {
            throw SpoolFile.failure(e, "remove a forwarded row from", file);
        }
        if (removed == null) {
            throw new AuditWriteException(Kind.CORRUPT, "The audit spool " + file + " has been changed outside"
                    + " WaiverDesk: row " + row.n() + " changed while it was forwarded. It is kept; IT should copy"
                    + " the file and examine it.", null);
        }
        return removed;
    }

    /** Whether row {@code n} still waits. */
    synchronized boolean holds(long n) throws AuditWriteException {
        return lookUp("SELECT n FROM spool_row WHERE n = ?1", n).isPresent();
    }

    /** The entry id of row {@code n}, waiting or recently forwarded. */
    synchronized Optional<UUID> entryIdOf(long n) throws AuditWriteException {
        return lookUp("SELECT entry_id FROM spool_row WHERE n = ?1 UNION ALL"
                + " SELECT entry_id FROM spool_forwarded WHERE n = ?1", n).map(UUID::fromString);
    }

    /** The server seq of entry row {@code n}, once it was forwarded (and while it is remembered). */
    synchronized Optional<Long> serverSeqOf(long n) throws AuditWriteException {
        return lookUp("SELECT server_seq FROM spool_forwarded WHERE n = ?1 AND server_seq IS NOT NULL", n)
                .map(Long::valueOf);
    }

    private Optional<String> lookUp(String sql, long n) throws AuditWriteException {
        requireOpen("read");
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw SpoolFile.failure(e, "read", file);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            SpoolFile.closeQuietly(connection);
        }
    }

    private void requireOpen(String action) throws AuditWriteException {
        if (closed) {
            throw new AuditWriteException(Kind.UNAVAILABLE, "Could not " + action + " the audit spool " + file
                    + ": it is closed.", null);
        }
    }

    /** The highest row number ever given out in this file (AUTOINCREMENT keeps it past deletions). */
    private static long highestNumber(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT seq FROM sqlite_sequence WHERE name = 'spool_row'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private record Head(long n, String hash) {
    }

    private static Head headOf(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT last_n, last_hash FROM spool_head WHERE one = 1")) {
            if (!rs.next()) {
                throw new SQLException("the spool's head row is missing");
            }
            return new Head(rs.getLong(1), rs.getString(2));
        }
    }
}
