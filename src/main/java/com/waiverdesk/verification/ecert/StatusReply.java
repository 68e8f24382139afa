package com.waiverdesk.verification.ecert;

import com.waiverdesk.domain.ServiceFailure;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * What the service's status call ({@code POST /api/v1/ecert/status}) gave: a status with its {@code checkedAt}, or
 * the failure (with the service's error code, if any). A reply with both or neither is treated as malformed.
 */
public record StatusReply(Status status, OffsetDateTime checkedAt, ServiceFailure failure, String errorCode,
                          String requestId) {
    /** The failures that mean "the service cannot be reached": only these fall back to the cached lists. */
    public static final Set<ServiceFailure> UNREACHABLE = Set.of(ServiceFailure.TIMEOUT, ServiceFailure.UNREACHABLE,
            ServiceFailure.SERVER_ERROR, ServiceFailure.RATE_LIMITED);

    public enum Status { VALID, REVOKED, EXPIRED, UNKNOWN }

    public static StatusReply answered(Status status, OffsetDateTime checkedAt, String requestId) {
        return new StatusReply(status, checkedAt, null, null, requestId);
    }

    public static StatusReply failed(ServiceFailure failure, String errorCode, String requestId) {
        return new StatusReply(null, null, failure, errorCode, requestId);
    }

    public boolean cannotBeReached() {
        return status == null && failure != null && UNREACHABLE.contains(failure);
    }
}
