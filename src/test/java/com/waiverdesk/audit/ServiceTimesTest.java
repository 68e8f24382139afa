package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast reading of stored service times gives what {@link OffsetDateTime#parse} gives, value or exception. */
class ServiceTimesTest {
    private static final int[] NANOS_OF_EACH_LENGTH = {0, 100_000_000, 120_000_000, 123_000_000, 123_400_000,
        123_450_000, 123_456_000, 123_456_700, 123_456_780, 123_456_789, 5, 999_999_999};

    @Test
    void readsEveryTimeTheLogWritesItselfAndAsTheJdkDoes() {
        Random random = new Random(20261201);
        for (int i = 0; i < 50_000; i++) {
            OffsetDateTime time = randomTime(random);
            String stored = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);

            OffsetDateTime fast = ServiceTimes.parseStoredForm(stored);

            assertThat(fast).as(stored).isNotNull().isEqualTo(OffsetDateTime.parse(stored)).isEqualTo(time);
            assertThat(fast.getOffset()).as(stored).isEqualTo(time.getOffset());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-29T10:00:00Z", "2024-02-29T10:00:00Z", "2100-02-29T10:00:00+08:00",
        "2000-02-29T10:00:00+08:00", "2026-04-31T10:00:00Z", "2026-13-01T10:00:00Z", "2026-00-10T10:00:00Z",
        "2026-01-00T10:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z", "2026-01-01T23:59:60Z",
        "2026-01-01T10:00:00+18:00", "2026-01-01T10:00:00-18:00", "2026-01-01T10:00:00+18:01",
        "2026-01-01T10:00:00+19:00", "2026-01-01T10:00:00+08:60", "2026-01-01T10:00:00-08:00:60",
        "2026-01-01T10:00:00-00:00", "2026-01-01T10:00:00+00:00:00", "2026-01-01T10:00:00+05:30:15",
        "2026-01-01T10:00:00.1234567891Z", "2026-01-01T10:00:00.Z", "2026-01-01T10:00:00.000000000Z",
        "2026-01-01t10:00:00Z", "2026-01-01T10:00:00z", "2026-01-01T10:00:00+08", "2026-01-01T10:00:00+0800",
        "2026-01-01T10:00+08:00", "2026-01-01 10:00:00Z", " 2026-01-01T10:00:00Z", "2026-01-01T10:00:00Z ",
        "2026-01-01T10:00:00", "２０２６-01-01T10:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-18:00",
        "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "2026-1-01T10:00:00Z", "yesterday", "", "noon",
        "2026-01-01T10:00:00+8:00", "2026-01-01T10:00:00+08:0a", "2026-01-01T1a:00:00Z", "2026-01-01T10:00:00.12a4Z"})
    void acceptsRejectsAndFailsExactlyAsTheJdk(String text) {
        Object expected = outcome(() -> OffsetDateTime.parse(text));

        Object actual = outcome(() -> ServiceTimes.parse(text));

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void damagedTimesAreRejectedAsTheJdkRejectsThem() {
        Random random = new Random(7);
        String digitsAndSigns = "0123456789+-:.TZ";
        for (int i = 0; i < 50_000; i++) {
            char[] text = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(randomTime(random)).toCharArray();
            text[random.nextInt(text.length)] = digitsAndSigns.charAt(random.nextInt(digitsAndSigns.length()));
            String damaged = new String(text);

            assertThat(outcome(() -> ServiceTimes.parse(damaged))).as(damaged)
                    .isEqualTo(outcome(() -> OffsetDateTime.parse(damaged)));
        }
    }

    private static OffsetDateTime randomTime(Random random) {
        int year = random.nextInt(10) == 0 ? random.nextInt(10_000) : 2000 + random.nextInt(60);
        LocalDateTime local = LocalDateTime.of(year, 1 + random.nextInt(12), 1, random.nextInt(24),
                random.nextInt(60), random.nextInt(60), NANOS_OF_EACH_LENGTH[random.nextInt(NANOS_OF_EACH_LENGTH.length)])
                .plusDays(random.nextInt(31));
        int offsetSeconds = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 8 * 3600;
            case 2 -> (random.nextInt(145) - 72) * 900;
            default -> random.nextInt(2 * 18 * 3600 + 1) - 18 * 3600;
        };
        return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    /** The parsed time, or the kind of exception and its message. */
    private static Object outcome(java.util.function.Supplier<OffsetDateTime> parse) {
        try {
            return parse.get();
        } catch (DateTimeParseException e) {
            return "DateTimeParseException: " + e.getMessage();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
