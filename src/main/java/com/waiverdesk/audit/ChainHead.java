package com.waiverdesk.audit;

import java.time.Instant;

/**
 * The head of the hash chains at a moment: what an anchor records (and every export carries), so that later
 * truncating the tail of the log is detectable.
 *
 * @param seq        the last check entry's sequence number ({@code 0} for an empty log)
 * @param hash       its entry hash ({@link HashChain#GENESIS} for an empty log)
 * @param accessSeq  the last access event's sequence number
 * @param accessHash its hash
 */
public record ChainHead(Instant time, long seq, String hash, long accessSeq, String accessHash) {
}
