package com.waiverdesk.audit;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Computes {@link HashChain}'s canonical form and its SHA-256 row after row with one buffer and one digest, so
 * walking a million rows allocates little beyond what the JDBC driver hands out. Not thread-safe.
 */
final class RowDigester {
    private static final HexFormat HEX = HexFormat.of();
    private final MessageDigest sha;
    private final byte[] digest = new byte[32];
    private byte[] buf = new byte[1024];
    private int len;
    /** Values of this row so far, how many are always serialized, and where the serialization ends without trailing nulls. */
    private int values;
    private int alwaysKept;
    private int keptLen;

    RowDigester() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    String hash(String format, long seq, List<Object> values, String prevHash) {
        begin(format, seq);
        for (Object value : values) {
            value(value);
            counted(value == null);
        }
        finish(prevHash);
        return HEX.formatHex(digest);
    }

    /** Whether the row whose values sit in columns {@code first .. first + count - 1} of {@code rs} hashes to {@code storedHash}. */
    boolean matches(String format, long seq, ResultSet rs, int first, int count, String prevHash, String storedHash)
            throws SQLException {
        begin(format, seq);
        for (int i = 0; i < count; i++) {
            Object value = rs.getObject(first + i);
            value(value);
            counted(value == null);
        }
        if (prevHash == null) {
            return false;
        }
        finish(prevHash);
        return equalsHex(storedHash);
    }

    /**
     * Whether a row packed by SQLite's {@code jsonb_array(columns)} hashes to {@code storedHash}; {@code false}
     * also when the packing holds anything the program never writes, so the caller re-checks such rows exactly.
     */
    boolean matchesPacked(String format, long seq, byte[] jsonb, int count, String prevHash, String storedHash) {
        if (jsonb == null || prevHash == null) {
            return false;
        }
        begin(format, seq);
        if (!PackedRow.feed(jsonb, count, this)) {
            return false;
        }
        finish(prevHash);
        return equalsHex(storedHash);
    }

    void nullValue() {
        value(null);
        counted(true);
    }

    void longValue(long v) {
        value(v);
        counted(false);
    }

    /** Starts a text value of at most {@code maxBytes} UTF-8 bytes, to be filled by {@link #put}; returns a mark. */
    int openText(int maxBytes) {
        ensure(5 + maxBytes);
        buf[len++] = 2;
        len += 4;
        return len;
    }

    void put(byte b) {
        buf[len++] = b;
    }

    /** Ends the text value opened at {@code mark}, writing its length in front of it. */
    void closeText(int mark) {
        int n = len - mark;
        buf[mark - 4] = (byte) (n >>> 24);
        buf[mark - 3] = (byte) (n >>> 16);
        buf[mark - 2] = (byte) (n >>> 8);
        buf[mark - 1] = (byte) n;
        counted(false);
    }

    /** A text value given as its stored UTF-8 bytes. */
    void utf8Value(byte[] src, int offset, int length) {
        ensure(5 + length);
        buf[len++] = 2;
        buf[len++] = (byte) (length >>> 24);
        buf[len++] = (byte) (length >>> 16);
        buf[len++] = (byte) (length >>> 8);
        buf[len++] = (byte) length;
        System.arraycopy(src, offset, buf, len, length);
        len += length;
        counted(false);
    }

    /** Whether the stored values hash to {@code storedHash} under {@code seq}. */
    boolean matches(String format, long seq, List<Object> values, String prevHash, String storedHash) {
        return prevHash != null && hash(format, seq, values, prevHash).equals(storedHash);
    }

    private void begin(String format, long seq) {
        len = 0;
        value(format);
        value(seq);
        values = 0;
        alwaysKept = HashChain.alwaysHashedValues(format);
        keptLen = len;
    }

    /** After each row value: a null past the always-serialized ones is dropped if nothing but nulls follows it. */
    private void counted(boolean isNull) {
        values++;
        if (!isNull || values <= alwaysKept) {
            keptLen = len;
        }
    }

    private void finish(String prevHash) {
        len = keptLen;
        value(Objects.requireNonNull(prevHash, "prevHash"));
        sha.update(buf, 0, len);
        try {
            sha.digest(digest, 0, digest.length);
        } catch (DigestException e) {
            throw new IllegalStateException("a 32-byte buffer holds a SHA-256 digest", e);
        }
    }

    private void value(Object value) {
        if (value == null) {
            ensure(1);
            buf[len++] = 0;
        } else if (value instanceof Long || value instanceof Integer) {
            ensure(9);
            buf[len++] = 1;
            long v = ((Number) value).longValue();
            for (int shift = 56; shift >= 0; shift -= 8) {
                buf[len++] = (byte) (v >>> shift);
            }
        } else if (value instanceof String) {
            text((byte) 2, (String) value);
        } else {
            text((byte) 3, value instanceof byte[] ? HEX.formatHex((byte[]) value) : String.valueOf(value));
        }
    }

    /** Writes the tag, a length placeholder, the UTF-8 bytes (as {@code String.getBytes} would), then the length. */
    private void text(byte tag, String s) {
        ensure(5 + 3 * s.length());
        buf[len++] = tag;
        int lengthAt = len;
        len += 4;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                buf[len++] = (byte) c;
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xC0 | c >> 6);
                buf[len++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[len++] = (byte) (0xF0 | cp >> 18);
                buf[len++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buf[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buf[len++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                buf[len++] = '?'; // what the JDK's UTF-8 encoder writes for an unpaired surrogate
            } else {
                buf[len++] = (byte) (0xE0 | c >> 12);
                buf[len++] = (byte) (0x80 | c >> 6 & 0x3F);
                buf[len++] = (byte) (0x80 | c & 0x3F);
            }
        }
        int n = len - lengthAt - 4;
        buf[lengthAt] = (byte) (n >>> 24);
        buf[lengthAt + 1] = (byte) (n >>> 16);
        buf[lengthAt + 2] = (byte) (n >>> 8);
        buf[lengthAt + 3] = (byte) n;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    private boolean equalsHex(String hex) {
        if (hex == null || hex.length() != 2 * digest.length) {
            return false;
        }
        for (int i = 0; i < digest.length; i++) {
            if (hex.charAt(2 * i) != HEX.toHighHexDigit(digest[i])
                    || hex.charAt(2 * i + 1) != HEX.toLowHexDigit(digest[i])) {
                return false;
            }
        }
        return true;
    }
}
