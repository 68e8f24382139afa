package com.waiverdesk.domain;

import java.util.Objects;

/**
 * What one verification attempt (with its retries) ended in: an answer about the person, or a failure.
 *
 * @param requestId   the {@code X-Request-Id} used on every try
 * @param answer      the answer, or {@code null} on failure
 * @param failure     the failure, or {@code null} when answered
 * @param errorCode   the service's {@code error} code if it sent one, else {@code null}
 * @param attempts    HTTP requests sent
 * @param elapsedMillis wall time of the whole check including retries
 */
public record VerificationOutcome(String requestId, VerificationAnswer answer, ServiceFailure failure,
                                  String errorCode, int attempts, long elapsedMillis) {
    public VerificationOutcome {
        Objects.requireNonNull(requestId, "requestId");
        if ((answer == null) == (failure == null)) {
            throw new IllegalArgumentException("exactly one of answer and failure");
        }
    }

    public static VerificationOutcome answered(VerificationAnswer answer, int attempts, long elapsedMillis) {
        return new VerificationOutcome(answer.requestId(), answer, null, null, attempts, elapsedMillis);
    }

    public static VerificationOutcome failed(String requestId, ServiceFailure failure, String errorCode,
                                             int attempts, long elapsedMillis) {
        return new VerificationOutcome(requestId, null, failure, errorCode, attempts, elapsedMillis);
    }

    public boolean isAnswered() {
        return answer != null;
    }
}
