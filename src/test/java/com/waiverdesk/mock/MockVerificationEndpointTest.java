package com.waiverdesk.mock;

import static com.waiverdesk.mock.MockAuthenticationTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.waiverdesk.domain.MatchResult;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The verification endpoint validates the query in the spec's order and answers from the registry. */
class MockVerificationEndpointTest {
    private static final String WAIVE_ID = "310101195203140028";

    private final MockFixture fixture = new MockFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    static Stream<DemoQuery> demoQueries() {
        return MockFixture.REGISTRY.demoQueries().stream();
    }

    @ParameterizedTest
    @MethodSource("demoQueries")
    void answersEachDemoQueryAsDocumented(DemoQuery demo) throws IOException {
        SignedCall call = fixture.verify(demo.name(), demo.idNumber());

        JsonNode answer = MockFixture.json(fixture.send(call));

        assertThat(answer.path("requestId").asText()).isEqualTo(call.requestId);
        assertThat(answer.path("result").asText()).isEqualTo(demo.expectedResult().name());
        int grants = demo.expectedResult() == MatchResult.MATCH
                ? MockFixture.REGISTRY.find(demo.idNumber()).orElseThrow().assistance().size() : 0;
        assertThat(answer.path("assistance")).hasSize(grants);
    }

    @Test
    void writesTheAnswerInTheSpecsShape() throws IOException {
        SignedCall.Reply reply = fixture.send(fixture.verify("孙立新", "31011419590909001X"));

        assertThat(reply.contentType()).isEqualTo("application/json");
        JsonNode answer = MockFixture.json(reply);
        assertThat(answer.fieldNames()).toIterable()
                .containsExactly("requestId", "result", "assistance", "checkedAt");
        assertThat(answer.path("checkedAt").asText()).isEqualTo("2026-11-28T12:00:00+08:00");
        JsonNode open = answer.path("assistance").get(2);
        assertThat(open.path("category").asText()).isEqualTo("SUBSISTENCE_ALLOWANCE");
        assertThat(open.path("validFrom").asText()).isEqualTo("2023-04-01");
        assertThat(open.has("validUntil")).isTrue();
        assertThat(open.path("validUntil").isNull()).isTrue();
        assertThat(answer.path("assistance").get(0).path("validUntil").asText()).isEqualTo("2036-12-31");
    }

    @Test
    void nameMismatchDisclosesNoAssistance() throws IOException {
        JsonNode answer = MockFixture.json(fixture.send(fixture.verify("王秀云", WAIVE_ID)));

        assertThat(answer.path("result").asText()).isEqualTo("NAME_MISMATCH");
        assertThat(answer.path("assistance")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"阿依古丽·买买提", "阿依古丽\u2022买买提", "阿依古丽\u2027买买提", "阿依古丽\u30FB买买提",
            "阿依古丽\uFF65买买提", " 阿依古丽·买买提 "})
    void matchesMiddleDotLookAlikes(String name) throws IOException {
        JsonNode answer = MockFixture.json(fixture.send(fixture.verify(name, "310110199008150022")));

        assertThat(answer.path("result").asText()).isEqualTo("MATCH");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Maria  Garcia Lopez", "Ｍａｒｉａ Garcia Lopez"})
    void matchesLatinNameAfterNormalization(String name) throws IOException {
        JsonNode answer = MockFixture.json(fixture.send(fixture.verify(name, "310112198102120047")));

        assertThat(answer.path("result").asText()).isEqualTo("MATCH");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json",
            "[\"王秀英\", \"310101195203140028\"]",
            "\"王秀英\"",
            "{\"idNumber\": \"310101195203140028\", \"purpose\": \"HOSPITAL_DEPOSIT\"}",
            "{\"name\": \"王秀英\", \"purpose\": \"HOSPITAL_DEPOSIT\"}",
            "{\"name\": \"  \", \"idNumber\": \"310101195203140028\", \"purpose\": \"HOSPITAL_DEPOSIT\"}",
            "{\"name\": 42, \"idNumber\": \"310101195203140028\", \"purpose\": \"HOSPITAL_DEPOSIT\"}",
            "{\"name\": \"王秀英\", \"idNumber\": 310101195203140028, \"purpose\": \"HOSPITAL_DEPOSIT\"}",
            "{\"name\": \"王秀英\", \"idNumber\": \"310101195203140028\", \"purpose\": \"HOSPITAL_DEPOSIT\", "
                    + "\"operatorId\": 7}"})
    void rejectsMalformedQuery(String body) throws IOException {
        assertError(fixture.send(fixture.verify("王秀英", WAIVE_ID).body(body)), 400, "INVALID_REQUEST");
    }

