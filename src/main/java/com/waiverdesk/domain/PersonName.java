package com.waiverdesk.domain;

import java.text.Normalizer;

/** A patient's name as sent to the service: NFKC, trimmed, single spaces, one middle-dot form; nothing more. */
public final class PersonName {
    public static final int MAX_LENGTH = 64;
    /** The middle dot the service expects (U+00B7); look-alikes are folded to it. */
    public static final char MIDDLE_DOT = '\u00B7';
    private static final String DOT_LOOKALIKES = "\u00B7\u2022\u2027\u30FB\uFF65\u2219\u22C5\u0387";

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
        int[] cps = s.codePoints().toArray();
        for (int cp : cps) {
            if (Character.isDigit(cp)) {
                throw new InvalidInputException(InputProblem.NAME_HAS_DIGITS);
            }
            int type = Character.getType(cp);
            if (Character.isISOControl(cp) || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE) {
                throw new InvalidInputException(InputProblem.NAME_HAS_CONTROL_CHARACTERS);
            }
        }
        return new PersonName(s);
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
