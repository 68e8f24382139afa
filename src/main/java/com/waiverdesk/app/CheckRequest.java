package com.waiverdesk.app;

import java.util.Objects;

/**
 * A check as the clerk (or a script) entered it, before any validation.
 *
 * @param businessRef admission number; may be empty
 */
public record CheckRequest(String rawName, String rawId, String operatorId, String businessRef) {
    public CheckRequest {
        rawName = rawName == null ? "" : rawName;
        rawId = rawId == null ? "" : rawId;
        Objects.requireNonNull(operatorId, "operatorId");
        businessRef = businessRef == null ? "" : businessRef;
    }

    @Override
    public String toString() {
        return "CheckRequest[operator=" + operatorId + ", businessRef=" + businessRef + "]";
    }
}