    @Test
    void rejectsBodyLargerThanSixteenKibibytes() throws IOException {
        String padded = MockFixture.query("王秀英", WAIVE_ID).replace("ADM-2026-000123", "x".repeat(16 * 1024));

        assertError(fixture.send(fixture.verify("王秀英", WAIVE_ID).body(padded)), 400, "INVALID_REQUEST");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\": \"王秀英\", \"idNumber\": \"310101195203140028\", \"purpose\": \"INSURANCE\"}",
            "{\"name\": \"王秀英\", \"idNumber\": \"310101195203140028\", \"purpose\": \"hospital_deposit\"}",
            "{\"name\": \"王秀英\", \"idNumber\": \"310101195203140028\"}"})
    void rejectsPurposeOtherThanHospitalDeposit(String body) throws IOException {
        assertError(fixture.send(fixture.verify("王秀英", WAIVE_ID).body(body)), 403, "PURPOSE_NOT_ALLOWED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"310101195203140027", "31011419590909001x", "310101520314002", "31010119520314002",
            "310101202712310024", "310101195202300026", "3101011952031400２8"})
    void rejectsIdNumberThatIsNotValidAndNormalized(String idNumber) throws IOException {
        assertError(fixture.send(fixture.verify("王秀英", idNumber)), 400, "INVALID_ID_NUMBER");
    }

    @Test
    void ratesLimitsPerAccountWithRetryAfter() throws IOException {
        try (MockFixture limited = new MockFixture(MockVerificationService.builder()
                .rateLimit(2, Duration.ofMinutes(1)))) {
            assertThat(limited.send(limited.verify("王秀英", WAIVE_ID)).status()).isEqualTo(200);
            limited.clock.advance(Duration.ofSeconds(15));
            assertThat(limited.send(limited.verify("王秀英", WAIVE_ID)).status()).isEqualTo(200);

            SignedCall.Reply refused = limited.send(limited.verify("王秀英", WAIVE_ID));

            assertError(refused, 429, "RATE_LIMITED");
            assertThat(refused.retryAfter()).isEqualTo("45");
            limited.clock.advance(Duration.ofSeconds(45));
            assertThat(limited.send(limited.verify("王秀英", WAIVE_ID)).status()).isEqualTo(200);
        }
    }

    @Test
    void repeatsTheFirstAnswerToARepeatedRequestIdByteForByte() throws IOException {
        SignedCall call = fixture.verify("王秀英", WAIVE_ID);
        SignedCall.Reply first = fixture.send(call);
        fixture.clock.advance(Duration.ofSeconds(90));
        call.timestamp = fixture.clock.millis();
        call.freshNonce().body(MockFixture.query("王秀云", WAIVE_ID));

        SignedCall.Reply retry = fixture.send(call);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        SignedCall other = fixture.verify("王秀英", WAIVE_ID);
        assertThat(MockFixture.json(fixture.send(other)).path("checkedAt").asText())
                .isEqualTo("2026-11-28T12:01:30+08:00");
    }

    @Test
    void doesNotRememberErrorsForARequestId() throws IOException {
        SignedCall call = fixture.verify("王秀英", "310101195203140027");
        assertError(fixture.send(call), 400, "INVALID_ID_NUMBER");

        SignedCall.Reply retry = fixture.send(call.freshNonce().body(MockFixture.query("王秀英", WAIVE_ID)));

        assertThat(MockFixture.json(retry).path("result").asText()).isEqualTo("MATCH");
    }

    @Test
    void keepsRequestIdsOfDifferentAccountsApart() throws IOException {
        MockAccount second = new MockAccount("H310104-0001", SecretFile.generate(), true);
        try (MockFixture two = new MockFixture(MockVerificationService.builder().account(second))) {
            SignedCall first = two.verify("王秀英", WAIVE_ID);
            SignedCall other = new SignedCall(second.id(), second.secret(), two.clock.millis())
                    .body(MockFixture.query("王秀云", WAIVE_ID));
            other.requestId = first.requestId;

            assertThat(MockFixture.json(two.send(first)).path("result").asText()).isEqualTo("MATCH");
            assertThat(MockFixture.json(two.send(other)).path("result").asText()).isEqualTo("NAME_MISMATCH");
        }
    }

    @Test
    void answersHealthWithStatusAndServiceTime() throws IOException {
        SignedCall.Reply reply = fixture.send(new SignedCall(fixture.account.id(), fixture.account.secret(),
                fixture.clock.millis()).health());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/json");
        assertThat(MockFixture.json(reply).path("status").asText()).isEqualTo("UP");
        assertThat(MockFixture.json(reply).path("time").asText()).isEqualTo("2026-11-28T12:00:00+08:00");
    }

    @Test
    void refusesUnknownPathAndWrongMethod() throws IOException {
        SignedCall unknown = fixture.verify("王秀英", WAIVE_ID);
        unknown.path = "/api/v2/assistance/verifications";
        SignedCall wrongMethod = fixture.verify("王秀英", WAIVE_ID).health();
        wrongMethod.method = "POST";

        assertError(fixture.send(unknown), 404, "NOT_FOUND");
        assertError(fixture.send(wrongMethod), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(fixture.mock.baseUrl()).isEqualTo("http://127.0.0.1:" + fixture.mock.port() + "/");
        assertThat(List.of(fixture.mock.serviceAccount().baseUrl(), fixture.mock.accountId()))
                .containsExactly(fixture.mock.baseUrl(), fixture.account.id());
    }
}
