package com.waiverdesk.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.DepositPolicy;
import com.waiverdesk.domain.PolicyRule;
import com.waiverdesk.domain.VerificationAnswer;
import com.waiverdesk.domain.VerificationOutcome;
import com.waiverdesk.testing.CivilCalendar;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every offset a service may write, from -12:00 to +14:00 in quarter hours, around Shanghai's midnight at both ends
 * of a grant: the reply text goes through the real parser and policy; the expected decision comes from
 * {@link CivilCalendar}'s integer arithmetic (Shanghai day = floor((epoch second + 8 h) / 1 day)), never from
 * java.time's zone rules that the code uses.
 */
class ShanghaiDateRuleTest {
    private static final String REQUEST_ID = "6f1c0a8e-3d4b-4a8e-9d55-0a7f4c1b2e90";
    // 2026-01-01 and 2026-12-31 as days since 1970-01-01, from Python's datetime (an outside source)
    private static final long FIRST_DAY = 20_454;
    private static final long LAST_DAY = 20_818;
    private static final long[] AROUND_MIDNIGHT = {-86_399, -43_200, -3_601, -60, -1, 0, 1, 59, 3_600, 43_200, 86_399};
    private static final DepositPolicy POLICY = new DepositPolicy("test", LocalDate.of(2018, 1, 1), "test",
            List.of(new PolicyRule("SUBSISTENCE_ALLOWANCE", 0, Map.of())));

    private final ReplyParser parser = new ReplyParser(new ObjectMapper());

    @Test
    void theOracleAgreesWithDatesWorkedOutElsewhere() {
        assertThat(CivilCalendar.fullDate(FIRST_DAY)).isEqualTo("2026-01-01");
        assertThat(CivilCalendar.fullDate(LAST_DAY)).isEqualTo("2026-12-31");
        assertThat(CivilCalendar.daysFromCivil(2000, 2, 29)).isEqualTo(11_016);
        assertThat(CivilCalendar.daysFromCivil(1900, 3, 1)).isEqualTo(-25_508);
        // the spec's example: 2026-12-31T23:30:00Z is 1 January in Shanghai
        long instant = CivilCalendar.daysFromCivil(2026, 12, 31) * 86_400 + 23 * 3600 + 30 * 60;
        assertThat(CivilCalendar.dateTime(instant, 0)).isEqualTo("2026-12-31T23:30:00Z");
        assertThat(CivilCalendar.dateTime(instant, -600)).isEqualTo("2026-12-31T13:30:00-10:00");
        assertThat(CivilCalendar.dateTime(instant, 345)).isEqualTo("2027-01-01T05:15:00+05:45");
        assertThat(CivilCalendar.fullDate(CivilCalendar.shanghaiDay(instant))).isEqualTo("2027-01-01");
    }

    @Test
    void aBoundedGrantCountsOnExactlyItsShanghaiDaysInEveryOffset() throws Exception {
        int waived = 0;
        int charged = 0;
        for (int offset = -12 * 60; offset <= 14 * 60; offset += 15) {
            for (long midnight : new long[] {FIRST_DAY, LAST_DAY + 1}) {
                for (long delta : AROUND_MIDNIGHT) {
                    long instant = CivilCalendar.shanghaiMidnight(midnight) + delta;
                    boolean valid = judge(instant, offset, "\"2026-12-31\"");
                    waived += valid ? 1 : 0;
                    charged += valid ? 0 : 1;
                }
            }
        }
        // both sides of both ends were reached
        assertThat(waived).isGreaterThan(1000);
        assertThat(charged).isGreaterThan(1000);
    }

    @Test
    void anOpenEndedGrantBeginsAtShanghaisMidnightInEveryOffset() throws Exception {
        for (int offset = -12 * 60; offset <= 14 * 60; offset += 15) {
            for (long delta : AROUND_MIDNIGHT) {
                judge(CivilCalendar.shanghaiMidnight(FIRST_DAY) + delta, offset, "null");
            }
        }
    }

    /** Parses the reply as the wire would carry it and checks the decision against the oracle. */
    private boolean judge(long instant, int offsetMinutes, String validUntil) throws Exception {
        String checkedAt = CivilCalendar.dateTime(instant, offsetMinutes);
        String body = "{\"requestId\":\"" + REQUEST_ID + "\",\"result\":\"MATCH\",\"assistance\":["
                + "{\"category\":\"SUBSISTENCE_ALLOWANCE\",\"validFrom\":\"" + CivilCalendar.fullDate(FIRST_DAY)
                + "\",\"validUntil\":" + validUntil + "}],\"checkedAt\":\"" + checkedAt + "\"}";
        VerificationAnswer answer = parser.parseAnswer("application/json", body.getBytes(StandardCharsets.UTF_8),
                REQUEST_ID);
        long day = CivilCalendar.shanghaiDay(instant);
        boolean expected = day >= FIRST_DAY && ("null".equals(validUntil) || day <= LAST_DAY);

        DecisionKind kind = POLICY.decide(VerificationOutcome.answered(answer, 1, 1)).kind();

        assertThat(kind).as("checkedAt %s is Shanghai's %s", checkedAt, CivilCalendar.fullDate(day))
                .isEqualTo(expected ? DecisionKind.WAIVE : DecisionKind.CHARGE);
        return expected;
    }
}
