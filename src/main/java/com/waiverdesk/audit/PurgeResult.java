package com.waiverdesk.audit;

/**
 * What a retention purge removed.
 *
 * @param purgedEntries the number of check entries deleted ({@code 0} when none was old enough)
 * @param throughSeq    the last purged entry, where the remaining chain now starts from ({@code 0} if never purged)
 * @param throughHash   its hash, which the first remaining entry points at
 * @param accessSeq     the PURGE access event that records this purge
 * @param anchorBefore  the chain heads anchored just before the delete, or {@code null} when nothing was purged
 */
public record PurgeResult(long purgedEntries, long throughSeq, String throughHash, long accessSeq,
                          ChainHead anchorBefore) {
}
