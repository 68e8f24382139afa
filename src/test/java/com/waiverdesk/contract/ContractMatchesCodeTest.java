package com.waiverdesk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.domain.MatchResult;
import com.waiverdesk.domain.VerificationOutcome;
import com.waiverdesk.verification.HealthStatus;
import com.waiverdesk.verification.HttpVerificationClient;
import com.waiverdesk.verification.RequestSigner;
import com.waiverdesk.verification.ServiceAccount;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The document and the code name the same things: the result values, the signed headers, the statuses of the spec's
 * table, and every error the document lists for an operation ends in a failure of the client, never an answer.
 */
class ContractMatchesCodeTest {
    /** A code for the statuses that allow any, as a gateway might send. */
    private static final String ANY_CODE = "SERVER_ERROR";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiContract CONTRACT = OpenApiContract.get();

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void resultEnumIsTheDomainsMatchResult() {
        JsonNode values = CONTRACT.at("/components/schemas/MatchResult/enum").node();

        assertThat(StreamSupport.stream(values.spliterator(), false).map(JsonNode::asText))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(MatchResult.values()).map(Enum::name)
                        .collect(Collectors.toList()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST " + OpenApiContract.VERIFY_PATH, "GET " + OpenApiContract.HEALTH_PATH})
    void requiredHeadersAreTheFiveTheSignerWrites(String operation) {
        String[] parts = operation.split(" ");

        assertThat(CONTRACT.headerParameters(parts[0], parts[1]))
                .filteredOn(OpenApiContract.HeaderParameter::required)
                .extracting(OpenApiContract.HeaderParameter::name)
                .containsExactlyInAnyOrder(RequestSigner.ACCOUNT_HEADER, RequestSigner.TIMESTAMP_HEADER,
                        RequestSigner.NONCE_HEADER, RequestSigner.REQUEST_ID_HEADER, RequestSigner.SIGNATURE_HEADER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST " + OpenApiContract.VERIFY_PATH, "GET " + OpenApiContract.HEALTH_PATH})
    void statusesAreThoseOfTheSpecsTable(String operation) {
        String[] parts = operation.split(" ");

        assertThat(CONTRACT.statuses(parts[0], parts[1]))
                .containsExactlyInAnyOrder(200, 400, 401, 403, 409, 429, 500, 502, 503, 504);
    }

    /** Every status and code the document lists for an operation, except {@code 200}. */
    static List<Arguments> errors(String method, String path) {
        List<Arguments> errors = new ArrayList<>();
        for (int status : CONTRACT.statuses(method, path)) {
            if (status == 200) {
                continue;
            }
            OpenApiContract.Located schema = CONTRACT.response(method, path, status).child("content")
                    .child("application/json").child("schema");
            List<String> codes = new ArrayList<>(CONTRACT.errorCodes(schema));
            for (String code : codes.isEmpty() ? List.of(ANY_CODE) : codes) {
                errors.add(Arguments.of(status, code));
            }
        }
        return errors;
    }

    static Stream<Arguments> verificationErrors() {
        return errors("POST", OpenApiContract.VERIFY_PATH).stream();
    }

    static Stream<Arguments> healthErrors() {
        return errors("GET", OpenApiContract.HEALTH_PATH).stream();
    }

    @Test
    void everyCodeOfTheSpecsTableIsListed() {
        assertThat(verificationErrors().map(a -> a.get()[1]))
                .contains("INVALID_REQUEST", "INVALID_ID_NUMBER", "BAD_SIGNATURE", "CLOCK_SKEW", "UNKNOWN_ACCOUNT",
                        "ACCOUNT_DISABLED", "PURPOSE_NOT_ALLOWED", "NONCE_REUSED", "RATE_LIMITED");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("verificationErrors")
    void everyVerificationErrorEndsInAFailureNeverAnAnswer(int status, String code) {
        server.setDispatcher(always(errorReply("POST", OpenApiContract.VERIFY_PATH, status, code)));

        VerificationOutcome outcome = client().verify(ClientContractTest.request("王秀英", "310101195203140028",
                "ADM-2026-000123"));

        assertThat(outcome.isAnswered()).isFalse();
        assertThat(outcome.answer()).isNull();
        assertThat(outcome.failure()).isNotNull();
        assertThat(outcome.errorCode()).isEqualTo(code);
        assertThat(outcome.attempts()).isPositive();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("healthErrors")
    void everyHealthErrorEndsInDown(int status, String code) {
        server.setDispatcher(always(errorReply("GET", OpenApiContract.HEALTH_PATH, status, code)));

        HealthStatus health = client().checkHealth();

        assertThat(health.up()).isFalse();
        assertThat(health.failure()).isNotNull();
        assertThat(health.errorCode()).isEqualTo(code);
    }

    /** An error reply as the document describes it, checked against the document before the client sees it. */
    private static MockResponse errorReply(String method, String path, int status, String code) {
        byte[] body = JSON.createObjectNode().put("error", code).put("message", "synthetic")
                .toString().getBytes(StandardCharsets.UTF_8);
        Headers.Builder headers = new Headers.Builder().add("Content-Type", "application/json");
        if (CONTRACT.response(method, path, status).child("headers").node().has("Retry-After")) {
            headers.add("Retry-After", "1");
        }
        Conformance.assertReplyConforms(method, path, status, headers.build(), body);
        return new MockResponse.Builder().code(status).headers(headers.build())
                .body(new String(body, StandardCharsets.UTF_8)).build();
    }

    private HttpVerificationClient client() {
        ServiceAccount account = new ServiceAccount("http://127.0.0.1:" + server.getPort() + "/", "H310104-0001",
                "synthetic-contract-secret".getBytes(StandardCharsets.UTF_8));
        // a short budget still leaves room for the retries of 409, 429 and 5xx, and keeps their loops short
        return new HttpVerificationClient(ClientContractTest.HTTP, JSON, account, Duration.ofSeconds(2),
                Clock.systemUTC(), new VirtualSleeper());
    }

    private static Dispatcher always(MockResponse response) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return response;
            }
        };
    }
}
