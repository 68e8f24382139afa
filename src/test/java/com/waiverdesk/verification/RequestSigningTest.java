package com.waiverdesk.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestSigningTest {
    private static final long TIMESTAMP = 1_764_302_400_000L;
    private static final String NONCE = "0123456789abcdef0123456789abcdef";
    private static final String BODY = "{\"name\":\"测试员\",\"idNumber\":\"310104198506150023\","
            + "\"purpose\":\"HOSPITAL_DEPOSIT\",\"operatorId\":\"w03-li\",\"businessRef\":\"ADM-2026-000123\"}";
    /*
     * Computed outside Java, with python3 (and cross-checked with openssl dgst -hmac):
     *   body = the BODY above, UTF-8
     *   canonical = "\n".join(["POST", "/gw/api/v1/assistance/verifications", "1764302400000",
     *                          "0123456789abcdef0123456789abcdef", hashlib.sha256(body).hexdigest()])
     *   base64.b64encode(hmac.new(b"synthetic-test-secret-0001", canonical.encode(), hashlib.sha256).digest())
     */
    private static final String VERIFY_SIGNATURE = "MHrTC0S0W4GRCCh2swgOZX6UFABUQBbhc/RDkh1E0+s=";
    private static final String BODY_SHA256 = "d6cd617bed2c2dc3a1abca7a048dce1c5c3f7d0dc4d507369091de2df827e54f";
    /* Same recipe for ["GET", "/api/v1/health", "1764302400000", NONCE, sha256(b"").hexdigest()]. */
    private static final String HEALTH_SIGNATURE = "ph5j/KvukK508BjTBsg2iUQuWE6krR1CiL9z4Sv3zfY=";

    private ServiceStub stub;

    @BeforeEach
    void start() throws Exception {
        stub = new ServiceStub();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private HttpVerificationClient fixedClient(String prefix) {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(TIMESTAMP), ZoneOffset.UTC);
        return new HttpVerificationClient(ServiceStub.HTTP, ServiceStub.MAPPER,
                new ServiceAccount(stub.baseUrl(prefix), ServiceStub.ACCOUNT_ID, ServiceStub.SECRET),
                Duration.ofSeconds(5), clock, stub.sleeper, () -> NONCE);
    }

    @Test
    void signerMatchesIndependentlyComputedVector() {
        String canonical = RequestSigner.canonical("POST", "/gw/api/v1/assistance/verifications", TIMESTAMP, NONCE,
                BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(RequestSigner.sha256Hex(BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(BODY_SHA256);
        assertThat(RequestSigner.signature(ServiceStub.SECRET, canonical)).isEqualTo(VERIFY_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/gw/", "/gw"})
    void sendsExactlyTheSignedRequestOfTheVectorUnderAPathPrefix(String prefix) throws Exception {
        stub.enqueue(ServiceStub.noRecord());

        fixedClient(prefix).verify(ServiceStub.request());

        RecordedRequest sent = stub.server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/gw/api/v1/assistance/verifications");
        assertThat(sent.getUrl().encodedQuery()).isNull();
        assertThat(sent.getBody().utf8()).isEqualTo(BODY);
        assertThat(sent.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(sent.getHeaders().get("X-Account-Id")).isEqualTo(ServiceStub.ACCOUNT_ID);
        assertThat(sent.getHeaders().get("X-Timestamp")).isEqualTo("1764302400000");
        assertThat(sent.getHeaders().get("X-Nonce")).isEqualTo(NONCE);
        assertThat(sent.getHeaders().get("X-Request-Id")).isEqualTo(ServiceStub.REQUEST_ID);
        assertThat(sent.getHeaders().get("X-Signature")).isEqualTo(VERIFY_SIGNATURE);
    }

    @Test
    void signsTheHealthCheckAsAGetWithTheEmptyBodyHash() throws Exception {
        stub.enqueue(ServiceStub.json(200, "{\"status\":\"UP\"}"));

        fixedClient("/").checkHealth();

        RecordedRequest sent = stub.server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("GET");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/v1/health");
        assertThat(sent.getBodySize()).isZero();
        assertThat(sent.getHeaders().get("X-Signature")).isEqualTo(HEALTH_SIGNATURE);
    }

    @Test
    void requestWithRealClockAndRandomNonceVerifiesOnTheServerSide() throws Exception {
        stub.enqueue(ServiceStub.noRecord());
        long before = System.currentTimeMillis();

        stub.client(HttpVerificationClient.DEFAULT_BUDGET, Clock.systemUTC()).verify(ServiceStub.request());

        RecordedRequest sent = stub.server.takeRequest();
        String nonce = sent.getHeaders().get("X-Nonce");
        long timestamp = Long.parseLong(sent.getHeaders().get("X-Timestamp"));
        assertThat(nonce).matches("[0-9a-f]{32}");
        assertThat(timestamp).isBetween(before, System.currentTimeMillis());
        String canonical = RequestSigner.canonical(sent.getMethod(), sent.getUrl().encodedPath(), timestamp, nonce,
                sent.getBody().toByteArray());
        assertThat(RequestSigner.signatureMatches(ServiceStub.SECRET, canonical,
                sent.getHeaders().get("X-Signature"))).isTrue();
        assertThat(RequestSigner.signatureMatches("another-secret".getBytes(StandardCharsets.UTF_8), canonical,
                sent.getHeaders().get("X-Signature"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://verify.example.gov.cn/", "http://10.0.0.5:18080/", "http://128.0.0.1/",
            "http://localhost.example.com/", "http://[::2]/", "ftp://127.0.0.1/", "not a url"})
    void rejectsBaseUrlThatIsNotHttpsAndNotLoopback(String baseUrl) {
        assertThatThrownBy(() -> new HttpVerificationClient(ServiceStub.HTTP, ServiceStub.MAPPER,
                new ServiceAccount(baseUrl, ServiceStub.ACCOUNT_ID, ServiceStub.SECRET)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("verification base URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://verify.example.gov.cn/", "https://verify.example.gov.cn/gw/",
            "http://127.0.0.1:18080/", "http://127.8.9.10/", "http://localhost:18080/", "http://[::1]:18080/"})
    void acceptsHttpsAndLoopbackBaseUrls(String baseUrl) {
        new HttpVerificationClient(ServiceStub.HTTP, ServiceStub.MAPPER,
                new ServiceAccount(baseUrl, ServiceStub.ACCOUNT_ID, ServiceStub.SECRET));
    }

    @Test
    void rejectsBaseUrlWithQueryOrCredentialsWithoutEchoingThePassword() {
        assertThatThrownBy(() -> VerificationHttp.parseBaseUrl("https://verify.example.gov.cn/?k=v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query");
        assertThatThrownBy(() -> VerificationHttp.parseBaseUrl("https://user:hunter2@verify.example.gov.cn/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("hunter2");
    }
}
