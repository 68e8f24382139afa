package com.waiverdesk.audit;

import java.util.Optional;

/**
 * The outcome of walking the hash chain, for the supervisor's "verify" and the {@code audit verify} command.
 *
 * @param entriesChecked rows read, including the broken one
 * @param lastGoodSeq    the last entry whose link and content verified ({@code 0} if none)
 * @param lastGoodHash   that entry's hash ({@link HashChain#GENESIS} if none), the value a later anchor records
 * @param firstBreak     the first problem, or {@code null} when the whole chain verified
 */
public record ChainReport(long entriesChecked, long lastGoodSeq, String lastGoodHash, Break firstBreak) {

    /** What is wrong at the first broken entry. */
    public enum BreakKind {
        /** the row's content was changed after it was written (its hash no longer matches) */
        EDITED,
        /** the row does not point at its predecessor (a row was replaced, re-hashed, or inserted before it) */
        BROKEN_LINK,
        /** sequence numbers are not consecutive from 1 (a row was deleted, or one added out of order) */
        GAP
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
