package com.waiverdesk.audit;

import com.waiverdesk.audit.ChainReport.Break;
import com.waiverdesk.audit.ChainReport.BreakKind;
import java.sql.SQLException;
import java.util.List;

/**
 * Names the kind of the first break in a chain from the evidence the neighbouring rows give. The program writes
 * entry {@code n} with {@code prev_hash} = the hash of entry {@code n - 1} and a hash that covers {@code n} itself,
 * so a renumbered row no longer hashes under its new seq but still does under its old one, and a row keeps pointing
 * at its original predecessor wherever it is moved. The walk stops at row {@code s}, the first row that is out of
 * sequence, does not point at the row before it ("unlinked"), or does not hash to its stored hash ("unsound"):
 * <ol>
 * <li>a seq is skipped: <b>DELETED</b> at the first missing seq (decided by {@link ChainWalker});</li>
 * <li>linked but unsound: <b>INSERTED</b> at {@code s} if the next row points past it at {@code s - 1} (the row
 * was slipped in), else <b>EDITED</b> at {@code s};</li>
 * <li>unlinked, and it points at the hash of a row that comes after it: <b>REORDERED</b> at {@code s};</li>
 * <li>unlinked, it hashes as seq {@code s - m} and points at row {@code s - m - 1}: <b>INSERTED</b> at
 * {@code s - m} ({@code m} rows were slipped in before it and it was renumbered to make room);</li>
 * <li>unlinked, it hashes as seq {@code s + m}: <b>DELETED</b> at {@code s} (rows were removed and the later ones
 * renumbered to close the gap);</li>
 * <li>unlinked but sound, pointing at an earlier row {@code j < s - 1}: <b>INSERTED</b> at {@code s}, because the
 * program would have numbered a successor of {@code j} as {@code j + 1}: this row was made by hand;</li>
 * <li>unlinked and unsound otherwise: <b>EDITED</b> at {@code s} (for example its {@code prev_hash} was changed);</li>
 * <li>unlinked but sound, pointing at an unknown hash: <b>EDITED</b> at {@code s - 1}, whose content was changed
 * and hash recomputed, while row {@code s} still points at its original hash.</li>
 * </ol>
 * Renumbering and back-references are looked for within {@link #WINDOW} rows. A log rewritten wholesale with every
 * hash recomputed is consistent in itself; only an anchor reveals it (TRUNCATED, see {@link ChainWalker}).
 */
final class BreakClassifier {
    /** How many rows before and after the break the evidence is looked for in. */
    static final int WINDOW = 16;

    /** A stored row of the chain. */
    record Row(long seq, List<Object> values, String prevHash, String entryHash) {
    }

    /** Reads rows of the chain by seq, within the walk's snapshot. */
    interface Rows {
        /** The rows with {@code from <= seq <= to}, in seq order. */
        List<Row> range(long from, long to) throws SQLException;
    }

    private final AuditChain chain;
    private final Rows rows;
    private final RowDigester digester = new RowDigester();

    BreakClassifier(AuditChain chain, Rows rows) {
        this.chain = chain;
        this.rows = rows;
    }

    /**
     * @param r      the first bad row, at its expected seq
     * @param linked whether it points at the previous verified row (or at {@code start} if it is the first)
     * @param start  where the walk began: seq 0 and genesis, or the last purged entry
     */
    Break classify(Row r, boolean linked, ChainWriter.Link start) throws SQLException {
        long s = r.seq();
        boolean sound = hashesAs(r, s);
        List<Row> after = rows.range(s + 1, s + WINDOW);
        if (linked) {
            if (!after.isEmpty() && after.get(0).seq() == s + 1 && r.prevHash().equals(after.get(0).prevHash())) {
                return brk(s, BreakKind.INSERTED, noun() + " " + (s + 1) + " points past " + noun() + " " + s
                        + " at " + noun() + " " + (s - 1) + ", so " + s + " was slipped in");
            }
            return brk(s, BreakKind.EDITED, "its content does not match its stored hash");
        }
        for (Row later : after) {
            if (later.entryHash().equals(r.prevHash())) {
                return brk(s, BreakKind.REORDERED, "it points at " + noun() + " " + later.seq()
                        + ", which now comes after it: the entries were swapped or moved");
            }
        }
        List<Row> before = rows.range(Math.max(start.seq() + 1, s - WINDOW - 1), s - 1);
        for (int m = 1; m <= WINDOW && s - m > start.seq(); m++) {
            if (hashesAs(r, s - m) && r.prevHash().equals(hashOf(s - m - 1, before, start))) {
                return brk(s - m, BreakKind.INSERTED, m + " " + (m == 1 ? noun() + " was" : chain.plural() + " were")
                        + " slipped in before the " + noun() + " now numbered " + s + ", which was written as "
                        + (s - m) + " and renumbered");
            }
        }
        for (int m = 1; m <= WINDOW; m++) {
            if (hashesAs(r, s + m)) {
                return brk(s, BreakKind.DELETED, m + " " + (m == 1 ? noun() + " was" : chain.plural() + " were") + " removed here"
                        + " and the later ones renumbered: the " + noun() + " now numbered " + s + " was written as "
                        + (s + m));
            }
        }
        for (long j = s - 2; sound && j >= Math.max(start.seq(), s - WINDOW); j--) {
            if (r.prevHash().equals(hashOf(j, before, start))) {
                return brk(s, BreakKind.INSERTED, "it points at " + noun() + " " + j + " though the program numbers"
                        + " the " + noun() + " after " + j + " as " + (j + 1) + ": it was added by hand");
            }
        }
        if (!sound || s - 1 <= start.seq()) {
            return brk(s, BreakKind.EDITED, "its content or its link to the previous " + noun()
                    + " does not match its stored hash");
        }
        return brk(s - 1, BreakKind.EDITED, "its content was changed and its hash recomputed: " + noun() + " " + s
                + " still points at its original hash");
    }

    private boolean hashesAs(Row r, long seq) {
        return seq > 0 && digester.matches(chain.format(), seq, r.values(), r.prevHash(), r.entryHash());
    }

    private static String hashOf(long seq, List<Row> before, ChainWriter.Link start) {
        if (seq == start.seq()) {
            return start.hash();
        }
        for (Row row : before) {
            if (row.seq() == seq) {
                return row.entryHash();
            }
        }
        return null;
    }

    private String noun() {
        return chain.noun();
    }

    private static Break brk(long seq, BreakKind kind, String detail) {
        return new Break(seq, kind, capitalized(detail) + ".");
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
