package com.waiverdesk.audit;

/**
 * An audit entry as read back from the log, with its place in the hash chain.
 *
 * @param seq       the entry's sequence number (1 for the first entry)
 * @param entry     the fields as stored; the workstation time has millisecond precision
 * @param prevHash  the previous entry's hash ({@link HashChain#GENESIS} for the first)
 * @param entryHash this entry's hash
 * @param server    what the audit server recorded about it; {@code null} for an entry of a workstation's own log
 */
public record StoredEntry(long seq, AuditEntry entry, String prevHash, String entryHash, ServerFacts server) {
    /** An entry of a workstation's own log. */
    public StoredEntry(long seq, AuditEntry entry, String prevHash, String entryHash) {
        this(seq, entry, prevHash, entryHash, null);
    }
}
