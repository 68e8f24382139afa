package com.waiverdesk.audit;

/**
 * An audit entry as read back from the log, with its place in the hash chain.
 *
 * @param seq       the entry's sequence number (1 for the first entry)
 * @param entry     the fields as stored; the workstation time has millisecond precision
 * @param prevHash  the previous entry's hash ({@link HashChain#GENESIS} for the first)
 * @param entryHash this entry's hash
 */
public record StoredEntry(long seq, AuditEntry entry, String prevHash, String entryHash) {
}
