package com.waiverdesk.audit.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Formats workstation times as ISO-8601 local times with offset ({@code 2026-03-01T16:00:00.123+08:00}) a million
 * times in a row: entries come in time order, so the date part and the offset are reused while the time stays in
 * the same local day and offset, and only the clock time is written digit by digit.
 */
final class LocalTimes {
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final long DAY_MS = 86_400_000L;

    private final ZoneId zone;
    private long dayStart = Long.MAX_VALUE;
    private long dayEnd = Long.MIN_VALUE;
    private String datePrefix;
    private String offsetSuffix;
    private LocalDate serviceDay;
    private ZoneOffset serviceOffset;
    private String serviceDatePrefix;
    private String serviceOffsetSuffix;
    /** One time is written here, then copied into its String: one allocation a time instead of four. */
    private final char[] buffer = new char[64];

    LocalTimes(ZoneId zone) {
        this.zone = zone;
    }

    String format(Instant time) {
        long ms = time.toEpochMilli();
        if (ms < dayStart || ms >= dayEnd) {
            if (!remember(time)) {
                return FULL.format(time.atZone(zone));
            }
        }
        int inDay = (int) (ms - dayStart);
        int n = put(datePrefix, 0);
        n = two(inDay / 3_600_000, n);
        buffer[n++] = ':';
        n = two(inDay / 60_000 % 60, n);
        buffer[n++] = ':';
        n = two(inDay / 1_000 % 60, n);
        buffer[n++] = '.';
        n = digits(inDay % 1_000, 3, n);
        return new String(buffer, 0, put(offsetSuffix, n));
    }

    /**
     * Caches the local day around {@code time} when its offset holds all day; returns false (format in full) on a
     * day with an offset change, where local clock time is not milliseconds since local midnight.
     */
    private boolean remember(Instant time) {
        ZonedDateTime local = time.atZone(zone);
        LocalDate day = local.toLocalDate();
        ZoneOffset offset = local.getOffset();
        long start = day.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        if (end - start != DAY_MS || !zone.getRules().getOffset(Instant.ofEpochMilli(end - 1)).equals(offset)) {
            dayStart = Long.MAX_VALUE;
            dayEnd = Long.MIN_VALUE;
            return false;
        }
        dayStart = start;
        dayEnd = end;
        datePrefix = day + "T";
        offsetSuffix = offset.getTotalSeconds() == 0 ? "Z" : offset.getId();
        return true;
    }

    /**
     * The service's own time with its own offset, as {@link java.time.OffsetDateTime#toString()} writes it but always
     * with seconds (fraction in groups of three digits, none when zero), at a fraction of its cost: the date and
     * offset part is reused while they repeat.
     */
    String formatService(java.time.OffsetDateTime t) {
        if (!t.toLocalDate().equals(serviceDay) || !t.getOffset().equals(serviceOffset)) {
            serviceDay = t.toLocalDate();
            serviceOffset = t.getOffset();
            serviceDatePrefix = serviceDay + "T";
            serviceOffsetSuffix = serviceOffset.getId();
        }
        if (t.getYear() > 9999 || t.getYear() < 0) {
            return t.toString();
        }
        int n = put(serviceDatePrefix, 0);
        n = two(t.getHour(), n);
        buffer[n++] = ':';
        n = two(t.getMinute(), n);
        buffer[n++] = ':';
        n = two(t.getSecond(), n);
        int nano = t.getNano();
        if (nano > 0) {
            buffer[n++] = '.';
            n = nano % 1_000_000 == 0 ? digits(nano / 1_000_000, 3, n)
                    : nano % 1_000 == 0 ? digits(nano / 1_000, 6, n) : digits(nano, 9, n);
        }
        return new String(buffer, 0, put(serviceOffsetSuffix, n));
    }

    /** Copies {@code text} into the buffer at {@code at}; returns the position after it. */
    private int put(String text, int at) {
        text.getChars(0, text.length(), buffer, at);
        return at + text.length();
    }

    private int two(int v, int at) {
        return digits(v, 2, at);
    }

    /** Writes {@code v} as exactly {@code count} digits, with leading zeros, at {@code at}. */
    private int digits(int v, int count, int at) {
        for (int i = at + count - 1; i >= at; i--) {
            buffer[i] = (char) ('0' + v % 10);
            v /= 10;
        }
        return at + count;
    }
}
