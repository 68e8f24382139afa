package com.waiverdesk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The OpenAPI document itself: its examples satisfy its schemas, and the schemas are strict where the spec is (so the
 * tests of both sides against them can fail at all).
 */
class ContractSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiContract CONTRACT = OpenApiContract.get();
    private static final String ANSWER = "/components/schemas/VerificationAnswer";
    private static final String QUERY = "/components/schemas/VerificationQuery";

    static Stream<Arguments> examples() {
        return CONTRACT.examples().stream().map(e -> Arguments.of(e.pointer(), e));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleSatisfiesItsSchema(String pointer, OpenApiContract.Example example) {
        assertThat(CONTRACT.validate(example.schemaPointer(), example.value())).isEmpty();
    }

    @Test
    void documentHasExamplesOfEveryAnswerAndTheSigningHeaders() {
        assertThat(CONTRACT.examples()).extracting(OpenApiContract.Example::pointer)
                .anyMatch(p -> p.endsWith("/examples/nameMismatch"))
                .anyMatch(p -> p.endsWith("/examples/noRecord"))
                .anyMatch(p -> p.startsWith("/components/parameters/Signature"))
                .anyMatch(p -> p.startsWith("/components/headers/RetryAfter"));
    }

    private static final String ID = "'requestId':'" + ClientContractTest.REQUEST_ID + "'";
    private static final String MATCH = "'result':'MATCH'";
    private static final String NONE = "'assistance':[]";
    private static final String AT = "'checkedAt':'2026-11-28T12:00:00+08:00'";

    /** Bodies a {@code 200} of a verification must not have; the request id is the one the client tests send. */
    static Stream<Arguments> invalidAnswers() {
        return Stream.of(
                Arguments.of("unknown result", answer(ID, "'result':'PROBABLE_MATCH'", NONE, AT)),
                Arguments.of("no requestId", answer(MATCH, NONE, AT)),
                Arguments.of("requestId not a UUID", answer("'requestId':'42'", MATCH, NONE, AT)),
                Arguments.of("no assistance", answer(ID, MATCH, AT)),
                Arguments.of("assistance an object", answer(ID, MATCH, "'assistance':{}", AT)),
                Arguments.of("mismatch discloses", answer(ID, "'result':'NAME_MISMATCH'", grant("'2026-01-01'",
                        "null"), AT)),
                Arguments.of("no record lists", answer(ID, "'result':'NO_RECORD'", grant("'2026-01-01'", "null"),
                        AT)),
                Arguments.of("impossible date", answer(ID, MATCH, grant("'2026-13-01'", "null"), AT)),
                Arguments.of("validFrom missing", answer(ID, MATCH, grant(null, "'2026-12-31'"), AT)),
                Arguments.of("validUntil missing", answer(ID, MATCH, grant("'2026-01-01'", null), AT)),
                Arguments.of("blank category", answer(ID, MATCH,
                        "'assistance':[{'category':' ','validFrom':'2026-01-01','validUntil':null}]", AT)),
                Arguments.of("checkedAt without offset", answer(ID, MATCH, NONE, "'checkedAt':'2026-11-28T12:00:00'")),
                Arguments.of("checkedAt a number", answer(ID, MATCH, NONE, "'checkedAt':1795838400")));
    }

    private static String answer(String... fields) {
        return "{" + String.join(",", fields) + "}";
    }

    /** One 低保 grant; a {@code null} leaves that key out. */
    private static String grant(String validFrom, String validUntil) {
        return "'assistance':[{'category':'SUBSISTENCE_ALLOWANCE'"
                + (validFrom == null ? "" : ",'validFrom':" + validFrom)
                + (validUntil == null ? "" : ",'validUntil':" + validUntil) + "}]";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAnswers")
    void answerSchemaRefusesWhatTheSpecRules(String why, String body) throws Exception {
        assertThat(CONTRACT.validate(ANSWER, json(body))).isNotEmpty();
    }

    @Test
    void answerSchemaAllowsUnknownFieldsAndNewCategories() throws Exception {
        JsonNode answer = json("{'requestId':'6f1c0a8e-3d4b-4a8e-9d55-0a7f4c1b2e90','result':'MATCH','assistance':"
                + "[{'category':'SOMETHING_NEW','validFrom':'2026-01-01','validUntil':null,'note':{'x':1}}],"
                + "'checkedAt':'2026-11-28T12:00:00Z','extra':[1,2]}");

        assertThat(CONTRACT.validate(ANSWER, answer)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no name             | {'idNumber':'310101195203140028','purpose':'HOSPITAL_DEPOSIT'}",
            "empty name          | {'name':'','idNumber':'310101195203140028','purpose':'HOSPITAL_DEPOSIT'}",
            "blank name          | {'name':'  ','idNumber':'310101195203140028','purpose':'HOSPITAL_DEPOSIT'}",
            "no idNumber         | {'name':'王秀英','purpose':'HOSPITAL_DEPOSIT'}",
            "lower-case x        | {'name':'孙立新','idNumber':'31011419590909001x','purpose':'HOSPITAL_DEPOSIT'}",
            "15 digits           | {'name':'王秀英','idNumber':'310101520314002','purpose':'HOSPITAL_DEPOSIT'}",
            "other purpose       | {'name':'王秀英','idNumber':'310101195203140028','purpose':'INSURANCE_CLAIM'}",
            "operatorId a number | {'name':'王秀英','idNumber':'310101195203140028','operatorId':3}",
    })
    void querySchemaRefusesWhatTheSpecRules(String why, String body) throws Exception {
        assertThat(CONTRACT.validate(QUERY, json(body))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0123456789abcdef0123456789abcde", "0123456789ABCDEF0123456789ABCDEF",
            "0123456789abcdef0123456789abcdef0"})
    void nonceParameterRefusesAnythingButThirtyTwoLowerCaseHex(String nonce) {
        assertThat(CONTRACT.validate("/components/parameters/Nonce/schema", TextNode.valueOf(nonce))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1795838400.5", "-1795838400000", "2026-11-28T04:00:00Z"})
    void timestampParameterRefusesAnythingButDigits(String timestamp) {
        assertThat(CONTRACT.validate("/components/parameters/Timestamp/schema", TextNode.valueOf(timestamp)))
                .isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "6f1c0a8e3d4b4a8e9d550a7f4c1b2e90", "6f1c0a8e-3d4b-4a8e-9d55-0a7f4c1b2e9"})
    void requestIdParameterRefusesAnythingButAUuid(String requestId) {
        assertThat(CONTRACT.validate("/components/parameters/RequestId/schema", TextNode.valueOf(requestId)))
                .isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"",
            "3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="})
    void signatureParameterRefusesAnythingButPaddedStandardBase64OfThirtyTwoBytes(String signature) {
        assertThat(CONTRACT.validate("/components/parameters/Signature/schema", TextNode.valueOf(signature)))
                .isNotEmpty();
    }

    @Test
    void errorCodesAreGatheredThroughRefsAndAllOf() {
        assertThat(CONTRACT.errorCodes(CONTRACT.response("POST", OpenApiContract.VERIFY_PATH, 401)
                .child("content").child("application/json").child("schema")))
                .containsExactly("BAD_SIGNATURE", "CLOCK_SKEW", "UNKNOWN_ACCOUNT");
        assertThat(CONTRACT.errorCodes(CONTRACT.response("POST", OpenApiContract.VERIFY_PATH, 503)
                .child("content").child("application/json").child("schema"))).isEmpty();
    }

    /** Single quotes in the tables read better than escaped double quotes. */
    static JsonNode json(String singleQuoted) throws Exception {
        return JSON.readTree(singleQuoted.replace('\'', '"'));
    }
}
