package com.waiverdesk.domain;

import java.text.Normalizer;

/** A patient's name as sent to the service: NFKC, trimmed, single spaces, one middle-dot form; nothing more. */
public final class PersonName {
    public static final int MAX_LENGTH = 64;
    /** The middle dot the service expects (U+00B7); look-alikes are folded to it. */
    public static final char MIDDLE_DOT = '\u00B7';
    private static final String DOT_LOOKALIKES = "\u00B7\u2022\u2027\u30FB\uFF65\u2219\u22C5\u0387";
    /** Space, the middle dot, hyphen-minus and hyphen, apostrophe and right single quotation mark (O’Brien). */
    private static final String NAME_PUNCTUATION = " \u00B7-\u2010'\u2019";
    private static final int IDEOGRAPHIC_ZERO = 0x3007;

    private final String value;

    private PersonName(String value) {
        this.value = value;
    }

    public static PersonName parse(String raw) throws InvalidInputException {
        String s = normalize(raw);
        if (s.isEmpty()) {
            throw new InvalidInputException(InputProblem.NAME_EMPTY);
        }
        if (s.codePointCount(0, s.length()) > MAX_LENGTH) {
            throw new InvalidInputException(InputProblem.NAME_TOO_LONG);
        }
        boolean hasLetter = false;
        int previous = ' ';
        for (int cp : s.codePoints().toArray()) {
            if (Character.isDigit(cp)) {
                throw new InvalidInputException(InputProblem.NAME_HAS_DIGITS);
            }
            if (Unprintable.is(cp) || isVariationSelector(cp)) {
                throw new InvalidInputException(InputProblem.NAME_HAS_CONTROL_CHARACTERS);
            }
            if (!allowed(cp, previous)) {
                throw new InvalidInputException(InputProblem.NAME_HAS_SYMBOLS);
            }
            hasLetter |= Character.isLetter(cp);
            previous = cp;
        }
        if (!hasLetter) {
            throw new InvalidInputException(InputProblem.NAME_HAS_SYMBOLS);
        }
        return new PersonName(s);
    }

    /**
     * What a name may hold: letters of any script (Han, Latin with its accents, Cyrillic, Uyghur, Tibetan …), the
     * ideographic zero 〇 that some names use, combining marks after a letter (scripts that need them), single spaces,
     * the middle dot of ethnic-minority names, hyphens and apostrophes. No symbol, emoji or other punctuation is part of
     * a name: sent, it would only come back as "name does not match".
     */
    private static boolean allowed(int cp, int previous) {
        if (Character.isLetter(cp) || cp == IDEOGRAPHIC_ZERO || NAME_PUNCTUATION.indexOf(cp) >= 0) {
            return true;
        }
        return isMark(cp) && (Character.isLetter(previous) || isMark(previous));
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** Invisible selectors of a glyph's look (emoji presentation U+FE0F among them): nothing the service can match. */
    private static boolean isVariationSelector(int cp) {
        return cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF;
    }

    /** NFKC, middle dots folded, whitespace runs collapsed to one space, trimmed. Not validated. */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // only real spacing folds; other controls Java calls whitespace (U+001C..U+001F, a scanner's group
            // separator) must stay visible to validation instead of turning into a space
            if (Character.isSpaceChar(c) || c == '\t' || c == '\n' || c == '\r') {
                pendingSpace = sb.length() > 0;
                continue;
            }
            if (pendingSpace) {
                sb.append(' ');
                pendingSpace = false;
            }
            sb.append(DOT_LOOKALIKES.indexOf(c) >= 0 ? MIDDLE_DOT : c);
        }
        return sb.toString();
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonName && ((PersonName) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The first character and a star for each other one ({@code 张**}), for places that must not show the name. */
    public String masked() {
        int first = value.codePointAt(0);
        int rest = value.codePointCount(0, value.length()) - 1;
        return rest == 0 ? "*" : new String(Character.toChars(first)) + "*".repeat(rest);
    }

    /** Masked, like {@link ResidentId#toString()}: a name must not reach a log by accident; use {@link #value()}. */
    @Override
    public String toString() {
        return masked();
    }
}
