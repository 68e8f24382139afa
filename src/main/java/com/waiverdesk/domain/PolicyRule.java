package com.waiverdesk.domain;

import java.util.Map;
import java.util.Objects;

/**
 * What one assistance category earns under a policy.
 *
 * @param labels display names by language tag ("zh", "en"), from the policy file; may be empty
 */
public record PolicyRule(String category, int depositPercent, Map<String, String> labels) {
    public PolicyRule {
        Objects.requireNonNull(category, "category");
        if (depositPercent < 0 || depositPercent > 100) {
            throw new IllegalArgumentException("deposit percent out of 0..100 for " + category + ": " + depositPercent);
        }
        labels = Map.copyOf(labels);
    }
}
