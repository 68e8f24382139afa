package com.waiverdesk.audit;

import java.util.Optional;

/**
 * The outcome of walking one hash chain, for the supervisor's "verify" and the {@code audit verify} command.
 *
 * @param entriesChecked rows read, including the broken one
 * @param lastGoodSeq    the last entry whose link and content verified ({@code 0} if none)
 * @param lastGoodHash   that entry's hash ({@link HashChain#GENESIS} if none), the value a later anchor records
 * @param firstBreak     the first problem, or {@code null} when the whole chain verified
 */
public record ChainReport(long entriesChecked, long lastGoodSeq, String lastGoodHash, Break firstBreak) {

    /** What is wrong at the first broken entry; {@link ChainWalker} explains how each is told apart. */
    public enum BreakKind {
        /** the entry's content was changed after it was written (possibly with its hash recomputed) */
        EDITED,
        /** entries are missing: a gap in the sequence, or later entries renumbered to close it */
        DELETED,
        /** an entry was slipped in that the program did not write in that place */
        INSERTED,
        /** entries were swapped: an entry points at one that now comes after it */
        REORDERED,
        /** the log ends before the last anchor says it did, or an anchored entry was replaced (cut back and refilled) */
        TRUNCATED,
        /** a line of the anchor file is forged, damaged, from another log, or replayed; {@code seq} is its line number */
        ANCHOR_INVALID
    }

    /** The first break: the seq where it shows and a plain-English detail without personal data. */
    public record Break(long seq, BreakKind kind, String detail) {
    }

    public boolean intact() {
        return firstBreak == null;
    }

    public Optional<Break> breakFound() {
        return Optional.ofNullable(firstBreak);
    }
}
