package com.waiverdesk.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds a paper entry's review in the access chain through the partial index {@code access_entry_review}: the first
 * review event whose detail starts with the entry ({@link AccessEvent#reviewPrefix}) is the entry's review. The chain
 * is the only record, so deleting or reordering reviews breaks it, and "the first counts" holds by its order.
 */
final class Reviews {
    /** An entry with no review event; for a query over {@code audit_entry}. Uses the index (same condition). */
    static final String PENDING = "NOT EXISTS (SELECT 1 FROM access_entry WHERE " + AuditSchema.REVIEW_ACTIONS
            + " AND detail >= 'entry ' || audit_entry.seq || '; reason: '"
            + " AND detail < 'entry ' || audit_entry.seq || '; reason:!')";
    static final String FIRST = "SELECT time_ms, supervisor, workstation, action, detail FROM access_entry"
            + " WHERE " + AuditSchema.REVIEW_ACTIONS + " AND detail >= ? AND detail < ? ORDER BY seq LIMIT 1";

    private Reviews() {
    }

    /** The first review of entry {@code seq}, if any. */
    static Optional<Review> first(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FIRST)) {
            return first(ps, seq);
        }
    }

    /** As {@link #first(Connection, long)} with {@link #FIRST} prepared (an export asks once per paper entry). */
    static Optional<Review> first(PreparedStatement ps, long seq) throws SQLException {
        ps.setString(1, AccessEvent.reviewPrefix(seq));
        ps.setString(2, AccessEvent.reviewPrefixEnd(seq));
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            String detail = rs.getString(5);
            return Optional.of(new Review(AccessEvent.Action.REVIEW_APPROVED.name().equals(rs.getString(4)),
                    detail.substring(AccessEvent.reviewPrefix(seq).length()), rs.getString(2),
                    Instant.ofEpochMilli(rs.getLong(1)), rs.getString(3)));
        }
    }
}
