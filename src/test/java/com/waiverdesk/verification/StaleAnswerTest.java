package com.waiverdesk.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.domain.Decision;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.DepositPolicy;
import com.waiverdesk.domain.FollowUp;
import com.waiverdesk.domain.PolicyRule;
import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.domain.VerificationOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An answer whose {@code checkedAt} lies more than 300 s plus the time budget from the workstation's clock never
 * decides (verification-api.md). The answers all say 2026-11-28T12:00:00+08:00 = 04:00:00Z; the table moves the
 * workstation's clock around that instant.
 */
class StaleAnswerTest {
    private static final Instant CHECKED_AT = Instant.parse("2026-11-28T04:00:00Z");
    private static final String WAIVER = "[{\"category\":\"SUBSISTENCE_ALLOWANCE\",\"validFrom\":\"2019-01-01\","
            + "\"validUntil\":null}]";
    private static final DepositPolicy POLICY = new DepositPolicy("test", LocalDate.of(2018, 1, 1), "test",
            List.of(new PolicyRule("SUBSISTENCE_ALLOWANCE", 0, Map.of())));

    private ConnectionLog log;
    private ServiceStub stub;

    @BeforeEach
    void start() throws Exception {
        log = new ConnectionLog(HttpVerificationClient.class.getName());
        stub = new ServiceStub();
    }

    @AfterEach
    void stop() {
        stub.close();
        log.close();
    }

    @ParameterizedTest(name = "workstation {0} s after checkedAt, budget {1} s -> answered {2}")
    @CsvSource({
        // workstation minus service, in seconds; budget; whether the answer may decide
        "0,       5,  true",
        "305,     5,  true",
        "306,     5,  false",
        "-305,    5,  true",
        "-306,    5,  false",
        "310,     10, true",
        "311,     10, false",
        "3600,    5,  false",
        // the case an outside check found: a three-day-old answer decided
        "259200,  5,  false",
        "-259200, 5,  false",
    })
    void anAnswerDecidesOnlyWhenItsTimeIsNearTheWorkstationsClock(long workstationMinusService, long budget,
                                                                  boolean answered) {
        stub.enqueue(ServiceStub.answer("MATCH", WAIVER));
        Clock workstation = Clock.fixed(CHECKED_AT.plusSeconds(workstationMinusService), ZoneOffset.UTC);

        VerificationOutcome outcome = stub.client(Duration.ofSeconds(budget), workstation)
                .verify(ServiceStub.request());
        Decision decision = POLICY.decide(outcome);

        assertThat(outcome.isAnswered()).isEqualTo(answered);
        if (answered) {
            assertThat(decision.kind()).isEqualTo(DecisionKind.WAIVE);
        } else {
            assertThat(outcome.failure()).isEqualTo(ServiceFailure.STALE_ANSWER);
            assertThat(decision.kind()).isEqualTo(DecisionKind.CANNOT_VERIFY);
            assertThat(decision.followUp()).isEqualTo(FollowUp.CHECK_CLOCKS_CALL_IT);
        }
    }

    @Test
    void theLogSaysWhichClockIsAheadAndByHowMuch() {
        stub.enqueue(ServiceStub.answer("MATCH", WAIVER));
        Clock threeDaysLater = Clock.fixed(CHECKED_AT.plusSeconds(259_200), ZoneOffset.UTC);

        stub.client(Duration.ofSeconds(5), threeDaysLater).verify(ServiceStub.request());

        assertThat(log.infoLines()).singleElement().asString().contains("STALE_ANSWER", "checkedAt 2026-11-28T12:00+08:00", "259200 s behind",
                        "workstation clock 2026-12-01T04:00:00Z", "allowed 305 s");
    }

    @Test
    void anAnswerWrittenInAnotherOffsetIsJudgedByItsInstant() {
        // 2026-11-27T18:00:00-10:00 is the same instant as 2026-11-28T12:00:00+08:00
        stub.enqueue(ServiceStub.json(200, "{\"requestId\":\"" + ServiceStub.REQUEST_ID + "\",\"result\":\"MATCH\","
                + "\"assistance\":" + WAIVER + ",\"checkedAt\":\"2026-11-27T18:00:00-10:00\"}"));

        VerificationOutcome outcome = stub.client().verify(ServiceStub.request());

        assertThat(outcome.isAnswered()).isTrue();
    }
}
