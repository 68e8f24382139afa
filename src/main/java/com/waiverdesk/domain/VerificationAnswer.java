package com.waiverdesk.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/** A well-formed {@code 200} answer of the verification service about one person. */
public record VerificationAnswer(String requestId, MatchResult result, List<AssistanceGrant> assistance,
                                 OffsetDateTime checkedAt) {
    public VerificationAnswer {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(checkedAt, "checkedAt");
        assistance = List.copyOf(assistance);
    }
}
