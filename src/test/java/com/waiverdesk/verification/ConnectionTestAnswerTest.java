package com.waiverdesk.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the connection test makes of each kind of reply: the spec's error table, and replies of something else. */
class ConnectionTestAnswerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-28T04:00:00Z");

    private ServiceStub stub;
    private final ConnectionLog log = new ConnectionLog();

    @BeforeEach
    void start() throws Exception {
        stub = new ServiceStub();
    }

    @AfterEach
    void stop() {
        log.close();
        stub.close();
    }

    @ParameterizedTest
    @CsvSource({
            "401, CLOCK_SKEW,          CLOCK_SKEW",
            "401, BAD_SIGNATURE,       BAD_SIGNATURE",
            "401, UNKNOWN_ACCOUNT,     UNKNOWN_ACCOUNT",
            "401, SOMETHING_NEW,       REQUEST_REJECTED",
            "403, ACCOUNT_DISABLED,    ACCOUNT_DISABLED",
            "403, PURPOSE_NOT_ALLOWED, PURPOSE_NOT_ALLOWED",
            "400, INVALID_REQUEST,     REQUEST_REJECTED",
            "409, NONCE_REUSED,        REQUEST_REJECTED",
            "429, RATE_LIMITED,        RATE_LIMITED",
            "500, INTERNAL_ERROR,      SERVICE_FAILING",
            "503, MAINTENANCE,         SERVICE_FAILING",
            "504, GATEWAY_TIMEOUT,     SERVICE_FAILING",
            "404, NOT_FOUND,           NOT_THE_SERVICE",
            "405, METHOD_NOT_ALLOWED,  NOT_THE_SERVICE",
    })
    void theSpecsErrorRepliesEachHaveTheirDiagnosis(int status, String code, Diagnosis expected) throws Exception {
        stub.enqueue(ServiceStub.error(status, code));

        ConnectionReport report = test();

        assertThat(report.diagnosis()).isEqualTo(expected);
        assertThat(report.httpStatus()).isEqualTo(status);
        assertThat(report.errorCode()).isEqualTo(code);
        assertThat(stub.server.getRequestCount()).as("no retry: the first answer is the diagnosis").isEqualTo(1);
        assertNoSecretOrSignature(report);
    }

    @Test
    void anHtmlPageIsNotTheService() throws Exception {
        stub.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "text/html")
                .body("<html><body>Not Found</body></html>").build());

        ConnectionReport report = test();

        assertThat(report.diagnosis()).isEqualTo(Diagnosis.NOT_THE_SERVICE);
        assertThat(report.step(ConnectionStep.REQUEST).outcome()).isEqualTo(StepOutcome.PASSED);
        assertThat(report.step(ConnectionStep.ANSWER).outcome()).isEqualTo(StepOutcome.FAILED);
    }

    @Test
    void aLoginPageWith200IsNotTheService() {
        stub.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<html><form>Sign in</form></html>").build());

        assertThat(test().diagnosis()).isEqualTo(Diagnosis.NOT_THE_SERVICE);
    }

    @Test
    void aProxysHtml401IsNotTheService() {
        stub.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "text/html")
                .body("<html>Proxy login</html>").build());

        assertThat(test().diagnosis()).isEqualTo(Diagnosis.NOT_THE_SERVICE);
    }

    @Test
    void jsonThatIsNotTheHealthReplyIsNotTheService() {
        stub.enqueue(ServiceStub.json(200, "{\"hello\":\"world\"}"));

        assertThat(test().diagnosis()).isEqualTo(Diagnosis.NOT_THE_SERVICE);
    }

    @Test
    void aRedirectIsNotFollowedAndIsNotTheService() {
        stub.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "https://elsewhere.example/")
                .build());

        ConnectionReport report = test();

        assertThat(report.diagnosis()).isEqualTo(Diagnosis.NOT_THE_SERVICE);
        assertThat(stub.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aHealthReplyThatIsNotUpIsAFailingService() {
        stub.enqueue(ServiceStub.json(200, "{\"status\":\"DOWN\",\"time\":\"2026-11-28T12:00:00+08:00\"}"));

        assertThat(test().diagnosis()).isEqualTo(Diagnosis.SERVICE_FAILING);
    }

    @Test
    void clockSkewIsEstimatedFromTheDateHeader() {
        stub.enqueue(new MockResponse.Builder(ServiceStub.error(401, "CLOCK_SKEW"))
                .addHeader("Date", "Sat, 28 Nov 2026 04:10:00 GMT").build());

        ConnectionReport report = test();

        assertThat(report.diagnosis()).isEqualTo(Diagnosis.CLOCK_SKEW);
        assertThat(report.clockOffsetSeconds()).as("service 600 s ahead, to the middle of its second").isEqualTo(601L);
    }

    @Test
    void clockSkewWithoutADateHeaderHasNoEstimate() {
        stub.enqueue(new MockResponse.Builder(ServiceStub.error(401, "CLOCK_SKEW")).removeHeader("Date").build());

        ConnectionReport report = test();

        assertThat(report.diagnosis()).isEqualTo(Diagnosis.CLOCK_SKEW);
        assertThat(report.clockOffsetSeconds()).isNull();
    }

    @Test
    void acceptedButNearTheLimitWhenTheServicesTimeIsFourAndAHalfMinutesAhead() {
        stub.enqueue(ServiceStub.json(200, "{\"status\":\"UP\",\"time\":\"2026-11-28T12:04:30+08:00\"}"));

        ConnectionReport report = test();

        assertThat(report.diagnosis()).isEqualTo(Diagnosis.CLOCK_NEAR_LIMIT);
        assertThat(report.clockOffsetSeconds()).isEqualTo(271L);
        assertThat(report.works()).isTrue();
    }

    @Test
    void okJustBelowTheWarning() {
        stub.enqueue(ServiceStub.json(200, "{\"status\":\"UP\",\"time\":\"2026-11-28T11:56:01+08:00\"}"));

        ConnectionReport report = test();

        assertThat(report.diagnosis()).isEqualTo(Diagnosis.OK);
        assertThat(report.clockOffsetSeconds()).as("-239 s, to the middle of the second").isEqualTo(-238L);
    }

    @Test
    void noAnswerWithinTheBudgetEndsAtTheBudget() {
        stub.enqueue(new MockResponse.Builder(ServiceStub.json(200, "{\"status\":\"UP\"}"))
                .headersDelay(10, TimeUnit.SECONDS).build());
        long start = System.nanoTime();

        ConnectionReport report = new ConnectionTest(MAPPER, Clock.systemUTC(), Duration.ofMillis(700))
                .run(account(), TlsSettings.SYSTEM);

        assertThat(report.diagnosis()).isEqualTo(Diagnosis.NO_ANSWER);
        assertThat(report.step(ConnectionStep.CONNECT).outcome()).isEqualTo(StepOutcome.PASSED);
        assertThat(report.step(ConnectionStep.REQUEST).outcome()).isEqualTo(StepOutcome.FAILED);
        assertThat(report.step(ConnectionStep.ANSWER).outcome()).isEqualTo(StepOutcome.SKIPPED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void failuresTheLocalNetworkCannotStageAreClassifiedByPhase() {
        assertThat(ConnectionTest.classify(new SocketTimeoutException("connect timed out"), false, false, true,
                false)).isEqualTo(Diagnosis.CONNECT_TIMEOUT);
        assertThat(ConnectionTest.classify(new java.io.InterruptedIOException("timeout"), true, false, true, false))
                .isEqualTo(Diagnosis.CONNECT_TIMEOUT);
        assertThat(ConnectionTest.classify(new NoRouteToHostException("No route to host"), false, false, true,
                false)).isEqualTo(Diagnosis.CONNECT_FAILED);
        assertThat(ConnectionTest.classify(new ConnectException("Connection refused"), false, false, true, false))
                .isEqualTo(Diagnosis.CONNECTION_REFUSED);
        assertThat(ConnectionTest.classify(new UnknownHostException("x"), false, true, true, false))
                .isEqualTo(Diagnosis.DNS_FAILED);
        assertThat(ConnectionTest.classify(new SSLHandshakeException("Received fatal alert: protocol_version"),
                false, false, false, true)).isEqualTo(Diagnosis.TLS_OLD_PROTOCOL);
        assertThat(ConnectionTest.classify(new SSLHandshakeException("The server selected protocol version TLS10 is"
                + " not accepted by client preferences [TLS13, TLS12]"), false, false, false, true))
                .isEqualTo(Diagnosis.TLS_OLD_PROTOCOL);
        assertThat(ConnectionTest.classify(new java.io.EOFException("during handshake"), false, false, false,
                true)).isEqualTo(Diagnosis.TLS_FAILED);
        assertThat(ConnectionTest.classify(new SocketTimeoutException("read timed out"), true, false, false, false))
                .isEqualTo(Diagnosis.NO_ANSWER);
    }

    private ConnectionReport test() {
        Clock workstation = Clock.fixed(NOW, ZoneOffset.UTC);
        return new ConnectionTest(MAPPER, workstation, ConnectionTest.DEFAULT_BUDGET).run(account(),
                TlsSettings.SYSTEM);
    }

    private ServiceAccount account() {
        return new ServiceAccount(stub.baseUrl("/"), ServiceStub.ACCOUNT_ID, ServiceStub.SECRET);
    }

    private void assertNoSecretOrSignature(ConnectionReport report) throws InterruptedException {
        String signature = stub.server.takeRequest().getHeaders().get(RequestSigner.SIGNATURE_HEADER);
        String all = ReportText.all(report) + "\n" + log.text();
        assertThat(signature).isNotBlank();
        assertThat(all).doesNotContain(signature)
                .doesNotContain(new String(ServiceStub.SECRET, StandardCharsets.UTF_8));
    }
}
