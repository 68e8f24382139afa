package com.waiverdesk.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.BusyHandler;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Opens connections to the audit database with the settings every writer needs: WAL, full sync, lock waits. */
final class AuditConnections {
    private static final System.Logger LOG = System.getLogger(AuditConnections.class.getName());

    private AuditConnections() {
    }

    /** A connection to a database brought to the current schema; closed again if anything fails. */
    static Connection open(String url) throws SQLException, AuditWriteException {
        SqliteNative.prepare();
        Connection c = DriverManager.getConnection(url);
        try {
            BusyHandler.setHandler(c, new DeadlineBusyHandler(SqliteAuditLog.BUSY_TIMEOUT));
            try (Statement s = c.createStatement()) {
                String mode = walMode(s);
                if (!"wal".equalsIgnoreCase(mode)) {
                    LOG.log(System.Logger.Level.WARNING, "Audit database stays in journal mode {0}, not WAL", mode);
                }
                s.execute("PRAGMA synchronous = FULL");
            }
            AuditSchema.prepare(c);
            return c;
        } catch (SQLException | AuditWriteException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** The random id the anchor lines of this database carry. */
    static String logId(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM audit_meta WHERE key = 'log_id'")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    /**
     * Binds the database to the audit key on first use and afterwards refuses another key: windows sharing one
     * database must share its key file, or ID searches miss the other windows' entries and their anchors cannot be
     * checked. Only a one-way fingerprint of the key is stored.
     */
    static void claimKey(Connection c, String fingerprint) throws SQLException, AuditWriteException {
        String stored = meta(c, "key_fingerprint");
        if (stored == null) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT OR IGNORE INTO audit_meta (key, value) VALUES ('key_fingerprint', ?)")) {
                insert.setString(1, fingerprint);
                insert.executeUpdate();
            } catch (SQLException e) {
                // a read-only or locked database: nothing can be written to it either, and the write says why
                LOG.log(System.Logger.Level.DEBUG, "could not bind the audit database to its key yet", e);
                return;
            }
            stored = meta(c, "key_fingerprint");
        }
        if (!fingerprint.equals(stored)) {
            throw new AuditWriteException(AuditWriteException.Kind.UNAVAILABLE, "This audit database was started"
                    + " with a different audit key file. Every window that writes to a shared audit database must use"
                    + " the same key file: copy audit.key from the folder of the database (or from the first window)"
                    + " instead of making a new one.", null);
        }
    }

    private static String meta(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT value FROM audit_meta WHERE key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Switches a file to WAL. On a new file opened by several windows at once, SQLite can answer the switch with
     * SQLITE_BUSY at once, without asking the busy handler (it would deadlock waiting): tried again every few
     * milliseconds for the same lock wait as any write.
     */
    private static String walMode(Statement s) throws SQLException {
        long deadline = System.nanoTime() + SqliteAuditLog.BUSY_TIMEOUT.toNanos();
        while (true) {
            try {
                return stringPragma(s, "journal_mode = WAL");
            } catch (SQLiteException e) {
                if (e.getResultCode().code != SQLiteErrorCode.SQLITE_BUSY.code || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    static String stringPragma(Statement s, String pragma) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the audit database failed", e);
            }
        }
    }
}
