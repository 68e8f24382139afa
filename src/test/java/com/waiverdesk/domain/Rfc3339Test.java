package com.waiverdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3339 section 5.6, as the contract uses it: the table is written from the RFC's grammar, by hand. */
class Rfc3339Test {
    @ParameterizedTest
    @CsvSource({
        "2026-12-31, 2026, 12, 31",
        "2024-02-29, 2024, 2, 29",
        "0001-01-01, 1, 1, 1",
        "9999-12-31, 9999, 12, 31",
    })
    void acceptsAFullDate(String text, int year, int month, int day) {
        assertThat(Rfc3339.date(text)).contains(LocalDate.of(year, month, day));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+99999-12-31", "+12026-01-01", "-2019-01-01", "12026-01-01", "226-01-01",
        "2026-1-01", "2026-01-1", "2026/01/01", "20260101", "2026-02-29", "2026-02-30", "2026-13-01", "2026-00-10",
        "2026-01-00", "2026-01-01T00:00:00Z", " 2026-01-01", "2026-01-01 ", "２０２６-01-01", "2026-01-01\n", ""})
    void refusesEveryOtherDateForm(String text) {
        assertThat(Rfc3339.date(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "2026-12-31T23:30:00Z,          2026-12-31T23:30:00, 0",
        "2026-12-31T18:00:00-10:00,     2026-12-31T18:00:00, -600",
        "2027-01-01T00:00:00+14:00,     2027-01-01T00:00:00, 840",
        "2026-12-31T23:59:59.999+08:00, 2026-12-31T23:59:59.999, 480",
        "2026-06-01T05:15:00+05:45,     2026-06-01T05:15:00, 345",
        "2026-06-01T12:00:00-00:00,     2026-06-01T12:00:00, 0",
    })
    void acceptsADateTimeWithSecondsAndAnOffset(String text, String local, int offsetMinutes) {
        assertThat(Rfc3339.dateTime(text)).contains(OffsetDateTime.of(LocalDateTime.parse(local),
                ZoneOffset.ofTotalSeconds(offsetMinutes * 60)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-28T11:51+08:00", "2026-11-28T11:51:00", "2026-11-28T11:51:00+0800",
        "2026-11-28T11:51:00+08", "2026-11-28 11:51:00+08:00", "2026-11-28t11:51:00+08:00", "2026-11-28T11:51:00z",
        "+12026-11-28T11:51:00+08:00", "-2026-11-28T11:51:00+08:00", "2026-11-28T24:00:00+08:00",
        "2026-11-28T11:60:00+08:00", "2026-02-30T11:00:00+08:00", "2026-11-28T11:51:00+08:00[Asia/Shanghai]",
        "2026-11-28T11:51:00.+08:00", "2026-11-28T11:51:00,5+08:00", "2026-11-28T11:51:00+19:00",
        "2026-11-28T11:51:00+08:60", "2026-11-28", "1795838400000", "2026-11-28T１1:51:00+08:00", ""})
    void refusesEveryOtherDateTimeForm(String text) {
        assertThat(Rfc3339.dateTime(text)).isEmpty();
    }
}
