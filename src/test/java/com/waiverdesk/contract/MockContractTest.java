package com.waiverdesk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.mock.DemoQuery;
import com.waiverdesk.mock.FaultSpec;
import com.waiverdesk.mock.MockAccount;
import com.waiverdesk.mock.MockVerificationService;
import com.waiverdesk.mock.SecretFile;
import com.waiverdesk.mock.SyntheticRegistry;
import com.waiverdesk.verification.RequestSigner;
import com.waiverdesk.verification.ServiceAccount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled mock against docs/openapi.yaml: real signed requests for every named demo person, the health check and
 * each error of the spec's table, and every reply must be one the contract lists for its operation and status.
 */
class MockContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-28T04:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final SyntheticRegistry REGISTRY = SyntheticRegistry.builtIn();
    private static final MockAccount DISABLED = new MockAccount("H310000-OFF", SecretFile.generate(), false);

    private static MockVerificationService mock;
    private static ServiceAccount account;

    @BeforeAll
    static void start() throws IOException {
        mock = started(MockVerificationService.builder());
        account = mock.serviceAccount();
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    static List<DemoQuery> demoQueries() {
        return REGISTRY.demoQueries();
    }

    @ParameterizedTest
    @MethodSource("demoQueries")
    void answerAboutEveryDemoPersonConformsToTheContract(DemoQuery person) throws IOException {
        SignedRequest request = SignedRequest.verify(account, NOW.toEpochMilli(), query(person.name(),
                person.idNumber(), "HOSPITAL_DEPOSIT"));

        JsonNode answer = send(request, 200);

        assertThat(answer.path("result").asText()).isEqualTo(person.expectedResult().name());
        assertThat(answer.path("requestId").asText()).isEqualTo(request.requestId);
    }

    @Test
    void demoPeopleCoverEveryResultTheContractLists() {
        List<String> results = new ArrayList<>();
        OpenApiContract.get().at("/components/schemas/MatchResult/enum").node().forEach(n -> results.add(n.asText()));

        assertThat(demoQueries()).extracting(q -> q.expectedResult().name()).containsAll(results);
    }

    @Test
    void retryWithTheSameRequestIdGetsTheFirstAnswerWhichConforms() throws IOException {
        String body = query("王秀英", "310101195203140028", "HOSPITAL_DEPOSIT");
        SignedRequest first = SignedRequest.verify(account, NOW.toEpochMilli(), body);
        JsonNode answer = send(first, 200);
        SignedRequest retry = SignedRequest.verify(account, NOW.toEpochMilli(), body);
        retry.requestId = first.requestId;

        assertThat(send(retry, 200)).isEqualTo(answer);
    }

    @Test
    void healthAnswerConformsToTheContract() throws IOException {
        JsonNode health = send(SignedRequest.health(account, NOW.toEpochMilli()), 200);

        assertThat(health.path("status").asText()).isEqualTo("UP");
    }

    /** Ways to break the signing of an otherwise good request, each with what the spec answers. */
    enum Breakage {
        WRONG_SECRET(401, "BAD_SIGNATURE", r -> r.secret = "not-the-secret".getBytes(StandardCharsets.UTF_8)),
        SIGNATURE_NOT_BASE64(401, "BAD_SIGNATURE", r -> r.signature = "not base64"),
        TIMESTAMP_AN_HOUR_AGO(401, "CLOCK_SKEW", r -> r.timestamp -= Duration.ofHours(1).toMillis()),
        TIMESTAMP_AN_HOUR_AHEAD(401, "CLOCK_SKEW", r -> r.timestamp += Duration.ofHours(1).toMillis()),
        UNKNOWN_ACCOUNT(401, "UNKNOWN_ACCOUNT", r -> r.accountId = "H000000-NONE"),
        NO_NONCE(400, "INVALID_REQUEST", r -> r.omitted = RequestSigner.NONCE_HEADER),
        UPPER_CASE_NONCE(400, "INVALID_REQUEST", r -> r.nonce = r.nonce.toUpperCase(Locale.ROOT)),
        REQUEST_ID_NOT_A_UUID(400, "INVALID_REQUEST", r -> r.requestId = "ADM-2026-000123"),
        DISABLED_ACCOUNT(403, "ACCOUNT_DISABLED", r -> {
            r.accountId = DISABLED.id();
            r.secret = DISABLED.secret();
        });

        final int status;
        final String code;
        final Consumer<SignedRequest> apply;

        Breakage(int status, String code, Consumer<SignedRequest> apply) {
            this.status = status;
            this.code = code;
            this.apply = apply;
        }
    }

    @ParameterizedTest
    @EnumSource(Breakage.class)
    void signingErrorOfAVerificationConformsToTheContract(Breakage breakage) throws IOException {
        SignedRequest request = SignedRequest.verify(account, NOW.toEpochMilli(), query("王秀英",
                "310101195203140028", "HOSPITAL_DEPOSIT"));
        breakage.apply.accept(request);

        assertThat(send(request, breakage.status).path("error").asText()).isEqualTo(breakage.code);
    }

    @ParameterizedTest
    @EnumSource(Breakage.class)
    void signingErrorOfAHealthCheckConformsToTheContract(Breakage breakage) throws IOException {
        SignedRequest request = SignedRequest.health(account, NOW.toEpochMilli());
        breakage.apply.accept(request);

        assertThat(send(request, breakage.status).path("error").asText()).isEqualTo(breakage.code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "GET"})
    void reusedNonceConformsToTheContract(String method) throws IOException {
        SignedRequest request = method.equals("GET") ? SignedRequest.health(account, NOW.toEpochMilli())
                : SignedRequest.verify(account, NOW.toEpochMilli(), query("张美玲", "310105197609200064",
                "HOSPITAL_DEPOSIT"));
        send(request, 200);

        assertThat(send(request, 409).path("error").asText()).isEqualTo("NONCE_REUSED");
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("other purpose", query("王秀英", "310101195203140028", "INSURANCE_CLAIM"), 403,
                        "PURPOSE_NOT_ALLOWED"),
                Arguments.of("no purpose", "{\"name\":\"王秀英\",\"idNumber\":\"310101195203140028\"}", 403,
                        "PURPOSE_NOT_ALLOWED"),
                Arguments.of("wrong check digit", query("王秀英", "310101195203140029", "HOSPITAL_DEPOSIT"), 400,
                        "INVALID_ID_NUMBER"),
                Arguments.of("lower-case x", query("孙立新", "31011419590909001x", "HOSPITAL_DEPOSIT"), 400,
                        "INVALID_ID_NUMBER"),
                Arguments.of("not JSON", "{\"name\": \"王秀英\",", 400, "INVALID_REQUEST"),
                Arguments.of("JSON array", "[]", 400, "INVALID_REQUEST"),
                Arguments.of("empty name", query("", "310101195203140028", "HOSPITAL_DEPOSIT"), 400,
                        "INVALID_REQUEST"),
                Arguments.of("blank name", query("  ", "310101195203140028", "HOSPITAL_DEPOSIT"), 400,
                        "INVALID_REQUEST"),
                Arguments.of("no idNumber", "{\"name\":\"王秀英\",\"purpose\":\"HOSPITAL_DEPOSIT\"}", 400,
                        "INVALID_REQUEST"),
                Arguments.of("operatorId a number", "{\"name\":\"王秀英\",\"idNumber\":\"310101195203140028\","
                        + "\"purpose\":\"HOSPITAL_DEPOSIT\",\"operatorId\":3}", 400, "INVALID_REQUEST"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void refusedQueryConformsToTheContract(String why, String body, int status, String code) throws IOException {
        SignedRequest request = SignedRequest.verify(account, NOW.toEpochMilli(), body);

        assertThat(send(request, status).path("error").asText()).isEqualTo(code);
    }

    @Test
    void rateLimitConformsToTheContract() throws IOException {
        try (MockVerificationService limited = started(MockVerificationService.builder()
                .rateLimit(1, Duration.ofMinutes(1)))) {
            ServiceAccount limitedAccount = limited.serviceAccount();
            String body = query("李桂芬", "310104193806110047", "HOSPITAL_DEPOSIT");
            SignedRequest.verify(limitedAccount, NOW.toEpochMilli(), body).send(limited.baseUrl());

            SignedRequest.Reply reply = SignedRequest.verify(limitedAccount, NOW.toEpochMilli(), body)
                    .send(limited.baseUrl());

            assertThat(reply.status()).as(reply.text()).isEqualTo(429);
            JsonNode json = Conformance.assertReplyConforms("POST", OpenApiContract.VERIFY_PATH, reply.status(),
                    reply.headers(), reply.body());
            assertThat(json.path("error").asText()).isEqualTo("RATE_LIMITED");
            assertThat(reply.headers().get("Retry-After")).isEqualTo("60");
        }
    }

    @ParameterizedTest
    @CsvSource({"POST, error=1:500, 500", "POST, error=1:502, 502", "POST, error=1:503, 503",
            "POST, error=1:504, 504", "GET, error=1:500, 500", "GET, error=1:503, 503",
            "POST, ratelimit=1:3, 429", "GET, ratelimit=1:3, 429"})
    void injectedFaultConformsToTheContract(String method, String faults, int status) throws IOException {
        try (MockVerificationService faulty = started(MockVerificationService.builder()
                .faults(FaultSpec.parse(faults)))) {
            ServiceAccount faultyAccount = faulty.serviceAccount();
            SignedRequest request = method.equals("GET") ? SignedRequest.health(faultyAccount, NOW.toEpochMilli())
                    : SignedRequest.verify(faultyAccount, NOW.toEpochMilli(), query("王秀英", "310101195203140028",
                    "HOSPITAL_DEPOSIT"));

            SignedRequest.Reply reply = request.send(faulty.baseUrl());

            assertThat(reply.status()).as(reply.text()).isEqualTo(status);
            Conformance.assertReplyConforms(method, request.path, reply.status(), reply.headers(), reply.body());
        }
    }

    /** Sends to the shared mock, checks the status and that the request and reply both conform. */
    private static JsonNode send(SignedRequest request, int expectedStatus) throws IOException {
        SignedRequest.Reply reply = request.send(mock.baseUrl());
        assertThat(reply.status()).as("status; body %s", reply.text()).isEqualTo(expectedStatus);
        return Conformance.assertReplyConforms(request.method, request.path, reply.status(), reply.headers(),
                reply.body());
    }

    private static MockVerificationService started(MockVerificationService.Builder builder) throws IOException {
        return builder.clock(CLOCK).registry(REGISTRY).account(MockAccount.demo()).account(DISABLED).start();
    }

    static String query(String name, String idNumber, String purpose) {
        return JSON.createObjectNode().put("name", name).put("idNumber", idNumber).put("purpose", purpose)
                .put("operatorId", "w03-li").put("businessRef", "ADM-2026-000123").toString();
    }
}
