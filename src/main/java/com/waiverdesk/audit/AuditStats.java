package com.waiverdesk.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * The figures {@code audit stats} prints: sizes and ages of the log, without walking the chain.
 *
 * @param entries          check entries in the log
 * @param oldest           workstation time of the oldest check entry, or {@code null} if there is none
 * @param newest           workstation time of the newest check entry, or {@code null}
 * @param accessEvents     access events (who looked at the log)
 * @param sizeOnDiskBytes  the database file and its write-ahead log
 * @param schemaVersion    {@code PRAGMA user_version}
 * @param purgedThroughSeq the last purged check entry, {@code 0} if the log was never purged
 * @param lastAnchor       the last correctly signed anchor, or {@code null} (none yet, or no anchor file given)
 * @param anchorFile       where anchors are written, or {@code null} when the log was opened without the audit key
 */
public record AuditStats(long entries, Instant oldest, Instant newest, long accessEvents, long sizeOnDiskBytes,
                         int schemaVersion, long purgedThroughSeq, ChainHead lastAnchor, Path anchorFile) {

    static AuditStats read(Connection c, Anchorer anchorer) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            Long oldest = longOrNull(s, "SELECT min(ws_time_ms) FROM audit_entry");
            Long newest = longOrNull(s, "SELECT max(ws_time_ms) FROM audit_entry");
            ChainWriter.Link base = ChainWriter.purgeBase(c);
            Anchor last = anchorer == null ? null : anchorer.file().read(anchorer.logId()).lastValid();
            return new AuditStats(longOrNull(s, "SELECT count(*) FROM audit_entry"),
                    oldest == null ? null : Instant.ofEpochMilli(oldest),
                    newest == null ? null : Instant.ofEpochMilli(newest),
                    longOrNull(s, "SELECT count(*) FROM access_entry"), sizeOnDisk(s),
                    longOrNull(s, "PRAGMA user_version").intValue(), base == null ? 0 : base.seq(),
                    last == null ? null : last.head(), anchorer == null ? null : anchorer.file().path());
        }
    }

    private static long sizeOnDisk(Statement s) throws SQLException, IOException {
        String file;
        try (ResultSet rs = s.executeQuery("SELECT file FROM pragma_database_list WHERE name = 'main'")) {
            file = rs.next() ? rs.getString(1) : "";
        }
        if (file == null || file.isEmpty()) {
            return 0;
        }
        long size = 0;
        for (Path p : new Path[] {Path.of(file), Path.of(file + "-wal")}) {
            size += Files.exists(p) ? Files.size(p) : 0;
        }
        return size;
    }

    private static Long longOrNull(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            long v = rs.getLong(1);
            return rs.wasNull() ? null : v;
        }
    }
}
