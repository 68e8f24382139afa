package com.waiverdesk.audit;

import com.waiverdesk.audit.ChainReport.Break;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies the whole audit database in one read snapshot: both chains ({@link ChainWalker}, {@link BreakClassifier})
 * and the anchor file ({@link AnchorFile}). The anchor file is read before the snapshot starts, so every anchor it
 * holds refers to entries the snapshot sees. A purged log must start right after a purge base that a signed anchor
 * recorded; without an anchor file the purge record in the database is taken on trust.
 */
final class IntegrityVerifier {
    private final Connection c;
    private final AnchorFile anchors;
    private final String logId;

    /** @param anchors {@code null} when the log was opened without the audit key */
    IntegrityVerifier(Connection c, AnchorFile anchors, String logId) {
        this.c = c;
        this.anchors = anchors;
        this.logId = logId;
    }

    IntegrityReport verify(ProgressListener listener) throws SQLException, IOException {
        AnchorFile.Contents contents = anchors == null ? null : anchors.read(logId);
        List<Anchor> valid = contents == null ? List.of() : contents.valid();
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN");
            try {
                ChainWalker.Progress progress = new ChainWalker.Progress(listener,
                        span(s, AuditChain.CHECKS) + span(s, AuditChain.ACCESS));
                ChainReport checks = new ChainWalker(c, AuditChain.CHECKS, progress)
                        .walk(checksStart(s, valid), anchored(valid, AuditChain.CHECKS));
                ChainReport access = new ChainWalker(c, AuditChain.ACCESS, progress)
                        .walk(ChainWriter.Link.GENESIS, anchored(valid, AuditChain.ACCESS));
                Break anchorBreak = contents == null ? null : contents.firstProblem();
                String anchoredSince = meta(s, "anchored_since");
                if (anchorBreak == null && contents != null && valid.isEmpty() && anchoredSince != null) {
                    anchorBreak = new Break(0, ChainReport.BreakKind.ANCHOR_INVALID, "The anchor file "
                            + anchors.path().getFileName() + " holds no anchor, yet anchors were written since "
                            + anchoredSince + ": it was deleted or replaced.");
                }
                progress.finish();
                Anchor last = contents == null ? null : contents.lastValid();
                return new IntegrityReport(checks, access, contents != null, contents == null ? 0 : contents.lines(),
                        last == null ? null : last.head(), anchorBreak);
            } finally {
                AuditSchema.rollbackQuietly(s); // a read transaction: ending it either way releases the snapshot
            }
        }
    }

    /**
     * Where the remaining check chain must start: the latest purge base, among those recorded, at or before the
     * first remaining entry. A later first entry then shows as DELETED right after that base.
     */
    private ChainWriter.Link checksStart(Statement s, List<Anchor> valid) throws SQLException {
        List<ChainWriter.Link> bases = new ArrayList<>();
        bases.add(ChainWriter.Link.GENESIS);
        if (anchors != null) {
            for (Anchor a : valid) {
                bases.add(new ChainWriter.Link(a.purgedThroughSeq(), a.purgedThroughHash()));
            }
        } else {
            try (ResultSet rs = s.executeQuery("SELECT through_seq, through_hash FROM audit_purge ORDER BY id")) {
                while (rs.next()) {
                    bases.add(new ChainWriter.Link(rs.getLong(1), rs.getString(2)));
                }
            }
        }
        long first;
        try (ResultSet rs = s.executeQuery("SELECT min(seq) FROM audit_entry")) {
            rs.next();
            first = rs.getLong(1);
            first = rs.wasNull() ? Long.MAX_VALUE : first;
        }
        ChainWriter.Link start = ChainWriter.Link.GENESIS;
        for (ChainWriter.Link base : bases) {
            if (base.seq() < first && base.seq() >= start.seq()) {
                start = base;
            }
        }
        return start;
    }

    private static List<ChainWalker.Anchored> anchored(List<Anchor> valid, AuditChain chain) {
        List<ChainWalker.Anchored> heads = new ArrayList<>();
        for (Anchor a : valid) {
            ChainHead h = a.head();
            long seq = chain == AuditChain.CHECKS ? h.seq() : h.accessSeq();
            if (seq > 0) {
                heads.add(new ChainWalker.Anchored(seq, chain == AuditChain.CHECKS ? h.hash() : h.accessHash(),
                        h.time()));
            }
        }
        return heads;
    }

    /** An estimate of the rows to walk that costs two index look-ups, not a count. */
    private static long span(Statement s, AuditChain chain) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT (SELECT max(seq) FROM " + chain.table()
                + ") - (SELECT min(seq) FROM " + chain.table() + ") + 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String meta(Statement s, String key) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT value FROM audit_meta WHERE key = '" + key + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
