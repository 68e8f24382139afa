package com.waiverdesk.audit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Decides when this instance anchors (on the first write of each calendar day and at close, unless nothing changed)
 * and writes each anchor while holding the database's write lock, so anchors from several windows on one file are
 * in the order of the heads they record.
 */
final class Anchorer {
    private static final System.Logger LOG = System.getLogger(Anchorer.class.getName());

    private final AnchorFile file;
    private final Clock clock;
    private final String logId;
    private Anchor last;
    private LocalDate lastDay;

    private Anchorer(AnchorFile file, Clock clock, String logId, Anchor last) {
        this.file = file;
        this.clock = clock;
        this.logId = logId;
        this.last = last;
        this.lastDay = last == null ? null : LocalDate.ofInstant(last.head().time(), clock.getZone());
    }

    /** Starts from the last anchor already in the file; an unreadable file only means the next write anchors. */
    static Anchorer start(AnchorFile file, Clock clock, String logId) {
        Anchor last = null;
        try {
            last = file.last(logId).orElse(null);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not read the anchor file {0}: {1}", file.path(), e.toString());
        }
        return new Anchorer(file, clock, logId, last);
    }

    AnchorFile file() {
        return file;
    }

    String logId() {
        return logId;
    }

    /** True once per calendar day: the caller should anchor after the write it just committed. */
    boolean firstWriteOfTheDay() {
        LocalDate today = LocalDate.now(clock);
        if (today.equals(lastDay)) {
            return false;
        }
        lastDay = today;
        return true;
    }

    /** Anchors the committed heads of both chains; {@code evenIfUnchanged == false} skips a repeat of the last one. */
    Anchor write(Connection c, boolean evenIfUnchanged) throws SQLException, IOException {
        if (!evenIfUnchanged && current(c).sameState(last)) {
            return last; // checked without the write lock first, so a read-only window closes quietly
        }
        Anchor written = ImmediateTransaction.<Anchor, IOException>run(c, s -> {
            Anchor anchor = current(c);
            if (!evenIfUnchanged && anchor.sameState(last)) {
                return last;
            }
            append(s, anchor);
            return anchor;
        });
        last = written;
        return written;
    }

    /** The anchor of the committed state now. */
    private Anchor current(Connection c) throws SQLException {
        ChainWriter.Link base = ChainWriter.purgeBase(c);
        base = base == null ? ChainWriter.Link.GENESIS : base;
        return new Anchor(logId, ChainWriter.head(c, clock.instant()), base.seq(), base.hash());
    }

    /**
     * Writes the anchor that precedes a purge, inside the purge's transaction: the heads before it and the purge base
     * after it. If the purge then rolls back, the line only announces a purge that did not happen, which verifies.
     */
    String writeInside(Statement s, Anchor anchor) throws SQLException, IOException {
        String line = append(s, anchor);
        last = anchor;
        return line;
    }

    private String append(Statement s, Anchor anchor) throws SQLException, IOException {
        String line = file.append(anchor);
        // lets verify tell a deleted anchor file from a log that never had one
        s.execute("INSERT OR IGNORE INTO audit_meta (key, value) VALUES ('anchored_since', '"
                + anchor.head().time() + "')");
        return line;
    }

    Clock clock() {
        return clock;
    }
}
