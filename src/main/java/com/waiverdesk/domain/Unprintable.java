package com.waiverdesk.domain;

/**
 * Characters that must never reach a screen, a terminal, a log or the audit log as typed: controls, format characters
 * (zero-width and bidirectional ones such as U+202E, which reorder what the reader sees), private-use, unassigned,
 * lone surrogates and line or paragraph separators.
 */
public final class Unprintable {
    /** What stands in for each such character where the input must be kept for the record (U+FFFD). */
    public static final char REPLACEMENT = '\uFFFD';

    private Unprintable() {
    }

    public static boolean is(int codePoint) {
        switch (Character.getType(codePoint)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.PRIVATE_USE:
            case Character.SURROGATE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return true;
            default:
                return false;
        }
    }

    public static boolean containsAny(String s) {
        return s.codePoints().anyMatch(Unprintable::is);
    }

    /**
     * Replaces each such character by {@link #REPLACEMENT}, so that the record still shows that something was
     * typed there, visibly and harmlessly.
     */
    public static String replace(String s) {
        if (s == null || !containsAny(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (is(cp)) {
                sb.append(REPLACEMENT);
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
