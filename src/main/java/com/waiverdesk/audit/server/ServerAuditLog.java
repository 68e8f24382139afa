package com.waiverdesk.audit.server;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditLog;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.EntryColumns;
import com.waiverdesk.audit.RecentMap;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A desk's side of the audit server: each entry goes through {@code waiverdesk.append_entry}, which assigns its seq,
 * server time, writer and chain hash; the entry's id makes a second delivery of the same entry (a forwarded copy whose
 * first commit the desk never heard of) return the first one's seq. One connection, opened when first needed and again
 * after a failure. Thread-safe (calls are serialized). Blocking: network.
 *
 * <p>An append commits with the server's synchronous_commit (durable when it returns) and waits for no other desk:
 * the server links committed entries into its chain as they come (migration V5, {@link #seal()}).
 */
public final class ServerAuditLog implements AuditLog {
    private static final System.Logger LOG = System.getLogger(ServerAuditLog.class.getName());
    /** The stored columns that are integers; the rest are text. */
    private static final Set<String> INTEGER_COLUMNS = Set.of("ws_time_ms", "deposit_percent", "latency_ms",
            "demo_service", "trust_list_age_s", "revocation_list_age_s", "follows_seq", "holder_from_certificate");
    private static final String APPEND = appendCall();
    private static final String SEAL = "SELECT waiverdesk.seal_entries(false)";
    /** Entries appended by {@link #append(AuditEntry)} lately, so {@link #markNotShown(long, Instant, String, String)} finds their ids. */
    private static final int REMEMBERED = 256;

    private final ServerConnections connections;
    private final Map<Long, UUID> recent = new RecentMap<>(REMEMBERED, false);
    private Connection connection;

    public ServerAuditLog(ServerConnections connections) {
        this.connections = connections;
    }

    public ServerUrl url() {
        return connections.url();
    }

    /** Appends with a new entry id, directly at decision time. */
    @Override
    public long append(AuditEntry entry) throws AuditWriteException {
        UUID id = UUID.randomUUID();
        long seq = append(id, entry, null);
        synchronized (this) {
            recent.put(seq, id);
        }
        return seq;
    }

    /**
     * Commits the entry on the server, or finds it there already by its id.
     *
     * @param spooledMs {@code null} when appended at decision time; else when (workstation epoch ms) it was spooled
     * @return the entry's seq on the server
     */
    public synchronized long append(UUID entryId, AuditEntry entry, Long spooledMs) throws AuditWriteException {
        try {
            return appendOn(connection(), entryId, entry, spooledMs);
        } catch (SQLException e) {
            throw failed("append an entry", e);
        }
    }

    /**
     * The seq the server would give a new entry now, for a login that may not read the chain's head (a desk): found
     * by appending {@code probe} in a transaction of its own that is rolled back, so nothing is written. Holds the
     * chain's lock for one append, as any append does. {@code audit migrate} tells a new entry from one it finds on
     * the server by comparing its seq with this.
     */
    public long nextSeq(AuditEntry probe) throws AuditWriteException {
        try (Connection c = connections.open()) {
            c.setAutoCommit(false);
            try {
                return appendOn(c, UUID.randomUUID(), probe, null);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw failed("read the chain's next seq", e);
        }
    }

    private static long appendOn(Connection c, UUID entryId, AuditEntry entry, Long spooledMs) throws SQLException {
        List<Object> values = EntryColumns.toColumns(entry);
        try (PreparedStatement p = c.prepareStatement(APPEND)) {
            p.setObject(1, entryId);
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                if (v == null) {
                    p.setNull(i + 2, INTEGER_COLUMNS.contains(EntryColumns.NAMES.get(i)) ? Types.BIGINT
                            : Types.VARCHAR);
                } else if (v instanceof Long l) {
                    p.setLong(i + 2, l);
                } else {
                    p.setString(i + 2, (String) v);
                }
            }
            if (spooledMs == null) {
                p.setNull(values.size() + 2, Types.BIGINT);
            } else {
                p.setLong(values.size() + 2, spooledMs);
            }
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Marks an entry this log appended lately as never shown. */
    @Override
    public long markNotShown(long seq, Instant time, String operator, String workstation) throws AuditWriteException {
        UUID id;
        synchronized (this) {
            id = recent.get(seq);
        }
        if (id == null) {
            throw new AuditWriteException(AuditWriteException.Kind.UNAVAILABLE,
                    "entry " + seq + " was not appended by this desk lately", null);
        }
        return markNotShown(id, time, operator, workstation);
    }

    /** Records that the entry's decision never showed; a second mark of the same entry returns the first. */
    public synchronized long markNotShown(UUID entryId, Instant time, String operator, String workstation)
            throws AuditWriteException {
        try (PreparedStatement p = connection().prepareStatement(
                "SELECT waiverdesk.mark_not_shown(?, ?, ?, ?)")) {
            p.setObject(1, entryId);
            p.setLong(2, time.toEpochMilli());
            p.setString(3, operator);
            p.setString(4, workstation);
            long seq;
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
            }
            return seq;
        } catch (SQLException e) {
            throw failed("mark an entry as not shown", e);
        }
    }

    /** The hospital's key of the ID hash, made by {@code audit server init}. */
    public synchronized byte[] idHashKey() throws AuditWriteException {
        try (PreparedStatement p = connection().prepareStatement("SELECT waiverdesk.id_hash_key()");
             ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getBytes(1);
        } catch (SQLException e) {
            throw failed("read the ID-hash key", e);
        }
    }

    /** The newest deposit policy IT stored on the server, if any. */
    public synchronized Optional<ServerPolicy> currentPolicy() throws AuditWriteException {
        try (PreparedStatement p = connection().prepareStatement(
                "SELECT version, policy_id, sha256, body FROM waiverdesk.current_policy() WHERE version IS NOT NULL");
             ResultSet rs = p.executeQuery()) {
            return rs.next() ? Optional.of(new ServerPolicy(rs.getLong(1), rs.getString(2), rs.getString(3),
                    rs.getString(4))) : Optional.empty();
        } catch (SQLException e) {
            throw failed("read the current policy", e);
        }
    }

    @Override
    public synchronized void close() {
        closeConnection();
    }

    /**
     * Links the entries committed on the server into its chain, unless another session is doing so (the server's
     * housekeeping, which appends also do; called on the forwarding tick, so the last entries of a quiet spell do not
     * wait for the next append). Returns how many this call linked.
     */
    public synchronized long seal() throws AuditWriteException {
        try (PreparedStatement p = connection().prepareStatement(SEAL); ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failed("seal the server's chain", e);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection c = connections.open();
            try {
                // the server seals only where each statement sees the latest commits (V5)
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            connection = c;
        }
        return connection;
    }

    private AuditWriteException failed(String what, SQLException e) {
        // after any failure the connection may be half-open: the next call opens a new one
        closeConnection();
        String words = ServerConnections.describe(e, connections.url());
        LOG.log(System.Logger.Level.WARNING, "could not {0}: {1} (SQL state {2})", what, words, e.getSQLState());
        return new AuditWriteException(AuditWriteException.Kind.UNAVAILABLE, words, e);
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the audit server connection failed", e);
            }
            connection = null;
        }
    }

    private static String appendCall() {
        StringBuilder sql = new StringBuilder("SELECT waiverdesk.append_entry(?::uuid");
        for (String column : EntryColumns.NAMES) {
            sql.append(INTEGER_COLUMNS.contains(column) ? ", ?::bigint" : ", ?::text");
        }
        return sql.append(", ?::bigint)").toString();
    }
}
