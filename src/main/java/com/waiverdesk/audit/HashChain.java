package com.waiverdesk.audit;

import java.util.List;

/**
 * The audit log's hash chains in one place: the format of a stored row's canonical serialization, whose SHA-256 is
 * its hash ({@link RowDigester} computes it for writer and verifier alike, so they can never disagree).
 *
 * <p>Canonical form (version 1): the chain's format tag, the sequence number, the stored column values in the chain's
 * column order ({@link EntryColumns#NAMES}, {@link AccessColumns#NAMES}), then the previous entry's hash. Each value
 * is one tag byte ({@code 0} null, {@code 1} 64-bit big-endian integer, {@code 2} text as a 4-byte big-endian byte
 * length and UTF-8 bytes, {@code 3} any other stored type as its text, the same way), so no two different rows
 * serialize alike. The two chains differ in their format tag, so a row of one never verifies in the other.
 *
 * <p>Columns added to the check chain later (schema version 3: the policy, service and program a check ran with) are
 * serialized only up to the last one that is not null: an entry written before they existed has them all null and
 * keeps the hash it was written with, while a newer entry's values are covered by its hash (emptying them, or filling
 * them in an older entry, breaks the chain there).
 */
public final class HashChain {
    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);
    static final String FORMAT = "waiverdesk-audit-chain-1";
    static final String ACCESS_FORMAT = "waiverdesk-access-chain-1";

    private HashChain() {
    }

    /** How many leading values of a row of {@code format} are serialized even when null; trailing nulls after them are not. */
    static int alwaysHashedValues(String format) {
        return FORMAT.equals(format) ? EntryColumns.VERSION_1_COLUMNS : Integer.MAX_VALUE;
    }

    /** Lower-case hex SHA-256 of the canonical form of one row of the check chain. */
    public static String hash(long seq, List<Object> storedValues, String prevHash) {
        return hash(FORMAT, seq, storedValues, prevHash);
    }

    /**
     * Lower-case hex SHA-256 of the canonical form of one row of the chain with the given format tag; the audit server's
     * chains ({@code waiverdesk-server-chain-1}, {@code -access-1}) serialize every value, trailing nulls included.
     */
    public static String hash(String format, long seq, List<Object> storedValues, String prevHash) {
        return new RowDigester().hash(format, seq, storedValues, prevHash);
    }
}
