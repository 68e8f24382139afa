package com.waiverdesk.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The audit log's hash chain in one place: the canonical serialization of a stored row, its SHA-256, and the walk
 * that finds the first broken link, so writer and verifier can never disagree on the format.
 *
 * <p>Canonical form (version 1): the format tag, the sequence number, the stored column values in
 * {@link EntryColumns#NAMES} order, then the previous entry's hash. Each value is one tag byte
 * ({@code 0} null, {@code 1} 64-bit big-endian integer, {@code 2} text as a 4-byte big-endian byte length and UTF-8
 * bytes, {@code 3} any other stored type as its text), so no two different rows serialize alike.
 */
public final class HashChain {
    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);
    static final String FORMAT = "waiverdesk-audit-chain-1";

    private HashChain() {
    }

    /** Lower-case hex SHA-256 of the canonical form of one row. */
    public static String hash(long seq, List<Object> storedValues, String prevHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical(seq, storedValues, prevHash)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static byte[] canonical(long seq, List<Object> storedValues, String prevHash) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, FORMAT);
            write(out, seq);
            for (Object value : storedValues) {
                write(out, value);
            }
            write(out, Objects.requireNonNull(prevHash, "prevHash"));
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void write(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(0);
        } else if (value instanceof Long || value instanceof Integer) {
            out.writeByte(1);
            out.writeLong(((Number) value).longValue());
        } else {
            out.writeByte(value instanceof String ? 2 : 3);
            byte[] utf8 = String.valueOf(value instanceof byte[] ? HexFormat.of().formatHex((byte[]) value) : value)
                    .getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
    }

    /** Walks stored rows in ascending seq order and remembers the first break; feed it until it returns false. */
    public static final class Verifier {
        private long expectedSeq = 1;
        private String expectedPrev = GENESIS;
        private long checked;
        private ChainReport.Break firstBreak;

        /** Checks one row; returns {@code false} once the chain is broken (later rows prove nothing more). */
        public boolean accept(long seq, List<Object> storedValues, String prevHash, String entryHash) {
            if (firstBreak != null) {
                return false;
            }
            checked++;
            if (seq != expectedSeq) {
                firstBreak = new ChainReport.Break(seq, ChainReport.BreakKind.GAP,
                        "expected entry " + expectedSeq + " but found " + seq);
            } else if (!expectedPrev.equals(prevHash)) {
                firstBreak = new ChainReport.Break(seq, ChainReport.BreakKind.BROKEN_LINK,
                        "its previous hash does not match the hash of entry " + (seq - 1));
            } else if (!hash(seq, storedValues, prevHash).equals(entryHash)) {
                firstBreak = new ChainReport.Break(seq, ChainReport.BreakKind.EDITED,
                        "its content does not match its stored hash");
            } else {
                expectedSeq = seq + 1;
                expectedPrev = entryHash;
                return true;
            }
            return false;
        }

        public ChainReport report() {
            return new ChainReport(checked, expectedSeq - 1, expectedPrev, firstBreak);
        }
    }
}
