package com.waiverdesk.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.waiverdesk.verification.ecert.DemoEcertKeys;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The e-certificate endpoints for an authenticated caller: the demo root's trust and revocation lists, made for the
 * moment they are asked for, and the status of the demo certificates, with the verify endpoint's idempotency and
 * rate limit.
 */
final class EcertEndpoints {
    private final Clock clock;
    private final RateLimiter rateLimiter;
    private final DemoCertificates certificates;
    private final ExpiringCache<byte[]> firstAnswers;

    EcertEndpoints(Clock clock, RateLimiter rateLimiter, DemoCertificates certificates, int maxRememberedAnswers) {
        this.clock = clock;
        this.rateLimiter = rateLimiter;
        this.certificates = certificates;
        this.firstAnswers = new ExpiringCache<>(clock, VerifyEndpoint.ANSWER_MEMORY, maxRememberedAnswers);
    }

    MockReply trustList() {
        return MockReply.json(200, MockJson.bytes(Map.of("trustList", DemoEcertKeys.trustList(clock.instant()))));
    }

    MockReply revocations() {
        return MockReply.json(200, MockJson.bytes(Map.of("revocationList",
                DemoEcertKeys.revocationList(clock.instant(), DemoCertificates.REVOKED))));
    }

    /** {@code POST /api/v1/ecert/status}: validated like a verification, answered from the demo certificates. */
    MockReply status(RequestGate.Caller caller, byte[] body) throws RejectedRequest {
        String key = caller.account().id() + "\n" + caller.requestId();
        byte[] first = firstAnswers.get(key);
        if (first != null) {
            return MockReply.json(200, first);
        }
        JsonNode query = VerifyEndpoint.parse(body);
        String certId = VerifyEndpoint.text(query, "certId", true);
        String idNumber = VerifyEndpoint.text(query, "idNumber", true);
        VerifyEndpoint.text(query, "operatorId", false);
        VerifyEndpoint.text(query, "businessRef", false);
        if (!VerifyEndpoint.PURPOSE.equals(VerifyEndpoint.text(query, "purpose", false))) {
            throw new RejectedRequest(403, "PURPOSE_NOT_ALLOWED", "this account may query for "
                    + VerifyEndpoint.PURPOSE + " only");
        }
        VerifyEndpoint.checkIdNumber(idNumber, clock);
        long retryAfter = rateLimiter.acquire(caller.account().id());
        if (retryAfter > 0) {
            throw RejectedRequest.rateLimited(retryAfter);
        }
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("requestId", caller.requestId());
        answer.put("certId", certId);
        answer.put("status", certificates.status(certId, idNumber));
        answer.put("checkedAt", MockJson.time(clock));
        byte[] bytes = MockJson.bytes(answer);
        byte[] earlier = firstAnswers.putIfAbsent(key, bytes);
        return MockReply.json(200, earlier != null ? earlier : bytes);
    }
}
