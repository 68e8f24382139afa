package com.waiverdesk.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.verification.RequestSigner;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The mock refuses every request the real service would refuse, with the spec's status and error code. */
class MockAuthenticationTest {
    private static final String WAIVE_ID = "310101195203140028";

    private final MockFixture fixture = new MockFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void answersAProperlySignedRequest() throws IOException {
        SignedCall.Reply reply = fixture.send(fixture.verify("王秀英", WAIVE_ID));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/json");
    }

    @Test
    void rejectsUnknownAccount() throws IOException {
        SignedCall call = fixture.verify("王秀英", WAIVE_ID);
        call.accountId = "H310104-9999";

        assertError(fixture.send(call), 401, "UNKNOWN_ACCOUNT");
    }

    @ParameterizedTest
    @ValueSource(strings = {RequestSigner.ACCOUNT_HEADER, RequestSigner.TIMESTAMP_HEADER, RequestSigner.NONCE_HEADER,
            RequestSigner.REQUEST_ID_HEADER, RequestSigner.SIGNATURE_HEADER})
    void rejectsMissingHeader(String header) throws IOException {
        assertError(fixture.send(fixture.verify("王秀英", WAIVE_ID).omit(header)), 400, "INVALID_REQUEST");
    }

    @ParameterizedTest
    @CsvSource({
            "nonce, 0123456789ABCDEF0123456789ABCDEF",
            "nonce, 0123456789abcdef",
            "nonce, 0123456789abcdef0123456789abcdeg",
            "requestId, not-a-uuid",
            "requestId, 1-1-1-1-1"})
    void rejectsGarbledHeader(String field, String value) throws IOException {
        SignedCall call = fixture.verify("王秀英", WAIVE_ID);
        if (field.equals("nonce")) {
            call.nonce = value;
        } else {
            call.requestId = value;
        }

        assertError(fixture.send(call), 400, "INVALID_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-28T12:00:00+08:00", "-5", "1.7e12", "99999999999999999999"})
    void rejectsTimestampThatIsNotEpochMillis(String timestamp) throws IOException {
        SignedCall call = fixture.verify("王秀英", WAIVE_ID);
        call.timestampText = timestamp;

        assertError(fixture.send(call), 400, "INVALID_REQUEST");
    }

    @Test
    void rejectsSignatureMadeWithAnotherSecret() throws IOException {
        SignedCall call = fixture.verify("王秀英", WAIVE_ID);
        call.secret = SecretFile.generate();

        assertError(fixture.send(call), 401, "BAD_SIGNATURE");
    }

    @Test
    void rejectsSignatureThatIsNotBase64() throws IOException {
        SignedCall call = fixture.verify("王秀英", WAIVE_ID);
        call.signature = "not base64 at all";

        assertError(fixture.send(call), 401, "BAD_SIGNATURE");
    }

    @Test
    void rejectsBodyChangedAfterSigning() throws IOException {
        SignedCall call = fixture.verify("王秀英", WAIVE_ID);
        call.signature = RequestSigner.signature(fixture.account.secret(), RequestSigner.canonical("POST",
                call.path, call.timestamp, call.nonce, MockFixture.query("李桂芬", WAIVE_ID).getBytes()));

        assertError(fixture.send(call), 401, "BAD_SIGNATURE");
    }

    @Test
    void rejectsSignatureOverAnotherPath() throws IOException {
        SignedCall call = fixture.verify("王秀英", WAIVE_ID);
        call.signedPath = ApiHandler.HEALTH_PATH;

        assertError(fixture.send(call), 401, "BAD_SIGNATURE");
    }

