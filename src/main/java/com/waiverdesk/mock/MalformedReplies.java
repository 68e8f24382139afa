package com.waiverdesk.mock;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the broken {@code 200} replies of {@link MalformedShape}. Each is something a client must treat as a failure
 * of the service; the unknown-result shape even lists a waivable category, so a client that only looks at the
 * categories would be caught waiving.
 */
final class MalformedReplies {
    private static final String HTML_PAGE = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
            + "<body><h1>Bad Gateway</h1><p>The upstream server did not answer.</p></body></html>\n";
    private static final Duration STALE_BY = Duration.ofDays(3);

    private MalformedReplies() {
    }

    /**
     * @param health    whether the request was the health check, whose body has other fields
     * @param requestId the request's {@code X-Request-Id}, may be {@code null}
     */
    static MockReply of(MalformedShape shape, MockReply real, boolean health, String requestId, Clock clock) {
        switch (shape) {
            case TRUNCATED:
                return MockReply.json(200, Arrays.copyOf(real.body(), real.body().length / 2));
            case WRONG_TYPES:
                return MockReply.json(200, health ? wrongTypesHealth() : wrongTypesAnswer());
            case UNKNOWN_RESULT:
                return MockReply.json(200, health ? unknownStatus(clock) : unknownResult(requestId, clock));
            case HTML:
                return new MockReply(200, Map.of("Content-Type", "text/html; charset=utf-8"),
                        HTML_PAGE.getBytes(StandardCharsets.UTF_8), null);
            case STALE:
                return health ? real : MockReply.json(200, waiver(requestId, "MATCH",
                        Clock.offset(clock, STALE_BY.negated())));
            default:
                throw new IllegalStateException("unhandled shape " + shape);
        }
    }

    private static byte[] wrongTypesAnswer() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", 12345);
        body.put("result", List.of("MATCH"));
        body.put("assistance", Map.of("category", "SUBSISTENCE_ALLOWANCE"));
        body.put("checkedAt", true);
        return MockJson.bytes(body);
    }

    private static byte[] wrongTypesHealth() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", true);
        body.put("time", 12345);
        return MockJson.bytes(body);
    }

    private static byte[] unknownResult(String requestId, Clock clock) {
        return waiver(requestId, "PROBABLE_MATCH", clock);
    }

    private static byte[] waiver(String requestId, String result, Clock clock) {
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("category", "SUBSISTENCE_ALLOWANCE");
        grant.put("validFrom", "2020-01-01");
        grant.put("validUntil", null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", requestId);
        body.put("result", result);
        body.put("assistance", List.of(grant));
        body.put("checkedAt", MockJson.time(clock));
        return MockJson.bytes(body);
    }

    private static byte[] unknownStatus(Clock clock) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "DEGRADED");
        body.put("time", MockJson.time(clock));
        return MockJson.bytes(body);
    }

    /**
     * The broken replies of the e-certificate endpoints; the status ones each name {@code VALID} somewhere, so a client
     * that reads leniently would be caught accepting a certificate.
     *
     * @param status whether the request was the status call (else a list fetch)
     */
    static MockReply ofEcert(MalformedShape shape, MockReply real, boolean status, String requestId, Clock clock) {
        String certId = status ? realCertId(real) : null;
        switch (shape) {
            case TRUNCATED:
                return MockReply.json(200, Arrays.copyOf(real.body(), real.body().length / 2));
            case WRONG_TYPES:
                return MockReply.json(200, status
                        ? MockJson.bytes(Map.of("requestId", 12345, "certId", List.of(certId == null ? "" : certId),
                                "status", List.of("VALID"), "checkedAt", true))
                        : MockJson.bytes(Map.of("trustList", 12345, "revocationList", 12345)));
            case UNKNOWN_RESULT:
                return MockReply.json(200, status ? ecertStatus(requestId, certId, "PROBABLY_VALID", clock)
                        : MockJson.bytes(Map.of("trustList", "SHTL9.DEMO-ROOT.e30.AA",
                                "revocationList", "SHRL9.DEMO-ROOT.e30.AA")));
            case HTML:
                return new MockReply(200, Map.of("Content-Type", "text/html; charset=utf-8"),
                        HTML_PAGE.getBytes(StandardCharsets.UTF_8), null);
            case STALE:
                // a list's age is judged from its own signed issuedAt: there is no stale envelope to send
                return status ? MockReply.json(200, ecertStatus(requestId, certId, "VALID",
                        Clock.offset(clock, STALE_BY.negated()))) : real;
            default:
                throw new IllegalStateException("unhandled shape " + shape);
        }
    }

    private static byte[] ecertStatus(String requestId, String certId, String status, Clock clock) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", requestId);
        body.put("certId", certId);
        body.put("status", status);
        body.put("checkedAt", MockJson.time(clock));
        return MockJson.bytes(body);
    }

    /** The certId of the real status answer, so a broken reply looks like an answer about this certificate. */
    private static String realCertId(MockReply real) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = MockJson.MAPPER.readTree(real.body());
            return node != null && node.path("certId").isTextual() ? node.get("certId").textValue() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
