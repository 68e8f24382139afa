package com.waiverdesk.mock;

import java.util.function.Supplier;
import com.fasterxml.jackson.databind.JsonNode;
import com.waiverdesk.domain.InvalidInputException;
import com.waiverdesk.domain.ResidentId;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/v1/assistance/verifications} for an authenticated caller: validates the query, applies the rate
 * limit and answers from the registry, giving a repeated {@code X-Request-Id} its first answer byte for byte.
 */
final class VerifyEndpoint {
    static final String PURPOSE = "HOSPITAL_DEPOSIT";
    static final Duration ANSWER_MEMORY = Duration.ofHours(24);

    private final Supplier<SyntheticRegistry> registry;
    private final Clock clock;
    private final RateLimiter rateLimiter;
    private final ExpiringCache<byte[]> firstAnswers;

    VerifyEndpoint(Supplier<SyntheticRegistry> registry, Clock clock, RateLimiter rateLimiter, int maxRememberedAnswers) {
        this.registry = registry;
        this.clock = clock;
        this.rateLimiter = rateLimiter;
        this.firstAnswers = new ExpiringCache<>(clock, ANSWER_MEMORY, maxRememberedAnswers);
    }

    MockReply answer(RequestGate.Caller caller, byte[] body) throws RejectedRequest {
        String key = caller.account().id() + "\n" + caller.requestId();
        byte[] first = firstAnswers.get(key);
        if (first != null) {
            return MockReply.json(200, first);
        }
        JsonNode query = parse(body);
        String name = text(query, "name", true);
        String idNumber = text(query, "idNumber", true);
        text(query, "operatorId", false);
        text(query, "businessRef", false);
        if (!PURPOSE.equals(text(query, "purpose", false))) {
            throw new RejectedRequest(403, "PURPOSE_NOT_ALLOWED", "this account may query for " + PURPOSE + " only");
        }
        checkIdNumber(idNumber, clock);
        long retryAfter = rateLimiter.acquire(caller.account().id());
        if (retryAfter > 0) {
            throw RejectedRequest.rateLimited(retryAfter);
        }
        byte[] answer = render(caller.requestId(), registry.get().verify(idNumber, name));
        byte[] earlier = firstAnswers.putIfAbsent(key, answer);
        return MockReply.json(200, earlier != null ? earlier : answer);
    }

    static JsonNode parse(byte[] body) throws RejectedRequest {
        try {
            JsonNode node = MockJson.MAPPER.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // answered below, without echoing the body
        }
        throw new RejectedRequest(400, "INVALID_REQUEST", "body must be a JSON object");
    }

    static String text(JsonNode query, String field, boolean required) throws RejectedRequest {
        JsonNode value = query.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new RejectedRequest(400, "INVALID_REQUEST", "missing field " + field);
            }
            return null;
        }
        if (!value.isTextual() || required && value.asText().isBlank()) {
            throw new RejectedRequest(400, "INVALID_REQUEST", "field " + field + " must be a non-empty string");
        }
        return value.asText();
    }

    /** Strict: the client sends the normalized 18-character form, so anything else is refused, never repaired. */
    static void checkIdNumber(String idNumber, Clock clock) throws RejectedRequest {
        try {
            LocalDate today = LocalDate.now(clock.withZone(MockJson.SHANGHAI));
            if (idNumber.length() == 18 && ResidentId.parse(idNumber, today).value().equals(idNumber)) {
                return;
            }
        } catch (InvalidInputException e) {
            // answered below
        }
        throw new RejectedRequest(400, "INVALID_ID_NUMBER", "idNumber is not a valid 18-character resident ID");
    }

    private byte[] render(String requestId, SyntheticRegistry.Verdict verdict) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("requestId", requestId);
        answer.put("result", verdict.result().name());
        answer.put("assistance", RegistryJson.toJson(verdict.assistance()));
        answer.put("checkedAt", MockJson.time(clock));
        return MockJson.bytes(answer);
    }
}
