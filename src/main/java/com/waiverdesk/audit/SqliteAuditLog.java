package com.waiverdesk.audit;

import com.waiverdesk.audit.AuditWriteException.Kind;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.BusyHandler;

/**
 * The audit log in one SQLite file: each append is its own durable, hash-chained transaction, and several windows or
 * processes may append to the same file because {@code BEGIN IMMEDIATE} serializes them into one linear chain.
 *
 * <p>One connection per instance; every method is synchronized. A long {@link #verifyChain()} therefore delays this
 * instance's appends: the supervisor's screens should open their own instance.
 */
public final class SqliteAuditLog implements AuditLog {
    /** Rides out another window's commit (milliseconds) yet reports a stuck lock long before a clerk gives up. */
    public static final Duration BUSY_TIMEOUT = Duration.ofSeconds(2);

    private static final System.Logger LOG = System.getLogger(SqliteAuditLog.class.getName());
    private static final String COLUMNS = String.join(", ", EntryColumns.NAMES);
    private static final String INSERT = "INSERT INTO audit_entry (seq, " + COLUMNS + ", prev_hash, entry_hash)"
            + " VALUES (?" + ", ?".repeat(EntryColumns.NAMES.size() + 2) + ")";
    private static final String SELECT = "SELECT seq, " + COLUMNS + ", prev_hash, entry_hash FROM audit_entry";
    private static final String LAST_LINK = "SELECT seq, entry_hash FROM audit_entry ORDER BY seq DESC LIMIT 1";
    private static final int PREV_HASH = EntryColumns.NAMES.size() + 2;

    private final Connection connection;
    private boolean closed;

    private SqliteAuditLog(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating the file and its folders if needed) the audit database at {@code file}. */
    public static SqliteAuditLog open(Path file) throws AuditWriteException {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new AuditWriteException(e instanceof AccessDeniedException ? Kind.READ_ONLY : Kind.UNAVAILABLE,
                    "Could not create the folder for the audit database: " + parent, e);
        }
        return openUrl("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /**
     * Opens the log from the {@code --audit-db} value: a {@code jdbc:sqlite:} URL (which may carry SQLite URI
     * parameters such as {@code mode=ro}) or a file path.
     */
    public static SqliteAuditLog open(String jdbcUrlOrPath) throws AuditWriteException {
        return jdbcUrlOrPath.startsWith("jdbc:") ? openUrl(jdbcUrlOrPath) : open(Path.of(jdbcUrlOrPath));
    }

    private static SqliteAuditLog openUrl(String url) throws AuditWriteException {
        Connection c = null;
        try {
            c = DriverManager.getConnection(url);
            BusyHandler.setHandler(c, new DeadlineBusyHandler(BUSY_TIMEOUT));
            try (Statement s = c.createStatement()) {
                String mode = stringPragma(s, "journal_mode = WAL");
                if (!"wal".equalsIgnoreCase(mode)) {
                    LOG.log(System.Logger.Level.WARNING, "Audit database stays in journal mode {0}, not WAL", mode);
                }
                s.execute("PRAGMA synchronous = FULL");
            }
            AuditSchema.prepare(c);
            return new SqliteAuditLog(c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw SqliteErrors.write(e, "open the audit database");
        } catch (AuditWriteException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** Appends the entry as the next link of the chain and returns its seq once the transaction is committed. */
    @Override
    public synchronized long append(AuditEntry entry) throws AuditWriteException {
        requireOpen();
        List<Object> values = EntryColumns.toColumns(entry);
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                long seq = 1;
                String prev = HashChain.GENESIS;
                try (ResultSet rs = s.executeQuery(LAST_LINK)) {
                    if (rs.next()) {
                        seq = rs.getLong(1) + 1;
                        prev = rs.getString(2);
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    insert.setLong(1, seq);
                    for (int i = 0; i < values.size(); i++) {
                        insert.setObject(i + 2, values.get(i));
                    }
                    insert.setString(PREV_HASH, prev);
                    insert.setString(PREV_HASH + 1, HashChain.hash(seq, values, prev));
                    insert.executeUpdate();
                }
                s.execute("COMMIT");
                return seq;
            } catch (SQLException | RuntimeException e) {
                AuditSchema.rollbackQuietly(s);
                throw e;
            }
        } catch (SQLException e) {
            throw SqliteErrors.write(e, "write the audit entry");
        }
    }

    /** Number of entries in the log. */
    public synchronized long count() throws AuditReadException {
        try (Statement s = readable().createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_entry")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw SqliteErrors.read(e, "count the audit entries");
        }
    }

    /** The most recent entry, if any. */
    public Optional<StoredEntry> last() throws AuditReadException {
        return latest(1).stream().findFirst();
    }

    /** The {@code n} most recent entries, newest first. */
    public synchronized List<StoredEntry> latest(int n) throws AuditReadException {
        try (PreparedStatement ps = readable().prepareStatement(SELECT + " ORDER BY seq DESC LIMIT ?")) {
            ps.setInt(1, n);
            List<StoredEntry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(stored(rs));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw SqliteErrors.read(e, "read the audit entries");
        }
    }

    /** Walks the whole chain in seq order (one consistent snapshot) and reports the first break, if any. */
    public synchronized ChainReport verifyChain() throws AuditReadException {
        HashChain.Verifier verifier = new HashChain.Verifier();
        try (Statement s = readable().createStatement(); ResultSet rs = s.executeQuery(SELECT + " ORDER BY seq")) {
            boolean more = true;
            while (more && rs.next()) {
                more = verifier.accept(rs.getLong(1), EntryColumns.read(rs, 2),
                        rs.getString(PREV_HASH), rs.getString(PREV_HASH + 1));
            }
            return verifier.report();
        } catch (SQLException e) {
            throw SqliteErrors.read(e, "verify the audit log");
        }
    }

    /** The settings in effect on this instance's connection, for diagnostics ({@code audit stats}) and tests. */
    public synchronized Settings settings() throws AuditReadException {
        try (Statement s = readable().createStatement()) {
            return new Settings(stringPragma(s, "journal_mode"), Integer.parseInt(stringPragma(s, "synchronous")),
                    Integer.parseInt(stringPragma(s, "user_version")));
        } catch (SQLException e) {
            throw SqliteErrors.read(e, "read the audit database settings");
        }
    }

    /**
     * Connection settings as SQLite reports them (the lock wait is {@link #BUSY_TIMEOUT}, enforced by this class).
     *
     * @param synchronous {@code 2} is FULL
     */
    public record Settings(String journalMode, int synchronous, int schemaVersion) {
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly(connection);
        }
    }

    private StoredEntry stored(ResultSet rs) throws SQLException {
        long seq = rs.getLong(1);
        try {
            return new StoredEntry(seq, EntryColumns.fromColumns(EntryColumns.read(rs, 2)),
                    rs.getString(PREV_HASH), rs.getString(PREV_HASH + 1));
        } catch (IllegalArgumentException e) {
            throw new SQLException("audit entry " + seq + " holds a value this program never writes; verify the log",
                    null, 11, e);
        }
    }

    private void requireOpen() throws AuditWriteException {
        if (closed) {
            throw new AuditWriteException(Kind.UNAVAILABLE, "Could not write the audit entry: the audit log is closed.",
                    null);
        }
    }

    private Connection readable() throws SQLException {
        if (closed) {
            throw new SQLException("the audit log is closed");
        }
        return connection;
    }

    private static String stringPragma(Statement s, String pragma) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the audit database failed", e);
            }
        }
    }
}
