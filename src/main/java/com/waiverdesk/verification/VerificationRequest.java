package com.waiverdesk.verification;

import com.waiverdesk.domain.PersonName;
import com.waiverdesk.domain.ResidentId;
import java.util.Objects;

/**
 * One query about a person, already validated.
 *
 * @param requestId   the UUID sent as {@code X-Request-Id} on every try of this query
 * @param businessRef admission number, may be empty
 */
public record VerificationRequest(String requestId, PersonName name, ResidentId id, String operatorId,
                                  String businessRef) {
    public VerificationRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operatorId, "operatorId");
        businessRef = businessRef == null ? "" : businessRef;
    }
}
