package com.waiverdesk.audit;

import java.util.Objects;

/**
 * One signed line of the anchor file: the heads of both chains at a moment, and how far the retention purge had
 * removed the oldest check entries, so a verifier knows where the remaining chain must start.
 *
 * @param logId             the random id of the audit database the line belongs to
 * @param purgedThroughSeq  the last purged check entry ({@code 0} if none was ever purged)
 * @param purgedThroughHash that entry's hash, which the first remaining entry must point at
 */
public record Anchor(String logId, ChainHead head, long purgedThroughSeq, String purgedThroughHash) {
    public Anchor {
        Objects.requireNonNull(logId, "logId");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(purgedThroughHash, "purgedThroughHash");
    }

    /** Whether both chains' heads and the purge base are the same as in {@code other} (the time may differ). */
    boolean sameState(Anchor other) {
        return other != null && head.seq() == other.head.seq() && head.hash().equals(other.head.hash())
                && head.accessSeq() == other.head.accessSeq() && head.accessHash().equals(other.head.accessHash())
                && purgedThroughSeq == other.purgedThroughSeq;
    }
}
