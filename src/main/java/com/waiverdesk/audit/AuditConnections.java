package com.waiverdesk.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.BusyHandler;

/** Opens connections to the audit database with the settings every writer needs: WAL, full sync, lock waits. */
final class AuditConnections {
    private static final System.Logger LOG = System.getLogger(AuditConnections.class.getName());

    private AuditConnections() {
    }

    /** A connection to a database brought to the current schema; closed again if anything fails. */
    static Connection open(String url) throws SQLException, AuditWriteException {
        Connection c = DriverManager.getConnection(url);
        try {
            BusyHandler.setHandler(c, new DeadlineBusyHandler(SqliteAuditLog.BUSY_TIMEOUT));
            try (Statement s = c.createStatement()) {
                String mode = stringPragma(s, "journal_mode = WAL");
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
