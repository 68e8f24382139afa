package com.waiverdesk.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.domain.AssistanceGrant;
import com.waiverdesk.domain.MatchResult;
import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.domain.VerificationOutcome;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which {@code 200} bodies are an answer about the person, and which are only a broken service. */
class ReplyShapesTest {
    private static final String ID = ServiceStub.REQUEST_ID;
    private static final String AT = "\"checkedAt\":\"2026-11-28T12:00:00+08:00\"";
    private static final String GRANT = "{\"category\":\"SUBSISTENCE_ALLOWANCE\",\"validFrom\":\"2026-01-01\","
            + "\"validUntil\":\"2026-12-31\"}";
    private static final String JSON = "application/json";

    private ServiceStub stub;

    @BeforeEach
    void start() throws Exception {
        stub = new ServiceStub();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private static String match(String assistance) {
        return "{\"requestId\":\"" + ID + "\",\"result\":\"MATCH\",\"assistance\":" + assistance + "," + AT + "}";
    }

    private static String grant(String fields) {
        return match("[{" + fields + "}]");
    }

    static Stream<Arguments> malformedReplies() {
        String root = "\"requestId\":\"" + ID + "\",\"assistance\":[]," + AT;
        return Stream.of(
                Arguments.of("result is a number", "result is missing or not a string",
                        JSON, "{" + root + ",\"result\":1}"),
                Arguments.of("result is unknown", "result is not a known value",
                        JSON, "{" + root + ",\"result\":\"PROBABLY\"}"),
                Arguments.of("result in lower case", "result is not a known value",
                        JSON, "{" + root + ",\"result\":\"match\"}"),
                Arguments.of("result missing", "result is missing", JSON, "{" + root + "}"),
                Arguments.of("result null", "result is missing", JSON, "{" + root + ",\"result\":null}"),
                Arguments.of("requestId missing", "requestId is missing",
                        JSON, "{\"result\":\"MATCH\",\"assistance\":[]," + AT + "}"),
                Arguments.of("requestId differs", "requestId differs",
                        JSON, match("[]").replace(ID, "00000000-0000-0000-0000-0000000000")),
                Arguments.of("requestId is a number", "requestId is missing or not a string",
                        JSON, match("[]").replace("\"" + ID + "\"", "42")),
                Arguments.of("assistance missing", "assistance is missing", JSON,
                        "{\"requestId\":\"" + ID + "\",\"result\":\"NO_RECORD\"," + AT + "}"),
                Arguments.of("assistance is an object", "assistance is missing or not an array", JSON, match(GRANT)),
                Arguments.of("assistance is a string", "assistance is missing or not an array",
                        JSON, match("\"SUBSISTENCE_ALLOWANCE\"")),
                Arguments.of("assistance is null", "assistance is missing or not an array", JSON, match("null")),
                Arguments.of("assistance entry is a string", "assistance entry is not an object",
                        JSON, match("[\"SUBSISTENCE_ALLOWANCE\"]")),
                Arguments.of("checkedAt missing", "checkedAt is missing", JSON,
                        "{\"requestId\":\"" + ID + "\",\"result\":\"MATCH\",\"assistance\":[]}"),
                Arguments.of("checkedAt without offset", "checkedAt is not an RFC 3339 date-time",
                        JSON, match("[]").replace("+08:00", "")),
                Arguments.of("checkedAt is a date only", "checkedAt is not an RFC 3339 date-time",
                        JSON, match("[]").replace("T12:00:00+08:00", "")),
                // the out-of-contract forms an outside fuzzer turned into waivers: java.time reads each of them
                Arguments.of("checkedAt without seconds", "checkedAt is not an RFC 3339 date-time",
                        JSON, match("[]").replace("12:00:00+08:00", "11:51+08:00")),
                Arguments.of("checkedAt with a five-digit year", "checkedAt is not an RFC 3339 date-time",
                        JSON, match("[]").replace("2026-11-28T", "+12026-11-28T")),
                Arguments.of("checkedAt with a space for T", "checkedAt is not an RFC 3339 date-time",
                        JSON, match("[]").replace("28T12", "28 12")),
                Arguments.of("checkedAt with a region id", "checkedAt is not an RFC 3339 date-time",
                        JSON, match("[]").replace("+08:00", "+08:00[Asia/Shanghai]")),
                Arguments.of("checkedAt with an offset without colon", "checkedAt is not an RFC 3339 date-time",
                        JSON, match("[]").replace("+08:00", "+0800")),
                Arguments.of("checkedAt in full-width digits", "checkedAt is not an RFC 3339 date-time",
                        JSON, match("[]").replace("2026-11-28T12", "\uFF12\uFF10\uFF12\uFF16-11-28T12")),
                Arguments.of("validUntil with a six-digit year", "validUntil is not an RFC 3339 full-date", JSON,
                        grant("\"category\":\"SUBSISTENCE_ALLOWANCE\",\"validFrom\":\"2019-01-01\","
                        + "\"validUntil\":\"+99999-12-31\"")),
                Arguments.of("validUntil with a five-digit year", "validUntil is not an RFC 3339 full-date", JSON,
                        grant("\"category\":\"SUBSISTENCE_ALLOWANCE\",\"validFrom\":\"2019-01-01\","
                        + "\"validUntil\":\"+12026-01-01\"")),
                Arguments.of("validFrom before the year zero", "validFrom is not an RFC 3339 full-date", JSON,
                        grant("\"category\":\"SUBSISTENCE_ALLOWANCE\",\"validFrom\":\"-2019-01-01\","
                        + "\"validUntil\":null")),
                Arguments.of("validFrom with a time", "validFrom is not an RFC 3339 full-date", JSON,
                        grant("\"category\":\"SUBSISTENCE_ALLOWANCE\",\"validFrom\":\"2019-01-01T00:00:00Z\","
                        + "\"validUntil\":null")),
                Arguments.of("checkedAt is epoch millis", "checkedAt is missing or not a string", JSON,
                        match("[]").replace("\"2026-11-28T12:00:00+08:00\"", "1795838400000")),
                Arguments.of("category missing", "category is missing", JSON, grant("\"validFrom\":\"2026-01-01\"")),
                Arguments.of("category is a number", "category is missing or not a string",
                        JSON, grant("\"category\":3,\"validFrom\":\"2026-01-01\"")),
                Arguments.of("category blank", "category is blank",
                        JSON, grant("\"category\":\" \",\"validFrom\":\"2026-01-01\"")),
                // found by ReplyFuzzTest: String.isBlank() let these through beside a waiving grant
                Arguments.of("category a no-break space", "category is blank",
                        JSON, grant("\"category\":\"\u00A0\",\"validFrom\":\"2026-01-01\",\"validUntil\":null")),
                Arguments.of("category an ideographic space", "category is blank",
                        JSON, grant("\"category\":\"\u3000\",\"validFrom\":\"2026-01-01\",\"validUntil\":null")),
                Arguments.of("validFrom missing", "validFrom is missing",
                        JSON, grant("\"category\":\"SUBSISTENCE_ALLOWANCE\"")),
                Arguments.of("validFrom not ISO", "validFrom is not an RFC 3339 full-date", JSON,
                        grant("\"category\":\"SUBSISTENCE_ALLOWANCE\",\"validFrom\":\"2026/01/01\"")),
                Arguments.of("validFrom impossible day", "validFrom is not an RFC 3339 full-date", JSON,
                        grant("\"category\":\"SUBSISTENCE_ALLOWANCE\",\"validFrom\":\"2026-02-30\"")),
                Arguments.of("validFrom is a number", "validFrom is missing or not a string", JSON,
                        grant("\"category\":\"SUBSISTENCE_ALLOWANCE\",\"validFrom\":20260101")),
                Arguments.of("validUntil not ISO", "validUntil is not an RFC 3339 full-date",
                        JSON, grant("\"category\":\"SUBSISTENCE_ALLOWANCE\","
                        + "\"validFrom\":\"2026-01-01\",\"validUntil\":\"31.12.2026\"")),
                Arguments.of("validUntil absent (open-ended is an explicit null)", "validUntil is missing",
                        JSON, grant("\"category\":\"SUBSISTENCE_ALLOWANCE\",\"validFrom\":\"2026-01-01\"")),
                Arguments.of("validUntil is a number", "validUntil is missing or not a string",
                        JSON, grant("\"category\":\"SUBSISTENCE_ALLOWANCE\","
                        + "\"validFrom\":\"2026-01-01\",\"validUntil\":0")),
                Arguments.of("validUntil before validFrom", "validUntil is before validFrom",
                        JSON, grant("\"category\":\"SUBSISTENCE_ALLOWANCE\","
                        + "\"validFrom\":\"2026-06-01\",\"validUntil\":\"2026-05-31\"")),
                Arguments.of("NAME_MISMATCH with assistance", "assistance is not empty for NAME_MISMATCH",
                        JSON, match("[" + GRANT + "]").replace("MATCH", "NAME_MISMATCH")),
                Arguments.of("NO_RECORD with assistance", "assistance is not empty for NO_RECORD",
                        JSON, match("[" + GRANT + "]").replace("\"MATCH\"", "\"NO_RECORD\"")),
                Arguments.of("duplicate result key", "body is not JSON", JSON, match("[]")
                        .replace("\"result\":\"MATCH\"", "\"result\":\"NO_RECORD\",\"result\":\"MATCH\"")),
                Arguments.of("trailing garbage", "body is not JSON", JSON, match("[]") + " {}"),
                Arguments.of("not JSON", "body is not JSON", JSON, "<html><body>Gateway says hello</body></html>"),
                Arguments.of("empty body", "body is not", JSON, ""),
                Arguments.of("truncated JSON", "body is not JSON", JSON, match("[]").substring(0, 40)),
                Arguments.of("JSON array", "body is not a JSON object", JSON, "[" + match("[]") + "]"),
                Arguments.of("JSON string", "body is not a JSON object", JSON, "\"MATCH\""),
                Arguments.of("JSON null", "body is not a JSON object", JSON, "null"),
                Arguments.of("Content-Type text/html", "Content-Type", "text/html", match("[]")),
                Arguments.of("Content-Type text/plain", "Content-Type", "text/plain; charset=utf-8", match("[]")),
                Arguments.of("Content-Type missing", "Content-Type", null, match("[]")),
                Arguments.of("Content-Type json with another charset", "charset is not UTF-8",
                        "application/json; charset=iso-8859-1", match("[]")),
                Arguments.of("Content-Type json-like", "Content-Type", "application/problem+json", match("[]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedReplies")
    void malformedReplyIsAFailureNeverAnAnswer(String why, String reason, String contentType, String body) {
        MockResponse.Builder response = new MockResponse.Builder().code(200).body(body);
        if (contentType != null) {
            response.addHeader("Content-Type", contentType);
        }
        stub.enqueue(response.build(), ServiceStub.noRecord());

        VerificationOutcome outcome = stub.client().verify(ServiceStub.request());

        assertThat(outcome.isAnswered()).isFalse();
        assertThat(outcome.answer()).isNull();
        assertThat(outcome.failure()).isEqualTo(ServiceFailure.MALFORMED_REPLY);
        assertThat(outcome.attempts()).isEqualTo(1);
    }

    /** Jackson would guess these encodings from the first bytes and read a waiver; the contract says UTF-8. */
    @ParameterizedTest
    @ValueSource(strings = {"UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE", "UTF-32LE"})
    void aWaiverEncodedInAnotherCharsetThanUtf8IsMalformed(String charset) {
        byte[] waiver = match("[" + GRANT + "]").getBytes(Charset.forName(charset));
        stub.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", JSON)
                .body(new Buffer().write(waiver)).build(), ServiceStub.noRecord());

        VerificationOutcome outcome = stub.client().verify(ServiceStub.request());

        assertThat(outcome.isAnswered()).isFalse();
        assertThat(outcome.failure()).isEqualTo(ServiceFailure.MALFORMED_REPLY);
    }

    @Test
    void theSameWaiverInUtf8IsAnAnswer() {
        stub.enqueue(ServiceStub.json(200, match("[" + GRANT + "]")));

        VerificationOutcome outcome = stub.client().verify(ServiceStub.request());

        assertThat(outcome.isAnswered()).isTrue();
        assertThat(outcome.answer().assistance()).hasSize(1);
    }

    @Test
    void matchKeepsUnknownCategoriesOpenEndedGrantsAndIgnoresUnknownFields() {
        stub.enqueue(ServiceStub.json(200, "{\"schema\":{\"v\":[1,2]},\"requestId\":\"" + ID + "\","
                + "\"result\":\"MATCH\",\"assistance\":["
                + "{\"category\":\"SUBSISTENCE_ALLOWANCE\",\"validFrom\":\"2026-01-01\",\"validUntil\":\"2026-12-31\","
                + "\"issuer\":{\"district\":\"310104\"}},"
                + "{\"category\":\"CARBON_NEUTRAL_HOUSEHOLD\",\"validFrom\":\"2025-03-01\",\"validUntil\":null},"
                + "{\"category\":\"LOW_INCOME_FAMILY\",\"validFrom\":\"2024-07-01\",\"validUntil\":null,\"note\":7}],"
                + AT + ",\"trace\":null}"));

        VerificationOutcome outcome = stub.client().verify(ServiceStub.request());

        assertThat(outcome.isAnswered()).isTrue();
        assertThat(outcome.requestId()).isEqualTo(ID);
        assertThat(outcome.answer().result()).isEqualTo(MatchResult.MATCH);
        assertThat(outcome.answer().checkedAt()).isEqualTo(OffsetDateTime.parse("2026-11-28T12:00:00+08:00"));
        assertThat(outcome.answer().assistance()).containsExactly(
                new AssistanceGrant("SUBSISTENCE_ALLOWANCE", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)),
                new AssistanceGrant("CARBON_NEUTRAL_HOUSEHOLD", LocalDate.of(2025, 3, 1), null),
                new AssistanceGrant("LOW_INCOME_FAMILY", LocalDate.of(2024, 7, 1), null));
        assertThat(outcome.failure()).isNull();
        assertThat(outcome.attempts()).isEqualTo(1);
    }

    @Test
    void matchWithSameDayValidityAndUtcCheckedAtIsAnAnswer() {
        stub.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json; charset=UTF-8")
                .body(match("[{\"category\":\"LOW_INCOME_FAMILY\",\"validFrom\":\"2026-11-28\","
                        + "\"validUntil\":\"2026-11-28\"}]").replace("12:00:00+08:00", "04:00:00Z")).build());

        VerificationOutcome outcome = stub.client().verify(ServiceStub.request());

        assertThat(outcome.answer().checkedAt()).isEqualTo(OffsetDateTime.parse("2026-11-28T04:00:00Z"));
        assertThat(outcome.answer().assistance()).singleElement()
                .extracting(AssistanceGrant::validUntil).isEqualTo(LocalDate.of(2026, 11, 28));
    }

    @Test
    void noRecordIsAnAnswerWithoutAssistance() {
        stub.enqueue(ServiceStub.noRecord());

        VerificationOutcome outcome = stub.client().verify(ServiceStub.request());

        assertThat(outcome.answer().result()).isEqualTo(MatchResult.NO_RECORD);
        assertThat(outcome.answer().assistance()).isEmpty();
    }

    @Test
    void nameMismatchIsAnAnswerWithoutAssistance() {
        stub.enqueue(ServiceStub.answer("NAME_MISMATCH", "[]"));

        VerificationOutcome outcome = stub.client().verify(ServiceStub.request());

        assertThat(outcome.answer().result()).isEqualTo(MatchResult.NAME_MISMATCH);
        assertThat(outcome.answer().assistance()).isEmpty();
    }
}
