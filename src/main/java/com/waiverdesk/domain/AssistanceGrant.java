package com.waiverdesk.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One assistance category the service reports for a person, valid from and until the given days inclusive.
 *
 * @param category   the category code as sent by the service; may be one the policy does not know
 * @param validUntil {@code null} for open-ended eligibility
 */
public record AssistanceGrant(String category, LocalDate validFrom, LocalDate validUntil) {
    public AssistanceGrant {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(validFrom, "validFrom");
    }

    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }
}
