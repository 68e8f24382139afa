package com.waiverdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.testing.CivilCalendar;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random outcomes against random policies, judged by an oracle written independently of DepositPolicy: the deposit
 * goes down only for a MATCH with a listed category of percent below 100 that is valid on Shanghai's calendar date
 * of {@code checkedAt}, worked out by {@link CivilCalendar}'s integer arithmetic.
 */
class DepositPolicyPropertyTest {
    private static final String[] CODES = {"SUBSISTENCE_ALLOWANCE", "EXTREME_POVERTY_SUPPORT", "LOW_INCOME_FAMILY",
        "EXPENDITURE_POVERTY", "HOUSING_HARDSHIP", "subsistence_allowance", ""};
    private static final LocalDate BASE = LocalDate.of(2026, 11, 28);

    @ParameterizedTest
    @ValueSource(longs = {1L, 20261128L, 0xC0FFEEL})
    void lowersTheDepositOnlyForAValidListedCategoryOfAMatch(long seed) {
        Random random = new Random(seed);
        int lowered = 0;
        for (int n = 0; n < 4000; n++) {
            DepositPolicy policy = n % 2 == 0 ? Outcomes.shanghai2018() : randomPolicy(random);
            VerificationOutcome outcome = randomOutcome(random);

            Decision decision = policy.decide(outcome);

            OptionalInt expected = lowestValidListedPercent(policy, outcome);
            String context = "case " + n + ": " + outcome + " under " + policy.rules() + " from "
                    + policy.effectiveFrom();
            if (expected.isPresent() && expected.getAsInt() < 100) {
                lowered++;
                assertThat(decision.kind().lowersDeposit()).as(context).isTrue();
                assertThat(decision.depositPercent()).as(context).isEqualTo(expected.getAsInt());
                assertThat(policy.rule(decision.grantingCategory()).orElseThrow().depositPercent())
                        .as(context).isEqualTo(expected.getAsInt());
            } else {
                assertThat(decision.kind().lowersDeposit()).as(context).isFalse();
                assertThat(decision.depositPercent()).as(context).isIn(100, null);
            }
            assertThat(decision.kind() == DecisionKind.CANNOT_VERIFY).as(context).isEqualTo(!outcome.isAnswered());
        }
        // the generator must reach both sides, or the property proves nothing
        assertThat(lowered).isBetween(400, 3600);
    }

    private static OptionalInt lowestValidListedPercent(DepositPolicy policy, VerificationOutcome outcome) {
        if (!outcome.isAnswered() || outcome.answer().result() != MatchResult.MATCH) {
            return OptionalInt.empty();
        }
        // Shanghai's day by integer arithmetic on the instant, not by java.time's zone rules the code uses
        long day = CivilCalendar.shanghaiDay(outcome.answer().checkedAt().toEpochSecond());
        if (day < days(policy.effectiveFrom())) {
            return OptionalInt.empty();
        }
        return outcome.answer().assistance().stream()
                .filter(g -> days(g.validFrom()) <= day && (g.validUntil() == null || day <= days(g.validUntil())))
                .flatMap(g -> policy.rules().stream().filter(r -> r.category().equals(g.category())))
                .mapToInt(PolicyRule::depositPercent)
                .min();
    }

    private static long days(LocalDate date) {
        return CivilCalendar.daysFromCivil(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    private static DepositPolicy randomPolicy(Random random) {
        List<PolicyRule> rules = new ArrayList<>();
        for (String code : CODES) {
            if (!code.isEmpty() && random.nextInt(3) > 0) {
                int[] percents = {0, 0, 30, 50, 99, 100, 100};
                rules.add(new PolicyRule(code, percents[random.nextInt(percents.length)], Map.of()));
            }
        }
        return new DepositPolicy("random", BASE.minusDays(random.nextInt(30) - 3), "test", rules);
    }

    private static VerificationOutcome randomOutcome(Random random) {
        if (random.nextInt(6) == 0) {
            ServiceFailure[] failures = ServiceFailure.values();
            return VerificationOutcome.failed("r", failures[random.nextInt(failures.length)],
                    random.nextBoolean() ? null : "INVALID_ID_NUMBER", 1, 10);
        }
        MatchResult[] results = {MatchResult.MATCH, MatchResult.MATCH, MatchResult.MATCH, MatchResult.NO_RECORD,
            MatchResult.NAME_MISMATCH};
        List<AssistanceGrant> grants = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            String code = CODES[random.nextInt(CODES.length - 1)];
            LocalDate from = BASE.plusDays(random.nextInt(9) - 6);
            LocalDate until = random.nextInt(4) == 0 ? null : from.plusDays(random.nextInt(9) - 1);
            grants.add(new AssistanceGrant(code, from, until));
        }
        // offsets from -12 to +14 hours around midnight, so the UTC date and the service's date often differ
        ZoneOffset offset = ZoneOffset.ofHours(random.nextInt(27) - 12);
        OffsetDateTime checkedAt = BASE.atStartOfDay().plusMinutes(random.nextInt(48 * 60) - 24 * 60).atOffset(offset);
        return VerificationOutcome.answered(new VerificationAnswer("r", results[random.nextInt(results.length)],
                grants, checkedAt), 1, 10);
    }
}
