package com.waiverdesk.audit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The only way entries leave the log: an explicit purge of the oldest check entries, at least {@link #MINIMUM_DAYS}
 * old, by a named supervisor. In one transaction it anchors the heads and the new start of the chain first, deletes a
 * prefix of the chain (so what remains still links to the anchored hash of the last purged entry), records the purge
 * and a PURGE access event. Access events are never purged.
 */
final class RetentionPurge {
    /** Security logs are kept at least six months (Cybersecurity Law art. 21); no setting goes below this. */
    static final int MINIMUM_DAYS = 180;

    private RetentionPurge() {
    }

    /** The last day whose entries may be purged: entries from before the returned day's start are old enough. */
    static LocalDate latestAllowedBefore(LocalDate today, int retentionDays) {
        return today.minusDays(Math.max(retentionDays, MINIMUM_DAYS));
    }

    static PurgeResult run(Connection c, Anchorer anchorer, LocalDate before, String supervisor, String workstation,
                           int retentionDays) throws SQLException, IOException {
        int keep = Math.max(retentionDays, MINIMUM_DAYS);
        LocalDate allowed = latestAllowedBefore(LocalDate.now(anchorer.clock()), retentionDays);
        if (before.isAfter(allowed)) {
            throw new IllegalArgumentException("Audit entries are kept at least " + keep + " days: purge before "
                    + allowed + " or earlier, not before " + before + ".");
        }
        long cutoff = before.atStartOfDay(anchorer.clock().getZone()).toInstant().toEpochMilli();
        return ImmediateTransaction.<PurgeResult, IOException>run(c, s -> {
            Instant now = anchorer.clock().instant();
            ChainWriter.Link base = ChainWriter.purgeBase(c);
            base = base == null ? ChainWriter.Link.GENESIS : base;
            long through = lastOlderThan(c, cutoff);
            if (through <= base.seq()) {
                long accessSeq = ChainWriter.appendLink(c, AuditChain.ACCESS, AccessColumns.toColumns(new AccessEvent(
                        now, supervisor, workstation, AccessEvent.Action.PURGE, "nothing to purge before " + before
                        + " (retention " + keep + " days)")));
                return new PurgeResult(0, base.seq(), base.hash(), accessSeq, null);
            }
            String throughHash = hashOf(c, through);
            ChainHead head = ChainWriter.head(c, now);
            String anchorLine = anchorer.writeInside(s, new Anchor(anchorer.logId(), head, through, throughHash));
            s.execute("DROP TRIGGER audit_entry_no_delete");
            int purged = s.executeUpdate("DELETE FROM audit_entry WHERE seq <= " + through);
            s.execute(AuditSchema.DELETE_GUARD);
            long accessSeq = ChainWriter.appendLink(c, AuditChain.ACCESS, AccessColumns.toColumns(new AccessEvent(
                    now, supervisor, workstation, AccessEvent.Action.PURGE, "purged entries " + (base.seq() + 1)
                    + " to " + through + " (" + purged + ") written before " + before + ", retention " + keep
                    + " days; the remaining chain starts after hash " + throughHash)));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_purge (time_ms, supervisor, workstation,"
                    + " before_day, retention_days, through_seq, through_hash, purged_count, access_seq, anchor_line)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Object[] values = {now.toEpochMilli(), supervisor, workstation, before.toString(), keep, through,
                    throughHash, purged, accessSeq, anchorLine};
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.executeUpdate();
            }
            return new PurgeResult(purged, through, throughHash, accessSeq, head);
        });
    }

    /**
     * The end of the chain's prefix written before {@code cutoff}: the entry before the first one written at or after
     * it. A clock set back on one workstation therefore keeps older entries rather than purging a younger one.
     */
    private static long lastOlderThan(Connection c, long cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce((SELECT min(seq) FROM audit_entry WHERE ws_time_ms >= ?) - 1,"
                        + " (SELECT max(seq) FROM audit_entry), 0)")) {
            ps.setLong(1, cutoff);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String hashOf(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT entry_hash FROM audit_entry WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("audit entry " + seq + " vanished during the purge");
                }
                return rs.getString(1);
            }
        }
    }
}
