package com.waiverdesk.audit;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Reads back the stored service times, exactly as {@link OffsetDateTime#parse} would, at a tenth of its cost: the
 * general parser builds a map of fields and copies it at every optional section, and an export parses a million.
 *
 * <p>Only the form {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes for years 0000-9999 is read here
 * ({@code 2026-03-01T16:00:00.123+08:00}: seconds always, a fraction of 1-9 digits when not zero, {@code Z} or an
 * offset {@code ±HH:MM} with {@code :SS} when it has seconds). Anything else, and any value out of range, goes to
 * {@link OffsetDateTime#parse}, so what it accepts, rejects and throws stays exactly the same.
 */
final class ServiceTimes {
    private static final int[] SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private ServiceTimes() {
    }

    /** @throws java.time.format.DateTimeParseException as {@link OffsetDateTime#parse} does */
    static OffsetDateTime parse(CharSequence text) {
        OffsetDateTime fast = parseStoredForm(text);
        return fast != null ? fast : OffsetDateTime.parse(text);
    }

    /** The time when {@code text} has the stored form and valid values, otherwise {@code null}. */
    static OffsetDateTime parseStoredForm(CharSequence text) {
        int n = text.length();
        if (n < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nano = 0;
        if (text.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 10 && isDigit(text.charAt(i))) {
                i++;
            }
            int length = i - start;
            if (length < 1 || length > 9) {
                return null;
            }
            nano = digits(text, start, length) * SCALE[length];
        }
        ZoneOffset offset = offset(text, i);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second, nano), offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code Z}, {@code ±HH:MM} or {@code ±HH:MM:SS} from {@code i} to the end; {@code null} for anything else. */
    private static ZoneOffset offset(CharSequence text, int i) {
        int rest = text.length() - i;
        if (rest == 1 && text.charAt(i) == 'Z') {
            return ZoneOffset.UTC;
        }
        if (rest != 6 && rest != 9) {
            return null;
        }
        char sign = text.charAt(i);
        if (sign != '+' && sign != '-' || text.charAt(i + 3) != ':' || rest == 9 && text.charAt(i + 6) != ':') {
            return null;
        }
        int hours = digits(text, i + 1, 2);
        int minutes = digits(text, i + 4, 2);
        int seconds = rest == 9 ? digits(text, i + 7, 2) : 0;
        if ((hours | minutes | seconds) < 0 || minutes > 59 || seconds > 59) {
            return null;
        }
        int total = hours * 3600 + minutes * 60 + seconds;
        try {
            return ZoneOffset.ofTotalSeconds(sign == '-' ? -total : total);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The value of {@code count} ASCII digits at {@code start}, or -1 when one is not a digit. */
    private static int digits(CharSequence text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
