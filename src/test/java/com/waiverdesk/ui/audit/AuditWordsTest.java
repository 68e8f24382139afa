package com.waiverdesk.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.ui.common.Texts;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Times with their zone, the two clocks side by side, and what went wrong, as the supervisor reads them. */
class AuditWordsTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final AuditWords zh = new AuditWords(new Texts(Locale.SIMPLIFIED_CHINESE), SHANGHAI);
    private final AuditWords en = new AuditWords(new Texts(Locale.ENGLISH), SHANGHAI);

    @Test
    void everyTimeCarriesItsOffset() {
        assertThat(zh.time(Instant.parse("2026-12-06T04:01:05Z"))).isEqualTo("2026-12-06 12:01:05 +08:00");
        assertThat(new AuditWords(new Texts(Locale.ENGLISH), ZoneId.of("Europe/Berlin"))
                .time(Instant.parse("2026-07-01T10:00:00Z"))).isEqualTo("2026-07-01 12:00:00 +02:00");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-12-06T12:01:05+08:00 | 2026-12-06 12:01:05 +08:00",
        "2026-12-06T04:01:05Z      | 2026-12-06 12:01:05 +08:00（平台写作 2026-12-06 04:01:05 +00:00）",
        "2026-12-05T18:01:05-10:00 | 2026-12-06 12:01:05 +08:00（平台写作 2026-12-05 18:01:05 -10:00）",
    })
    void theServicesTimeIsShownInTheWorkstationsZoneAndAsWrittenWhenThatDiffers(String checkedAt,
                                                                               String shown) {
        assertThat(zh.serviceTime(OffsetDateTime.parse(checkedAt))).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-12-06T12:01:03.400+08:00 | 平台时间比工作站时间早 2 秒 | Service time 2 s earlier than the workstation's",
        "2026-12-06T12:01:05.300+08:00 | 与工作站时间相差不到 1 秒   | Less than 1 s from the workstation's time",
        "2026-12-06T04:03:05Z          | 平台时间比工作站时间晚 120 秒 | Service time 120 s later than the workstation's",
    })
    void theDifferenceBetweenTheClocksInSeconds(String checkedAt, String chinese, String english) {
        Instant workstation = Instant.parse("2026-12-06T04:01:05Z");
        OffsetDateTime service = OffsetDateTime.parse(checkedAt);
        assertThat(zh.clockDifference(workstation, service)).isEqualTo(chinese);
        assertThat(en.clockDifference(workstation, service)).isEqualTo(english);
    }

    @Test
    void theErrorOfATimeoutIsItsFailureAndACheckThatWentThroughHasNone() {
        assertThat(zh.error(entry("SERVICE_FAILED:TIMEOUT", null))).isEqualTo("超时");
        assertThat(en.error(entry("SERVICE_FAILED:AUTHENTICATION_FAILED", "BAD_SIGNATURE")))
                .isEqualTo("Signature refused");
        assertThat(zh.error(entry("WAIVED_BY_CATEGORY", null))).isEmpty();
        assertThat(zh.reason("WAIVED_BY_CATEGORY")).isEqualTo("按救助类别免押金");
        assertThat(zh.categories(List.of())).isEqualTo(zh.none());
    }

    private static AuditEntry entry(String reason, String errorCode) {
        return new AuditEntry(Instant.parse("2026-12-06T04:01:05Z"), null, "clerk-01", "WIN-01", "310104********0012",
                null, "王秀英", DecisionKind.CANNOT_VERIFY, null, reason, List.of(), null, "req-1", errorCode, 10);
    }
}
