package com.waiverdesk.app;

import java.util.List;

/**
 * The policy's terms for paper certificates as the form needs them.
 *
 * @param categories the categories the form offers: every category the policy lists
 */
public record PaperTerms(boolean accepted, int maxAgeDays, List<String> categories) {
    public PaperTerms {
        categories = List.copyOf(categories);
    }
}
