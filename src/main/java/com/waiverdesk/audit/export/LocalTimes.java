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
        long inDay = ms - dayStart;
        StringBuilder sb = new StringBuilder(29).append(datePrefix);
        two(sb, inDay / 3_600_000).append(':');
        two(sb, inDay / 60_000 % 60).append(':');
        two(sb, inDay / 1_000 % 60).append('.');
        long milli = inDay % 1_000;
        sb.append((char) ('0' + milli / 100)).append((char) ('0' + milli / 10 % 10)).append((char) ('0' + milli % 10));
        return sb.append(offsetSuffix).toString();
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
        StringBuilder sb = new StringBuilder(35).append(serviceDatePrefix);
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond());
        int nano = t.getNano();
        if (nano > 0) {
            String digits = Integer.toString(1_000_000_000 + nano).substring(1);
            int length = nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
            sb.append('.').append(digits, 0, length);
        }
        return sb.append(serviceOffsetSuffix).toString();
    }

    private static StringBuilder two(StringBuilder sb, long v) {
        return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
