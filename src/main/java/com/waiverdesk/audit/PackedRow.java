package com.waiverdesk.audit;

/**
 * Decodes a row packed by SQLite's {@code jsonb_array(...)} straight into a {@link RowDigester}: one JNI call
 * per row instead of two per column, which makes a full verify about twice as fast. JSONB is SQLite's documented,
 * stable binary JSON (sqlite.org/jsonb.html): each element is a header (type in the low 4 bits, payload size or
 * size-of-size in the high 4) and a payload; integers are decimal text, and SQL text is stored as raw UTF-8 or, when
 * it holds quotes, backslashes or control characters, as UTF-8 with JSON escapes.
 */
final class PackedRow {
    private static final int NULL = 0;
    private static final int INT = 3;
    private static final int TEXT = 7;
    private static final int TEXTJ = 8;
    private static final int TEXTRAW = 10;
    private static final int ARRAY = 11;

    private PackedRow() {
    }

    /**
     * Feeds the array's {@code count} elements to {@code digester}; {@code false} if the packing is not an array of
     * exactly that many nulls, integers and texts (anything else is checked the slow, exact way).
     */
    static boolean feed(byte[] b, int count, RowDigester digester) {
        int[] at = {0};
        if (b.length == 0 || (b[0] & 0x0F) != ARRAY) {
            return false;
        }
        long size = payloadSize(b, at);
        if (size < 0 || at[0] + size != b.length) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (at[0] >= b.length) {
                return false;
            }
            int type = b[at[0]] & 0x0F;
            long n = payloadSize(b, at);
            if (n < 0 || at[0] + n > b.length) {
                return false;
            }
            int start = at[0];
            int length = (int) n;
            at[0] += length;
            if (type == NULL && length == 0) {
                digester.nullValue();
            } else if (type == INT && length > 0 && length <= 20) {
                Long v = parseLong(b, start, length);
                if (v == null) {
                    return false;
                }
                digester.longValue(v);
            } else if (type == TEXT || type == TEXTRAW) {
                digester.utf8Value(b, start, length);
            } else if (type == TEXTJ) {
                if (!unescape(b, start, length, digester)) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return at[0] == b.length;
    }

    /** Writes JSON-escaped UTF-8 as the text it stands for; an escape never yields more bytes than it takes. */
    private static boolean unescape(byte[] b, int start, int length, RowDigester d) {
        int mark = d.openText(length);
        int end = start + length;
        for (int i = start; i < end; i++) {
            if (b[i] != '\\') {
                d.put(b[i]);
                continue;
            }
            if (++i >= end) {
                return false;
            }
            switch (b[i]) {
                case '"', '\\', '/' -> d.put(b[i]);
                case 'b' -> d.put((byte) '\b');
                case 'f' -> d.put((byte) '\f');
                case 'n' -> d.put((byte) '\n');
                case 'r' -> d.put((byte) '\r');
                case 't' -> d.put((byte) '\t');
                case 'u' -> {
                    int cp = hex4(b, i + 1, end);
                    if (cp < 0 || Character.isSurrogate((char) cp)) {
                        return false; // a pair or a lone half: left to the exact reading
                    }
                    i += 4;
                    putUtf8(cp, d);
                }
                default -> {
                    return false;
                }
            }
        }
        d.closeText(mark);
        return true;
    }

    private static int hex4(byte[] b, int from, int end) {
        if (from + 4 > end) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + 4; i++) {
            int digit = Character.digit(b[i], 16);
            if (digit < 0) {
                return -1;
            }
            v = v << 4 | digit;
        }
        return v;
    }

    private static void putUtf8(int cp, RowDigester d) {
        if (cp < 0x80) {
            d.put((byte) cp);
        } else if (cp < 0x800) {
            d.put((byte) (0xC0 | cp >> 6));
            d.put((byte) (0x80 | cp & 0x3F));
        } else {
            d.put((byte) (0xE0 | cp >> 12));
            d.put((byte) (0x80 | cp >> 6 & 0x3F));
            d.put((byte) (0x80 | cp & 0x3F));
        }
    }

    /** Reads the header at {@code at[0]}, advances past it, and returns the payload size (-1 if malformed). */
    private static long payloadSize(byte[] b, int[] at) {
        int code = (b[at[0]] >>> 4) & 0x0F;
        at[0]++;
        if (code <= 11) {
            return code;
        }
        int bytes = code == 12 ? 1 : code == 13 ? 2 : code == 14 ? 4 : 8;
        if (at[0] + bytes > b.length) {
            return -1;
        }
        long size = 0;
        for (int i = 0; i < bytes; i++) {
            size = size << 8 | (b[at[0]++] & 0xFF);
        }
        return size >= 0 && size <= Integer.MAX_VALUE ? size : -1;
    }

    private static Long parseLong(byte[] b, int start, int length) {
        boolean negative = b[start] == '-';
        int i = negative ? start + 1 : start;
        if (i == start + length) {
            return null;
        }
        long v = 0;
        try {
            for (; i < start + length; i++) {
                int digit = b[i] - '0';
                if (digit < 0 || digit > 9) {
                    return null;
                }
                // accumulate negatively, so that Long.MIN_VALUE parses too
                v = Math.subtractExact(Math.multiplyExact(v, 10L), digit);
            }
            return negative ? v : Math.negateExact(v);
        } catch (ArithmeticException overflow) {
            return null;
        }
    }
}
