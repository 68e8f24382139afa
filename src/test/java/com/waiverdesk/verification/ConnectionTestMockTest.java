package com.waiverdesk.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.mock.FaultSpec;
import com.waiverdesk.mock.MockAccount;
import com.waiverdesk.mock.MockVerificationService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connection test against the bundled mock, which authenticates like the real service: each refusal of the
 * spec's error table comes from the mock's own checks, not from a canned reply. The mock runs on the system clock;
 * the workstation's clock is the one moved.
 */
class ConnectionTestMockTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] SECRET = "synthetic-connection-secret-7f3a".getBytes(StandardCharsets.UTF_8);

    private final ConnectionLog log = new ConnectionLog();
    private MockVerificationService mock;

    @AfterEach
    void stop() {
        log.close();
        if (mock != null) {
            mock.close();
        }
    }

    @Test
    void okWhenAddressAccountSecretAndClockAreRight() throws Exception {
        start(MockVerificationService.builder().account(new MockAccount("H310104-0001", SECRET, true)));

        ConnectionReport report = test(account("H310104-0001", SECRET), Clock.systemUTC());

        assertThat(report.diagnosis()).isEqualTo(Diagnosis.OK);
        assertThat(report.steps()).extracting(StepResult::step).containsExactly(ConnectionStep.values());
        assertThat(report.steps()).extracting(StepResult::outcome).containsExactly(StepOutcome.PASSED,
                StepOutcome.NOT_APPLICABLE, StepOutcome.PASSED, StepOutcome.NOT_APPLICABLE, StepOutcome.PASSED,
                StepOutcome.PASSED);
        assertThat(report.step(ConnectionStep.CONNECT).detail()).isEqualTo("127.0.0.1:" + mock.port());
        assertThat(report.clockOffsetSeconds()).isBetween(-1L, 1L);
        assertThat(report.httpStatus()).isEqualTo(200);
        assertThat(report.elapsed()).isLessThan(ConnectionTest.DEFAULT_BUDGET);
        assertNoSecret(report);
    }

    @Test
    void badSignatureWhenTheSecretDiffersFromTheServices() throws Exception {
        start(MockVerificationService.builder().account(new MockAccount("H310104-0001", SECRET, true)));
        byte[] typo = "synthetic-connection-secret-7f3b".getBytes(StandardCharsets.UTF_8);

        ConnectionReport report = test(account("H310104-0001", typo), Clock.systemUTC());

        assertThat(report.diagnosis()).isEqualTo(Diagnosis.BAD_SIGNATURE);
        assertThat(report.httpStatus()).isEqualTo(401);
        assertThat(report.step(ConnectionStep.REQUEST).outcome()).isEqualTo(StepOutcome.PASSED);
        assertThat(report.step(ConnectionStep.ANSWER).outcome()).isEqualTo(StepOutcome.FAILED);
        assertThat(report.step(ConnectionStep.ANSWER).detail()).isEqualTo("BAD_SIGNATURE");
        assertNoSecret(report, typo);
    }

    @Test
    void unknownAccountWhenTheIdIsNotTheServices() throws Exception {
        start(MockVerificationService.builder().account(new MockAccount("H310104-0001", SECRET, true)));

        ConnectionReport report = test(account("H310104-0009", SECRET), Clock.systemUTC());

        assertThat(report.diagnosis()).isEqualTo(Diagnosis.UNKNOWN_ACCOUNT);
        assertNoSecret(report);
    }

    @Test
    void accountDisabledWhenTheServiceSwitchedItOff() throws Exception {
        start(MockVerificationService.builder().account(new MockAccount("H310104-0001", SECRET, true).disabled()));

        ConnectionReport report = test(account("H310104-0001", SECRET), Clock.systemUTC());

        assertThat(report.diagnosis()).isEqualTo(Diagnosis.ACCOUNT_DISABLED);
        assertThat(report.httpStatus()).isEqualTo(403);
        assertThat(report.clockOffsetSeconds()).as("from the refusal's Date header").isBetween(-1L, 1L);
        assertNoSecret(report);
    }

    @Test
    void clockSkewWithTheOffsetEstimatedWhenTheWorkstationIsBehind() throws Exception {
        start(MockVerificationService.builder().account(new MockAccount("H310104-0001", SECRET, true)));

        ConnectionReport report = test(account("H310104-0001", SECRET), skewed(-400));

        assertThat(report.diagnosis()).isEqualTo(Diagnosis.CLOCK_SKEW);
        assertThat(report.clockOffsetSeconds()).as("from the reply's Date header").isBetween(399L, 401L);
        assertNoSecret(report);
    }

    @Test
    void clockSkewWithTheOffsetEstimatedWhenTheWorkstationIsAhead() throws Exception {
        start(MockVerificationService.builder().account(new MockAccount("H310104-0001", SECRET, true)));

        ConnectionReport report = test(account("H310104-0001", SECRET), skewed(+3600));

        assertThat(report.diagnosis()).isEqualTo(Diagnosis.CLOCK_SKEW);
        assertThat(report.clockOffsetSeconds()).isBetween(-3601L, -3599L);
    }

    @Test
    void acceptedButWarnedWhenTheClockIsNearTheServicesLimit() throws Exception {
        start(MockVerificationService.builder().account(new MockAccount("H310104-0001", SECRET, true)));

        ConnectionReport report = test(account("H310104-0001", SECRET), skewed(-270));

        assertThat(report.diagnosis()).isEqualTo(Diagnosis.CLOCK_NEAR_LIMIT);
        assertThat(report.works()).isTrue();
        assertThat(report.httpStatus()).as("the service accepted it").isEqualTo(200);
        assertThat(report.clockOffsetSeconds()).as("from the health reply's time").isBetween(269L, 271L);
        assertThat(report.step(ConnectionStep.ANSWER).outcome()).isEqualTo(StepOutcome.WARNING);
    }

    @Test
    void okWithoutWarningWellInsideTheLimit() throws Exception {
        start(MockVerificationService.builder().account(new MockAccount("H310104-0001", SECRET, true)));

        ConnectionReport report = test(account("H310104-0001", SECRET), skewed(+200));

        assertThat(report.diagnosis()).isEqualTo(Diagnosis.OK);
        assertThat(report.clockOffsetSeconds()).isBetween(-201L, -199L);
    }

    @Test
    void notTheServiceWhenThePathPrefixIsMissing() throws Exception {
        start(MockVerificationService.builder().account(new MockAccount("H310104-0001", SECRET, true))
                .pathPrefix("/gw"));
        String withoutPrefix = "http://127.0.0.1:" + mock.port() + "/";

        ConnectionReport report = test(new ServiceAccount(withoutPrefix, "H310104-0001", SECRET), Clock.systemUTC());

        assertThat(report.diagnosis()).isEqualTo(Diagnosis.NOT_THE_SERVICE);
        assertThat(report.httpStatus()).isEqualTo(404);
    }

    @Test
    void okUnderThePathPrefixOfAGateway() throws Exception {
        start(MockVerificationService.builder().account(new MockAccount("H310104-0001", SECRET, true))
                .pathPrefix("/gw"));

        assertThat(test(account("H310104-0001", SECRET), Clock.systemUTC()).diagnosis()).isEqualTo(Diagnosis.OK);
    }

    @Test
    void serviceFailingWhenItAnswers503() throws Exception {
        start(MockVerificationService.builder().account(new MockAccount("H310104-0001", SECRET, true))
                .faults(FaultSpec.parse("error=1:503")));

        ConnectionReport report = test(account("H310104-0001", SECRET), Clock.systemUTC());

        assertThat(report.diagnosis()).isEqualTo(Diagnosis.SERVICE_FAILING);
        assertThat(report.httpStatus()).isEqualTo(503);
        assertThat(report.works()).isFalse();
    }

    private void start(MockVerificationService.Builder builder) throws Exception {
        mock = builder.start();
    }

    private ServiceAccount account(String id, byte[] secret) {
        return new ServiceAccount(mock.baseUrl(), id, secret);
    }

    private ConnectionReport test(ServiceAccount account, Clock clock) {
        return new ConnectionTest(MAPPER, clock, ConnectionTest.DEFAULT_BUDGET).run(account, TlsSettings.SYSTEM);
    }

    private static Clock skewed(long seconds) {
        return Clock.offset(Clock.systemUTC(), Duration.ofSeconds(seconds));
    }

    private void assertNoSecret(ConnectionReport report, byte[]... more) {
        String all = ReportText.all(report) + "\n" + log.text();
        assertThat(log.text()).contains(report.diagnosis().name());
        assertThat(all).doesNotContain(new String(SECRET, StandardCharsets.UTF_8));
        for (byte[] secret : more) {
            assertThat(all).doesNotContain(new String(secret, StandardCharsets.UTF_8));
        }
    }
}
