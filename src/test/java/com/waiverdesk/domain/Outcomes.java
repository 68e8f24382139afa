package com.waiverdesk.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test fixtures: the bundled policy's rules in code, and outcomes written as short strings. */
public final class Outcomes {
    public static final OffsetDateTime CHECKED_AT = OffsetDateTime.parse("2026-11-28T12:00:00+08:00");

    private Outcomes() {
    }

    /** The rules of {@code default-policy.json}; PolicyLoaderTest checks the bundled file says the same. */
    public static DepositPolicy shanghai2018() {
        return new DepositPolicy("shanghai-medical-assistance-2018", LocalDate.of(2018, 1, 1), "test copy", List.of(
                new PolicyRule("SUBSISTENCE_ALLOWANCE", 0, Map.of()),
                new PolicyRule("EXTREME_POVERTY_SUPPORT", 0, Map.of()),
                new PolicyRule("LOW_INCOME_FAMILY", 50, Map.of()),
                new PolicyRule("EXPENDITURE_POVERTY", 100, Map.of())));
    }

    /**
     * Grants as {@code CODE FROM..UNTIL} separated by {@code ;}, UNTIL empty for open-ended,
     * e.g. {@code SUBSISTENCE_ALLOWANCE 2026-01-01..2026-12-31; LOW_INCOME_FAMILY 2020-01-01..}.
     */
    public static List<AssistanceGrant> grants(String spec) {
        List<AssistanceGrant> grants = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return grants;
        }
        for (String part : spec.split(";")) {
            String[] codeAndPeriod = part.trim().split("\\s+");
            String[] period = codeAndPeriod[1].split("\\.\\.", -1);
            grants.add(new AssistanceGrant(codeAndPeriod[0], LocalDate.parse(period[0]),
                    period[1].isEmpty() ? null : LocalDate.parse(period[1])));
        }
        return grants;
    }

    public static VerificationOutcome answered(MatchResult result, OffsetDateTime checkedAt, String grants) {
        return VerificationOutcome.answered(
                new VerificationAnswer("req-1", result, grants(grants), checkedAt), 1, 42);
    }

    public static VerificationOutcome answered(MatchResult result, String grants) {
        return answered(result, CHECKED_AT, grants);
    }

    public static VerificationOutcome failed(ServiceFailure failure, String errorCode) {
        return VerificationOutcome.failed("req-1", failure, errorCode, 3, 5000);
    }
}
