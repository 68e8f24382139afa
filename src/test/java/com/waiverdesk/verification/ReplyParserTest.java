package com.waiverdesk.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyParserTest {
    private final ReplyParser parser = new ReplyParser(new ObjectMapper());

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Each malformed shape is refused for the reason the table claims, not by accident for another one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("com.waiverdesk.verification.ReplyShapesTest#malformedReplies")
    void refusesEachMalformedShapeForItsOwnReason(String why, String reason, String contentType, String body) {
        assertThatThrownBy(() -> parser.parseAnswer(contentType, utf8(body), ServiceStub.REQUEST_ID))
                .isInstanceOf(ReplyParser.MalformedReplyException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void refusalNamesTheFieldButNeverQuotesTheValue() {
        String body = "{\"requestId\":\"" + ServiceStub.REQUEST_ID + "\",\"result\":\"310104198506150023\","
                + "\"assistance\":[],\"checkedAt\":\"2026-11-28T12:00:00+08:00\"}";

        assertThatThrownBy(() -> parser.parseAnswer("application/json", utf8(body), ServiceStub.REQUEST_ID))
                .hasMessageContaining("result").hasMessageNotContaining("310104");
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] body = utf8("{\"requestId\":\"" + ServiceStub.REQUEST_ID + "\",\"result\":\"MATCH\","
                + "\"assistance\":[],\"checkedAt\":\"2026-11-28T12:00:00+08:00\",\"x\":\"??\"}");
        body[body.length - 4] = (byte) 0xC3;
        body[body.length - 3] = (byte) 0x28;

        assertThatThrownBy(() -> parser.parseAnswer("application/json", body, ServiceStub.REQUEST_ID))
                .isInstanceOf(ReplyParser.MalformedReplyException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"error\":\"CLOCK_SKEW\",\"message\":\"clock off by 400 s\"}  | CLOCK_SKEW",
            "{\"message\":\"no code\",\"error\":\"RATE_LIMITED\",\"extra\":[1]} | RATE_LIMITED",
    })
    void readsTheErrorCode(String body, String code) {
        assertThat(parser.errorCode(utf8(body))).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<html>502 Bad Gateway</html>", "[\"CLOCK_SKEW\"]", "{\"error\":401}",
            "{\"error\":null}", "{\"error\":\"clock skew\"}", "{\"message\":\"no code\"}", "null", "{\"error\":",
            "{\"error\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}"})
    void garbledErrorBodyHasNoCode(String body) {
        assertThat(parser.errorCode(utf8(body))).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"status\":\"UP\",\"time\":\"2026-11-28T12:00:00+08:00\"} | true",
            "{\"status\":\"DOWN\"}                                          | false",
    })
    void readsHealthStatus(String body, boolean up) throws Exception {
        assertThat(parser.isUp("application/json", utf8(body))).isEqualTo(up);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202ESUBSISTENCE_ALLOWANCE", "SUBSISTENCE_ALLOWANCE\u200B", "SUBSISTENCE\u0000ALLOWANCE",
        "\u001B[31mSUBSISTENCE_ALLOWANCE", "SUBSISTENCE_ALLOWANCE\u2028"})
    void aCategoryNeverCarriesAnInvisibleCharacterOnAndNeverNamesAPolicyCategory(String category) throws Exception {
        String body = "{\"requestId\":\"r\",\"result\":\"MATCH\",\"assistance\":[{\"category\":"
                + new ObjectMapper().writeValueAsString(category) + ",\"validFrom\":\"2026-01-01\",\"validUntil\":null}],"
                + "\"checkedAt\":\"2026-11-28T12:00:00+08:00\"}";

        String read = parser.parseAnswer("application/json", utf8(body), "r").assistance().get(0).category();

        assertThat(read).doesNotContain("\u202E", "\u200B", "\u0000", "\u001B", "\u2028").contains("\uFFFD")
                .isNotEqualTo("SUBSISTENCE_ALLOWANCE");
    }
}
