package com.waiverdesk.audit.spool;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditWriteException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An audit server in a SQLite file of its own, idempotent by entry id like the real one, so that what it committed
 * survives a process killed with SIGKILL. Records every offer, repeats included.
 */
final class FileServer implements EntrySink, AutoCloseable {
    /** Told after each commit, before the answer goes back to the caller. */
    interface AfterCommit {
        void committed(UUID entryId) throws Exception;
    }

    private final Connection c;
    private final AfterCommit afterCommit;

    FileServer(Path file, AfterCommit afterCommit) throws SQLException {
        this.c = DriverManager.getConnection("jdbc:sqlite:" + file);
        this.afterCommit = afterCommit;
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.executeQuery("PRAGMA journal_mode = WAL").close();
            s.execute("PRAGMA synchronous = FULL");
            s.execute("CREATE TABLE IF NOT EXISTS server_entry (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " entry_id TEXT NOT NULL UNIQUE, request_id TEXT, spooled_ms INTEGER)");
            s.execute("CREATE TABLE IF NOT EXISTS offer (entry_id TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS server_mark (entry_id TEXT PRIMARY KEY)");
        }
    }

    @Override
    public synchronized long append(UUID entryId, AuditEntry entry, Long spooledMs) throws AuditWriteException {
        long seq;
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                update("INSERT INTO offer (entry_id) VALUES (?)", entryId.toString());
                seq = existing(entryId);
                if (seq == 0) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO server_entry"
                            + " (entry_id, request_id, spooled_ms) VALUES (?, ?, ?) RETURNING seq")) {
                        ps.setString(1, entryId.toString());
                        ps.setString(2, entry.requestId());
                        ps.setObject(3, spooledMs);
                        try (ResultSet rs = ps.executeQuery()) {
                            seq = rs.getLong(1);
                        }
                    }
                }
                s.execute("COMMIT");
            } catch (SQLException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        } catch (SQLException e) {
            throw new AuditWriteException(AuditWriteException.Kind.UNAVAILABLE, "file server: " + e.getMessage(), e);
        }
        try {
            afterCommit.committed(entryId);
        } catch (Exception e) {
            throw new AuditWriteException(AuditWriteException.Kind.UNAVAILABLE, "file server hook: " + e, e);
        }
        return seq;
    }

    @Override
    public synchronized void markNotShown(UUID entryId, Instant time, String operator, String workstation)
            throws AuditWriteException {
        try {
            update("INSERT OR IGNORE INTO server_mark (entry_id) VALUES (?)", entryId.toString());
        } catch (SQLException e) {
            throw new AuditWriteException(AuditWriteException.Kind.UNAVAILABLE, "file server: " + e.getMessage(), e);
        }
    }

    private long existing(UUID entryId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM server_entry WHERE entry_id = ?")) {
            ps.setString(1, entryId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private void update(String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            ps.executeUpdate();
        }
    }

    /** The request ids of the committed entries, in server order. */
    synchronized List<String> requestIds() throws SQLException {
        return strings("SELECT request_id FROM server_entry ORDER BY seq");
    }

    /** Every entry id offered, repeats included. */
    synchronized List<String> offers() throws SQLException {
        return strings("SELECT entry_id FROM offer ORDER BY rowid");
    }

    private List<String> strings(String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @Override
    public synchronized void close() throws SQLException {
        c.close();
    }
}
