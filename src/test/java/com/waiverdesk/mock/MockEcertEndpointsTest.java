package com.waiverdesk.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.verification.EcertServiceClient;
import com.waiverdesk.verification.FetchedList;
import com.waiverdesk.verification.Sleeper;
import com.waiverdesk.verification.VerificationHttp;
import com.waiverdesk.verification.ecert.DemoEcertKeys;
import com.waiverdesk.verification.ecert.RevocationList;
import com.waiverdesk.verification.ecert.StatusReply;
import com.waiverdesk.verification.ecert.TrustList;
import com.waiverdesk.verification.ecert.TrustedKey;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The mock's e-certificate endpoints, called with requests signed by hand ({@link SignedCall}) and checked against
 * the demo root and a hand-written table; then through the production client under each fault.
 */
class MockEcertEndpointsTest {
    /** The demo people's full IDs, check characters computed by hand (GB 11643 weights, in python). */
    static final String WANG = "310101195203140028";
    static final String LI = "310104193806110047";
    static final String ZHANG = "310105197609200064";
    static final String AYGUL = "310110199008150022";
    static final String SUN = "31011419590909001X";

    private static SignedCall get(MockFixture fixture, String path) {
        SignedCall call = new SignedCall(fixture.account.id(), fixture.account.secret(), fixture.clock.millis());
        call.method = "GET";
        call.path = path;
        return call;
    }

