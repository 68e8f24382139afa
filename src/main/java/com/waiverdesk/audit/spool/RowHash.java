package com.waiverdesk.audit.spool;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash that chains the spool's rows: SHA-256, in lower-case hex, over a format tag, the row's values and the
 * previous row's hash, each value as in the audit chain's canonical form (2, then the UTF-8 length as four bytes
 * big-endian and the bytes, for text; 1 and eight bytes big-endian for a number). Its own tag keeps a spool row's
 * hash from ever equalling an audit entry's.
 */
final class RowHash {
    static final String FORMAT = "waiverdesk-spool-1";

    private RowHash() {
    }

    static String of(long n, String kind, String entryId, long spooledMs, String body, String prevHash) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        text(sha, FORMAT);
        number(sha, n);
        text(sha, kind);
        text(sha, entryId);
        number(sha, spooledMs);
        text(sha, body);
        text(sha, prevHash);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void number(MessageDigest sha, long value) {
        sha.update((byte) 1);
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    }

    private static void text(MessageDigest sha, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) 2);
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        sha.update(bytes);
    }
}
