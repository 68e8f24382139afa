package com.waiverdesk.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A supervisor's review of a paper-certificate entry, as the access chain recorded it ({@link AccessEvent#review}).
 *
 * @param reason      the supervisor's words; required for a rejection, possibly empty for an approval
 * @param workstation where the supervisor reviewed it
 */
public record Review(boolean approved, String reason, String supervisor, Instant time, String workstation) {
    public Review {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(supervisor, "supervisor");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(workstation, "workstation");
    }

    /** The state an export writes: {@code APPROVED} or {@code REJECTED} ({@code PENDING} is an entry without one). */
    public String state() {
        return approved ? "APPROVED" : "REJECTED";
    }
}
