package com.waiverdesk.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A validated 18-character resident identity number (GB 11643-1999); its {@code toString} is masked
 * so that a full number never reaches a log or an exception message by accident.
 */
public final class ResidentId {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1880, 1, 1);
    /** Hyphen-minus, the Unicode hyphens and dashes, minus sign, small and full-width hyphen-minus. */
    private static final String HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE63\uFF0D";
    private static final int LENGTH = 18;
    /**
     * The longest masked form: room for a few mistyped extra characters; beyond it the mask is cut, so that pasted
     * junk (a 10 MiB "ID" was once stored whole) never fills a screen, a terminal or the audit log.
     */
    public static final int MAX_MASKED_LENGTH = 32;

    private final String value;

    private ResidentId(String value) {
        this.value = value;
    }

    /**
     * Normalizes (trims, drops inner spaces, folds full-width digits and letters, upper-cases x) and validates.
     * A 15-digit legacy number is upgraded to 18 characters.
     *
     * @param today the local date, to reject birth dates in the future
     */
    public static ResidentId parse(String raw, LocalDate today) throws InvalidInputException {
        String s = normalize(raw);
        if (s.isEmpty()) {
            throw new InvalidInputException(InputProblem.ID_EMPTY);
        }
        // an invisible character (a zero-width space from a web page, a bidirectional mark) first: the clerk sees
        // only digits and must be told there is something else
        if (Unprintable.containsAny(s)) {
            throw new InvalidInputException(InputProblem.ID_HAS_CONTROL_CHARACTERS);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            // an X in last place is a check character: a number of the wrong length ending in X was mistyped, not
            // misspelt, so it is reported as a length problem
            boolean lastX = c == 'X' && i == s.length() - 1;
            if (!digit && !lastX) {
                throw new InvalidInputException(InputProblem.ID_BAD_CHARACTER);
            }
        }
        boolean legacy = s.length() == 15 && s.charAt(14) != 'X';
        if (s.length() != LENGTH && !legacy) {
            throw new InvalidInputException(InputProblem.ID_WRONG_LENGTH);
        }
        String body = legacy ? s.substring(0, 6) + "19" + s.substring(6) : s.substring(0, 17);
        LocalDate birth = birthDateOf(body);
        if (birth == null || birth.isBefore(EARLIEST_BIRTH)) {
            throw new InvalidInputException(InputProblem.ID_IMPOSSIBLE_DATE);
        }
        if (birth.isAfter(today)) {
            throw new InvalidInputException(InputProblem.ID_FUTURE_DATE);
        }
        char check = checkCharacter(body);
        if (!legacy && s.charAt(17) != check) {
            throw new InvalidInputException(InputProblem.ID_WRONG_CHECK_DIGIT);
        }
        return new ResidentId(body + check);
    }

    /** The form the clerk meant: trimmed, no spaces, ASCII digits, upper-case X. Not validated. */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || HYPHENS.indexOf(c) >= 0) {
                continue;
            }
            if (c >= '\uFF10' && c <= '\uFF19') {
                c = (char) ('0' + (c - '\uFF10'));
            } else if (c == '\uFF38' || c == '\uFF58' || c == 'x') {
                c = 'X';
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 digits, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    /**
     * Masks all but the first 6 and the last 4 characters of what was typed, for screens and the audit log;
     * works on invalid input too. Input shorter than 18 characters is masked entirely: its last 4 would fall
     * inside the birth date, which the mask exists to hide. Invisible characters show as U+FFFD; a mask longer than
     * {@link #MAX_MASKED_LENGTH} is cut there and ends in "…" (its last 4 are then of no use to anyone).
     */
    public static String mask(String raw) {
        int[] cps = Unprintable.replace(normalize(raw)).codePoints().toArray();
        int n = cps.length;
        if (n > MAX_MASKED_LENGTH) {
            return new String(cps, 0, 6) + "*".repeat(MAX_MASKED_LENGTH - 7) + "\u2026";
        }
        if (n < LENGTH) {
            return "*".repeat(n);
        }
        return new String(cps, 0, 6) + "*".repeat(n - 10) + new String(cps, n - 4, 4);
    }

    private static LocalDate birthDateOf(String body17) {
        try {
            return LocalDate.of(Integer.parseInt(body17.substring(6, 10)),
                    Integer.parseInt(body17.substring(10, 12)),
                    Integer.parseInt(body17.substring(12, 14)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The full number: only for the signed request and the keyed audit hash, never for display or logs. */
    public String value() {
        return value;
    }

    public String masked() {
        return mask(value);
    }

    public String regionCode() {
        return value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return birthDateOf(value);
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    public enum Sex { MALE, FEMALE }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResidentId && ((ResidentId) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
