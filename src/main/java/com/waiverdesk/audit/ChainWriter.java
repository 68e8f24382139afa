package com.waiverdesk.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * Appends links to either chain inside a {@code BEGIN IMMEDIATE} transaction, which serializes every window and
 * process writing to the file into one linear chain per table; and reads the chains' heads the same way.
 */
final class ChainWriter {
    private ChainWriter() {
    }

    /** A position in a chain: a seq and the hash the next entry must point at. */
    record Link(long seq, String hash) {
        static final Link GENESIS = new Link(0, HashChain.GENESIS);
    }

    /** Inserts the next link of {@code chain}; the caller holds the write lock. Returns the new seq. */
    static long appendLink(Connection c, AuditChain chain, List<Object> values) throws SQLException {
        Link last = lastLink(c, chain);
        long seq = last.seq() + 1;
        try (PreparedStatement insert = c.prepareStatement(chain.insert())) {
            insert.setLong(1, seq);
            for (int i = 0; i < values.size(); i++) {
                insert.setObject(i + 2, values.get(i));
            }
            insert.setString(values.size() + 2, last.hash());
            insert.setString(values.size() + 3, HashChain.hash(chain.format(), seq, values, last.hash()));
            insert.executeUpdate();
        }
        return seq;
    }

    /**
     * The chain's last entry; for a check chain emptied by a purge, the last purged entry, so the chain goes on
     * from there instead of starting again at 1.
     */
    static Link lastLink(Connection c, AuditChain chain) throws SQLException {
        Link last = queryLink(c, "SELECT seq, entry_hash FROM " + chain.table() + " ORDER BY seq DESC LIMIT 1");
        if (last == null && chain == AuditChain.CHECKS) {
            last = purgeBase(c);
        }
        return last == null ? Link.GENESIS : last;
    }

    /** The last purged check entry, or {@code null} if the log was never purged. */
    static Link purgeBase(Connection c) throws SQLException {
        return queryLink(c, "SELECT through_seq, through_hash FROM audit_purge ORDER BY through_seq DESC LIMIT 1");
    }

    /** Both chains' heads as committed now (call inside a transaction for a consistent pair). */
    static ChainHead head(Connection c, Instant time) throws SQLException {
        Link checks = lastLink(c, AuditChain.CHECKS);
        Link access = lastLink(c, AuditChain.ACCESS);
        return new ChainHead(time, checks.seq(), checks.hash(), access.seq(), access.hash());
    }

    private static Link queryLink(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? new Link(rs.getLong(1), rs.getString(2)) : null;
        }
    }
}