    @Test
    void signatureCoversTheGatewayPrefixAsReceived() throws IOException {
        try (MockFixture gateway = new MockFixture(MockVerificationService.builder().pathPrefix("/gw/"))) {
            assertThat(gateway.mock.baseUrl()).endsWith("/gw/");
            SignedCall withoutPrefix = gateway.verify("王秀英", WAIVE_ID);
            withoutPrefix.path = "/gw" + ApiHandler.VERIFY_PATH;
            withoutPrefix.signedPath = ApiHandler.VERIFY_PATH;
            SignedCall withPrefix = gateway.verify("王秀英", WAIVE_ID);
            withPrefix.path = "/gw" + ApiHandler.VERIFY_PATH;

            assertError(gateway.send(withoutPrefix), 401, "BAD_SIGNATURE");
            assertThat(gateway.send(withPrefix).status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @CsvSource({"-301, 401", "301, 401", "-299, 200", "299, 200", "-300, 200", "300, 200"})
    void judgesClockSkewAgainstTheServiceClock(long offsetSeconds, int status) throws IOException {
        SignedCall call = fixture.verify("王秀英", WAIVE_ID);
        call.timestamp += Duration.ofSeconds(offsetSeconds).toMillis();

        SignedCall.Reply reply = fixture.send(call);

        assertThat(reply.status()).isEqualTo(status);
        if (status == 401) {
            assertError(reply, 401, "CLOCK_SKEW");
        }
    }

    @Test
    void rejectsReplayedNonce() throws IOException {
        SignedCall call = fixture.verify("王秀英", WAIVE_ID);
        assertThat(fixture.send(call).status()).isEqualTo(200);

        assertError(fixture.send(call), 409, "NONCE_REUSED");
        assertThat(fixture.send(call.freshNonce()).status()).isEqualTo(200);
    }

    @Test
    void remembersNonceOnlyAfterTheSignatureChecked() throws IOException {
        SignedCall forged = fixture.verify("王秀英", WAIVE_ID);
        forged.secret = SecretFile.generate();
        assertError(fixture.send(forged), 401, "BAD_SIGNATURE");

        SignedCall genuine = fixture.verify("王秀英", WAIVE_ID);
        genuine.nonce = forged.nonce;

        assertThat(fixture.send(genuine).status()).isEqualTo(200);
    }

    @Test
    void forgetsNonceAfterTenMinutes() throws IOException {
        SignedCall call = fixture.verify("王秀英", WAIVE_ID);
        assertThat(fixture.send(call).status()).isEqualTo(200);

        fixture.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        call.timestamp = fixture.clock.millis();

        assertThat(fixture.send(call).status()).isEqualTo(200);
    }

    @Test
    void rejectsDisabledAccountOnlyAfterItsSignatureChecked() throws IOException {
        MockAccount disabled = new MockAccount("H310105-0002", SecretFile.generate(), true).disabled();
        try (MockFixture both = new MockFixture(MockVerificationService.builder().account(disabled))) {
            SignedCall call = new SignedCall(disabled.id(), disabled.secret(), both.clock.millis())
                    .body(MockFixture.query("王秀英", WAIVE_ID));
            SignedCall forged = new SignedCall(disabled.id(), SecretFile.generate(), both.clock.millis())
                    .body(MockFixture.query("王秀英", WAIVE_ID));

            assertError(both.send(call), 403, "ACCOUNT_DISABLED");
            assertError(both.send(call.health().freshNonce()), 403, "ACCOUNT_DISABLED");
            assertError(both.send(forged), 401, "BAD_SIGNATURE");
            assertThat(both.send(both.verify("王秀英", WAIVE_ID)).status()).isEqualTo(200);
        }
    }

    @Test
    void healthNeedsASignatureToo() throws IOException {
        SignedCall health = new SignedCall(fixture.account.id(), fixture.account.secret(), fixture.clock.millis())
                .health();
        SignedCall forged = new SignedCall(fixture.account.id(), SecretFile.generate(), fixture.clock.millis())
                .health();

        assertThat(fixture.send(health).status()).isEqualTo(200);
        assertError(fixture.send(forged), 401, "BAD_SIGNATURE");
        assertError(fixture.send(health.omit(RequestSigner.SIGNATURE_HEADER).freshNonce()), 400, "INVALID_REQUEST");
    }

    static void assertError(SignedCall.Reply reply, int status, String code) throws IOException {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/json");
        assertThat(MockFixture.json(reply).path("error").asText()).isEqualTo(code);
        assertThat(MockFixture.json(reply).path("message").asText()).isNotBlank();
    }
}
