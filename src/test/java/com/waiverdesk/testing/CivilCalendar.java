package com.waiverdesk.testing;

/**
 * A test oracle for calendar dates, written from the Gregorian rules with integer arithmetic only (H. Hinnant's
 * days-from-civil algorithms), so tests of the product's date rules do not share java.time's zone and offset code
 * with the code they test. Shanghai has kept UTC+8 without daylight saving since 1991.
 */
public final class CivilCalendar {
    public static final long SHANGHAI_OFFSET_SECONDS = 8 * 3600;
    private static final long DAY = 86_400;

    private CivilCalendar() {
    }

    /** Days since 1970-01-01 of the proleptic Gregorian date y-m-d. */
    public static long daysFromCivil(long y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /** {year, month, day} of a count of days since 1970-01-01. */
    public static long[] civilFromDays(long days) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        return new long[] {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
    }

    /** Shanghai's calendar day (days since 1970-01-01) at an instant given in seconds since the epoch. */
    public static long shanghaiDay(long epochSecond) {
        return Math.floorDiv(epochSecond + SHANGHAI_OFFSET_SECONDS, DAY);
    }

    /** The epoch second at which Shanghai's calendar day {@code day} begins. */
    public static long shanghaiMidnight(long day) {
        return day * DAY - SHANGHAI_OFFSET_SECONDS;
    }

    /** {@code yyyy-mm-dd} of a day count. */
    public static String fullDate(long day) {
        long[] ymd = civilFromDays(day);
        return String.format("%04d-%02d-%02d", ymd[0], ymd[1], ymd[2]);
    }

    /**
     * RFC 3339 text of an instant as a writer in {@code offsetMinutes} (east positive) would put it, with seconds
     * always present: {@code 2026-12-31T18:00:00-10:00}.
     */
    public static String dateTime(long epochSecond, int offsetMinutes) {
        long local = epochSecond + offsetMinutes * 60L;
        long day = Math.floorDiv(local, DAY);
        long secondOfDay = local - day * DAY;
        int abs = Math.abs(offsetMinutes);
        String offset = offsetMinutes == 0 ? "Z"
                : String.format("%s%02d:%02d", offsetMinutes < 0 ? "-" : "+", abs / 60, abs % 60);
        return String.format("%sT%02d:%02d:%02d%s", fullDate(day), secondOfDay / 3600, secondOfDay / 60 % 60,
                secondOfDay % 60, offset);
    }
}
