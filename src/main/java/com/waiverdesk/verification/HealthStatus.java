package com.waiverdesk.verification;

import com.waiverdesk.domain.ServiceFailure;

/**
 * Whether the service answered its health check.
 *
 * @param failure why not, when {@code up} is false
 */
public record HealthStatus(boolean up, ServiceFailure failure, String errorCode) {
    public static HealthStatus healthy() {
        return new HealthStatus(true, null, null);
    }

    public static HealthStatus down(ServiceFailure failure, String errorCode) {
        return new HealthStatus(false, failure, errorCode);
    }
}
