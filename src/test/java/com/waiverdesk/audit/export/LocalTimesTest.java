package com.waiverdesk.audit.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalTimesTest {
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    @ParameterizedTest
    @CsvSource({"Asia/Shanghai", "UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kathmandu", "Australia/Lord_Howe"})
    void writesWhatTheJdkFormatterWritesAcrossDaysAndOffsetChanges(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        LocalTimes times = new LocalTimes(zone);
        Instant t = Instant.parse("2026-03-01T00:00:00.007Z");
        // every 37 minutes and a few ms for a year: crosses midnights and both daylight-saving changes
        for (int i = 0; i < 14_300; i++) {
            Instant at = t.plusMillis(i * (37 * 60_000L + 13));
            assertThat(times.format(at)).isEqualTo(FULL.format(at.atZone(zone)));
        }
    }

    @ParameterizedTest
    @CsvSource({"2026-03-01T16:00:00+08:00", "2026-03-01T16:00:00.5+08:00", "2026-03-01T16:00:00.123456+08:00",
        "2026-03-01T23:59:59.000000001Z", "2026-12-31T00:00:07.120-05:30"})
    void writesTheServiceTimeWithSecondsAndItsOwnOffsetExactly(String text) {
        OffsetDateTime t = OffsetDateTime.parse(text);
        LocalTimes times = new LocalTimes(ZoneId.of("UTC"));

        for (OffsetDateTime each : new OffsetDateTime[] {t, t.plusSeconds(61), t.plusDays(1)}) {
            String formatted = times.formatService(each);
            assertThat(formatted).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3}|\\.\\d{6}|\\.\\d{9})?"
                    + "(Z|[+-]\\d\\d:\\d\\d)");
            assertThat(OffsetDateTime.parse(formatted)).isEqualTo(each);
        }
    }
}
