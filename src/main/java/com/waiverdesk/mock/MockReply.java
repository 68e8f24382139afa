package com.waiverdesk.mock;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP reply of the mock, built before it is sent so that faults can delay or replace it.
 *
 * @param errorCode the spec's {@code error} code of an error reply, kept for the log; {@code null} otherwise
 */
record MockReply(int status, Map<String, String> headers, byte[] body, String errorCode) {
    static final String JSON = "application/json";

    MockReply {
        headers = Map.copyOf(headers);
    }

    static MockReply json(int status, byte[] body) {
        return new MockReply(status, Map.of("Content-Type", JSON), body, null);
    }

    /** The spec's error body {@code {"error": CODE, "message": text}}; the text never holds a name or an ID. */
    static MockReply error(int status, String code, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return new MockReply(status, Map.of("Content-Type", JSON), MockJson.bytes(body), code);
    }

    MockReply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new MockReply(status, more, body, errorCode);
    }
}