    private static SignedCall status(MockFixture fixture, String certId, String idNumber) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("certId", certId);
        body.put("idNumber", idNumber);
        body.put("purpose", "HOSPITAL_DEPOSIT");
        body.put("operatorId", "w03-li");
        body.put("businessRef", "");
        SignedCall call = new SignedCall(fixture.account.id(), fixture.account.secret(), fixture.clock.millis())
                .body(new String(MockJson.bytes(body), java.nio.charset.StandardCharsets.UTF_8));
        call.path = ApiHandler.ECERT_STATUS_PATH;
        return call;
    }

    @Test
    void servesATrustListSignedByTheDemoRootWithActiveRetiredAndCompromisedKeys() throws Exception {
        try (MockFixture fixture = new MockFixture()) {
            SignedCall.Reply reply = fixture.send(get(fixture, ApiHandler.TRUST_LIST_PATH));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.contentType()).startsWith("application/json");
            TrustList list = TrustList.read(MockFixture.json(reply).get("trustList").textValue(),
                    DemoEcertKeys.rootPublicKey(), fixture.clock.instant());
            assertThat(list.key("DEMO-2026A").orElseThrow().status()).isEqualTo(TrustedKey.Status.ACTIVE);
            assertThat(list.key("DEMO-2024R").orElseThrow().status()).isEqualTo(TrustedKey.Status.RETIRED);
            assertThat(list.key("DEMO-2025X").orElseThrow().status()).isEqualTo(TrustedKey.Status.COMPROMISED);
            assertThat(list.key("DEMO-ROGUE")).isEmpty();
            // the fixture's clock is 2026-11-28 in Shanghai
            TrustedKey active = list.key("DEMO-2026A").orElseThrow();
            assertThat(active.validFrom()).isBefore(LocalDate.of(2026, 11, 28));
            assertThat(active.validUntil()).isAfter(LocalDate.of(2026, 11, 28));
            assertThat(list.issuedAt().toInstant()).isEqualTo(fixture.clock.instant());
        }
    }

    @Test
    void servesARevocationListListingTheRevokedSample() throws Exception {
        try (MockFixture fixture = new MockFixture()) {
            SignedCall.Reply reply = fixture.send(get(fixture, ApiHandler.REVOCATIONS_PATH));

            RevocationList list = RevocationList.read(MockFixture.json(reply).get("revocationList").textValue(),
                    DemoEcertKeys.rootPublicKey(), fixture.clock.instant());
            assertThat(list.revoked()).extracting(RevocationList.Revocation::certId)
                    .containsExactly("SHMZ-DEMO-0003");
        }
    }

    @ParameterizedTest
    @CsvSource({
            "SHMZ-DEMO-0001, " + WANG + ", VALID",
            "SHMZ-DEMO-0002, " + ZHANG + ", VALID",
            "SHMZ-DEMO-0003, " + AYGUL + ", REVOKED",
            "SHMZ-DEMO-0004, " + SUN + ", EXPIRED",
            "SHMZ-DEMO-0005, " + LI + ", VALID",
            "SHMZ-DEMO-0001, " + LI + ", UNKNOWN",
            "SHMZ-DEMO-0006, " + LI + ", UNKNOWN",
            "SHMZ-2026-0001234, " + WANG + ", UNKNOWN"})
    void answersTheStatusOfEachDemoCertificate(String certId, String idNumber, String expected) throws Exception {
        try (MockFixture fixture = new MockFixture()) {
            SignedCall call = status(fixture, certId, idNumber);
            SignedCall.Reply reply = fixture.send(call);

            assertThat(reply.status()).isEqualTo(200);
            JsonNode body = MockFixture.json(reply);
            assertThat(body.get("requestId").textValue()).isEqualTo(call.requestId);
            assertThat(body.get("certId").textValue()).isEqualTo(certId);
            assertThat(body.get("status").textValue()).isEqualTo(expected);
            assertThat(body.get("checkedAt").textValue()).isEqualTo("2026-11-28T12:00:00+08:00");
        }
    }

    @Test
    void verifiesSignaturesAndMethodsLikeTheVerifyEndpoint() throws Exception {
        try (MockFixture fixture = new MockFixture()) {
            SignedCall forged = status(fixture, "SHMZ-DEMO-0001", WANG);
            forged.secret = "not-the-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            MockAuthenticationTest.assertError(fixture.send(forged), 401, "BAD_SIGNATURE");
            SignedCall list = get(fixture, ApiHandler.TRUST_LIST_PATH);
            list.signedPath = ApiHandler.REVOCATIONS_PATH;
            MockAuthenticationTest.assertError(fixture.send(list), 401, "BAD_SIGNATURE");
            SignedCall stale = get(fixture, ApiHandler.REVOCATIONS_PATH);
            stale.timestamp -= 301_000;
            MockAuthenticationTest.assertError(fixture.send(stale), 401, "CLOCK_SKEW");
            SignedCall wrongMethod = get(fixture, ApiHandler.ECERT_STATUS_PATH);
            assertThat(fixture.send(wrongMethod).status()).isEqualTo(405);
            MockAuthenticationTest.assertError(fixture.send(status(fixture, "SHMZ-DEMO-0001", "310101195203140029")),
                    400, "INVALID_ID_NUMBER");
        }
    }

    @Test
    void aRepeatedRequestIdGetsTheFirstAnswerByteForByte() throws Exception {
        try (MockFixture fixture = new MockFixture()) {
            SignedCall call = status(fixture, "SHMZ-DEMO-0001", WANG);
            byte[] first = fixture.send(call).body();
            fixture.clock.advance(Duration.ofSeconds(30));
            call.timestamp = fixture.clock.millis();

            assertThat(fixture.send(call.freshNonce()).body()).isEqualTo(first);
        }
    }

    /** Backoffs cost no real time but count against the budget. */
    private static EcertServiceClient client(MockFixture fixture) {
        java.util.concurrent.atomic.AtomicLong skipped = new java.util.concurrent.atomic.AtomicLong();
        Sleeper instant = new Sleeper() {
            @Override
            public void sleep(Duration duration) {
                skipped.addAndGet(duration.toNanos());
            }

            @Override
            public long nanoTime() {
                return System.nanoTime() + skipped.get();
            }
        };
        return new EcertServiceClient(VerificationHttp.newLoopbackClient(), new ObjectMapper(),
                fixture.mock.serviceAccount(), () -> "w03-li", Duration.ofSeconds(3), fixture.clock, instant);
    }

    @Test
    void theProductionClientReadsEveryEndpointOfTheMock() throws IOException {
        try (MockFixture fixture = new MockFixture()) {
            EcertServiceClient client = client(fixture);

            assertThat(client.status("SHMZ-DEMO-0003", AYGUL).status()).isEqualTo(StatusReply.Status.REVOKED);
            assertThat(client.fetchTrustList().text()).startsWith("SHTL1.DEMO-ROOT.");
            assertThat(client.fetchRevocationList().text()).startsWith("SHRL1.DEMO-ROOT.");
        }
    }

    /** Each broken reply, for a certificate the service holds VALID: a failure, never VALID. */
    @ParameterizedTest
    @EnumSource(MalformedShape.class)
    void everyMalformedShapeIsAFailureOfTheClientNeverValid(MalformedShape shape) {
        try (MockFixture fixture = new MockFixture(MockVerificationService.builder()
                .faults(FaultSpec.parse("malformed=1:" + shape.specName())))) {
            EcertServiceClient client = client(fixture);

            StatusReply reply = client.status("SHMZ-DEMO-0001", WANG);
            FetchedList trust = client.fetchTrustList();

            assertThat(reply.status()).isNull();
            assertThat(reply.failure()).isIn(ServiceFailure.MALFORMED_REPLY, ServiceFailure.STALE_ANSWER);
            if (shape != MalformedShape.STALE) {
                assertThat(trust.failure()).isEqualTo(ServiceFailure.MALFORMED_REPLY);
            }
        }
    }

    @Test
    void errorFaultsReachTheEcertEndpointsToo() {
        try (MockFixture fixture = new MockFixture(MockVerificationService.builder()
                .faults(FaultSpec.parse("error=1:503")))) {
            EcertServiceClient client = client(fixture);

            assertThat(client.status("SHMZ-DEMO-0001", WANG).failure()).isEqualTo(ServiceFailure.SERVER_ERROR);
            assertThat(client.fetchRevocationList().failure()).isEqualTo(ServiceFailure.SERVER_ERROR);
        }
    }
}
