package com.waiverdesk.domain;

import static com.waiverdesk.domain.Outcomes.answered;
import static com.waiverdesk.domain.Outcomes.failed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The bundled policy's decisions; service day is 2026-11-28 (+08:00) unless a test says otherwise. */
class DepositPolicyTest {
    private final DepositPolicy policy = Outcomes.shanghai2018();

    @ParameterizedTest(name = "[{index}] {0} [{1}] -> {2} {3} %")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // result     | grants                                                            | kind   | % | reason                    | follow-up               | granting
        "MATCH        | SUBSISTENCE_ALLOWANCE 2026-01-01..2026-12-31                      | WAIVE  | 0 | WAIVED_BY_CATEGORY        | ADMIT_WITHOUT_DEPOSIT   | SUBSISTENCE_ALLOWANCE",
        "MATCH        | EXTREME_POVERTY_SUPPORT 2026-01-01..2026-12-31                    | WAIVE  | 0 | WAIVED_BY_CATEGORY        | ADMIT_WITHOUT_DEPOSIT   | EXTREME_POVERTY_SUPPORT",
        "MATCH        | LOW_INCOME_FAMILY 2026-01-01..2026-12-31                          | REDUCE | 50| REDUCED_BY_CATEGORY       | COLLECT_REDUCED_DEPOSIT | LOW_INCOME_FAMILY",
        "MATCH        | EXPENDITURE_POVERTY 2026-01-01..2026-12-31                        | CHARGE |100| NO_REDUCTION_FOR_CATEGORY | COLLECT_DEPOSIT         | EXPENDITURE_POVERTY",
        // several categories: the most favourable valid one wins, in any order
        "MATCH        | LOW_INCOME_FAMILY 2026-01-01..; SUBSISTENCE_ALLOWANCE 2026-01-01.. | WAIVE  | 0 | WAIVED_BY_CATEGORY        | ADMIT_WITHOUT_DEPOSIT   | SUBSISTENCE_ALLOWANCE",
        "MATCH        | EXPENDITURE_POVERTY 2026-01-01..; LOW_INCOME_FAMILY 2026-01-01..  | REDUCE | 50| REDUCED_BY_CATEGORY       | COLLECT_REDUCED_DEPOSIT | LOW_INCOME_FAMILY",
        "MATCH        | SUBSISTENCE_ALLOWANCE 2025-01-01..2025-12-31; LOW_INCOME_FAMILY 2026-01-01..2026-12-31 | REDUCE | 50 | REDUCED_BY_CATEGORY | COLLECT_REDUCED_DEPOSIT | LOW_INCOME_FAMILY",
        "MATCH        | SUBSISTENCE_ALLOWANCE 2025-01-01..2025-12-31; EXPENDITURE_POVERTY 2026-01-01.. | CHARGE | 100 | NO_REDUCTION_FOR_CATEGORY | COLLECT_DEPOSIT | EXPENDITURE_POVERTY",
        // validity: both ends inclusive, expired, not yet valid, open-ended
        "MATCH        | SUBSISTENCE_ALLOWANCE 2026-01-01..2026-11-27                      | CHARGE |100| ELIGIBILITY_EXPIRED       | COLLECT_DEPOSIT         | -",
        "MATCH        | SUBSISTENCE_ALLOWANCE 2026-01-01..2026-11-28                      | WAIVE  | 0 | WAIVED_BY_CATEGORY        | ADMIT_WITHOUT_DEPOSIT   | SUBSISTENCE_ALLOWANCE",
        "MATCH        | SUBSISTENCE_ALLOWANCE 2026-11-28..2026-12-31                      | WAIVE  | 0 | WAIVED_BY_CATEGORY        | ADMIT_WITHOUT_DEPOSIT   | SUBSISTENCE_ALLOWANCE",
        "MATCH        | SUBSISTENCE_ALLOWANCE 2026-11-28..2026-11-28                      | WAIVE  | 0 | WAIVED_BY_CATEGORY        | ADMIT_WITHOUT_DEPOSIT   | SUBSISTENCE_ALLOWANCE",
        "MATCH        | SUBSISTENCE_ALLOWANCE 2026-11-29..2026-12-31                      | CHARGE |100| ELIGIBILITY_EXPIRED       | COLLECT_DEPOSIT         | -",
        "MATCH        | SUBSISTENCE_ALLOWANCE 2020-01-01..                                | WAIVE  | 0 | WAIVED_BY_CATEGORY        | ADMIT_WITHOUT_DEPOSIT   | SUBSISTENCE_ALLOWANCE",
        "MATCH        | SUBSISTENCE_ALLOWANCE 2026-11-29..                                | CHARGE |100| ELIGIBILITY_EXPIRED       | COLLECT_DEPOSIT         | -",
        "MATCH        | SUBSISTENCE_ALLOWANCE 2026-12-31..2026-01-01                      | CHARGE |100| ELIGIBILITY_EXPIRED       | COLLECT_DEPOSIT         | -",
        // unknown codes are shown but grant nothing; codes are exact
        "MATCH        | HOUSING_HARDSHIP 2026-01-01..2026-12-31                           | CHARGE |100| CATEGORY_NOT_IN_POLICY    | COLLECT_DEPOSIT         | -",
        "MATCH        | subsistence_allowance 2026-01-01..2026-12-31                      | CHARGE |100| CATEGORY_NOT_IN_POLICY    | COLLECT_DEPOSIT         | -",
        "MATCH        | HOUSING_HARDSHIP 2026-01-01..; LOW_INCOME_FAMILY 2026-01-01..     | REDUCE | 50| REDUCED_BY_CATEGORY       | COLLECT_REDUCED_DEPOSIT | LOW_INCOME_FAMILY",
        "MATCH        | HOUSING_HARDSHIP 2026-01-01..; SUBSISTENCE_ALLOWANCE 2020-01-01..2025-12-31 | CHARGE | 100 | CATEGORY_NOT_IN_POLICY | COLLECT_DEPOSIT | -",
        "MATCH        | -                                                                 | CHARGE |100| NO_CATEGORY_LISTED        | COLLECT_DEPOSIT         | -",
        // a verdict other than MATCH never lowers the deposit, even if the service lists categories
        "NO_RECORD    | -                                                                 | CHARGE |100| NO_RECORD                 | COLLECT_DEPOSIT         | -",
        "NO_RECORD    | SUBSISTENCE_ALLOWANCE 2026-01-01..2026-12-31                      | CHARGE |100| NO_RECORD                 | COLLECT_DEPOSIT         | -",
        "NAME_MISMATCH| -                                                                 | CHARGE |100| NAME_MISMATCH             | CHECK_NAME_AND_RETRY    | -",
        "NAME_MISMATCH| SUBSISTENCE_ALLOWANCE 2026-01-01..2026-12-31                      | CHARGE |100| NAME_MISMATCH             | CHECK_NAME_AND_RETRY    | -",
    })
    void decidesTheBundledPolicy(MatchResult result, String grants, DecisionKind kind, int percent,
                                 DecisionReason reason, FollowUp followUp, String granting) {
        Decision decision = policy.decide(answered(result, grants));

        assertThat(decision.kind()).isEqualTo(kind);
        assertThat(decision.depositPercent()).isEqualTo(percent);
        assertThat(decision.reason()).isEqualTo(reason);
        assertThat(decision.followUp()).isEqualTo(followUp);
        assertThat(decision.grantingCategory()).isEqualTo(granting);
        assertThat(decision.reportedCategories())
                .containsExactlyElementsOf(Outcomes.grants(grants).stream().map(AssistanceGrant::category).toList());
        assertThat(decision.failure()).isNull();
        assertThat(decision.inputProblem()).isNull();
    }

    @ParameterizedTest(name = "[{index}] checked {0}, valid {1}..{2} -> {3}")
    @CsvSource(nullValues = "-", value = {
        // each row's Shanghai date worked out by hand (Shanghai is UTC+8, no daylight saving since 1991)
        // 23:30 in Shanghai is still the 31st there
        "2026-12-31T23:30:00+08:00, 2026-01-01, 2026-12-31, WAIVE",
        // 00:30 on 1 January in Shanghai: the grant has ended
        "2027-01-01T00:30:00+08:00, 2026-01-01, 2026-12-31, CHARGE",
        // 23:30Z on the 31st is 07:30 on 1 January in Shanghai (the spec's own example): ended
        "2026-12-31T23:30:00Z,      2026-01-01, 2026-12-31, CHARGE",
        // 18:00 at -10:00 on the 31st is 04:00Z on 1 January, 12:00 in Shanghai: ended (the outside check's case)
        "2026-12-31T18:00:00-10:00, 2026-01-01, 2026-12-31, CHARGE",
        // 15:59:59Z is 23:59:59 in Shanghai, the last second of the grant
        "2026-12-31T15:59:59Z,      2026-01-01, 2026-12-31, WAIVE",
        "2026-12-31T16:00:00Z,      2026-01-01, 2026-12-31, CHARGE",
        // 00:00 on 1 January at +14:00 is 10:00Z on the 31st, 18:00 in Shanghai: still valid
        "2027-01-01T00:00:00+14:00, 2026-01-01, 2026-12-31, WAIVE",
        // the first day of a grant: 07:00 on 1 January in Shanghai is already the 1st there
        "2027-01-01T07:00:00+08:00, 2027-01-01, -,          WAIVE",
        // 23:59:59Z on the 31st is 07:59:59 on 1 January in Shanghai: the new grant has begun
        "2026-12-31T23:59:59Z,      2027-01-01, -,          WAIVE",
        // 15:59:59Z on the 31st is 23:59:59 on the 31st in Shanghai: not yet
        "2026-12-31T15:59:59Z,      2027-01-01, -,          CHARGE",
        // 00:00 on 1 January at +14:00 is 18:00 on the 31st in Shanghai: not yet
        "2027-01-01T00:00:00+14:00, 2027-01-01, -,          CHARGE",
        // 20:00 on the 31st at -12:00 is 08:00Z on 1 January, 16:00 in Shanghai: begun
        "2026-12-31T20:00:00-12:00, 2027-01-01, -,          WAIVE",
    })
    void judgesValidityOnShanghaisCalendarDateWhateverTheOffset(OffsetDateTime checkedAt, LocalDate from, LocalDate until,
                                                      DecisionKind kind) {
        String grant = "SUBSISTENCE_ALLOWANCE " + from + ".." + (until == null ? "" : until.toString());
        assertThat(policy.decide(answered(MatchResult.MATCH, checkedAt, grant)).kind()).isEqualTo(kind);
    }

    @Test
    void chargesWhenThePolicyIsNotYetInForceOnTheServiceDate() {
        Decision before = policy.decide(answered(MatchResult.MATCH,
                OffsetDateTime.parse("2017-12-31T23:59:00+08:00"), "SUBSISTENCE_ALLOWANCE 2017-01-01.."));
        Decision first = policy.decide(answered(MatchResult.MATCH,
                OffsetDateTime.parse("2018-01-01T00:00:00+08:00"), "SUBSISTENCE_ALLOWANCE 2017-01-01.."));

        assertThat(before.kind()).isEqualTo(DecisionKind.CHARGE);
        assertThat(before.reason()).isEqualTo(DecisionReason.POLICY_NOT_IN_FORCE);
        assertThat(before.followUp()).isEqualTo(FollowUp.CALL_IT);
        assertThat(first.kind()).isEqualTo(DecisionKind.WAIVE);
    }

    @ParameterizedTest
    @EnumSource(ServiceFailure.class)
    void everyServiceFailureIsCannotVerifyNeverALowerDeposit(ServiceFailure failure) {
        for (String code : new String[] {null, "INVALID_ID_NUMBER", "INVALID_REQUEST", "SOMETHING_NEW"}) {
            Decision decision = policy.decide(failed(failure, code));

            assertThat(decision.kind()).isEqualTo(DecisionKind.CANNOT_VERIFY);
            assertThat(decision.kind().lowersDeposit()).isFalse();
            assertThat(decision.depositPercent()).isNull();
            assertThat(decision.reason()).isEqualTo(DecisionReason.SERVICE_FAILED);
            assertThat(decision.failure()).isEqualTo(failure);
            assertThat(decision.grantingCategory()).isNull();
            assertThat(decision.followUp()).isNotIn(FollowUp.ADMIT_WITHOUT_DEPOSIT, FollowUp.COLLECT_REDUCED_DEPOSIT);
        }
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "TIMEOUT,               -,                 RETRY_OR_PAPER_CERTIFICATE",
        "UNREACHABLE,           -,                 RETRY_OR_PAPER_CERTIFICATE",
        "SERVER_ERROR,          -,                 RETRY_OR_PAPER_CERTIFICATE",
        "RATE_LIMITED,          RATE_LIMITED,      RETRY_OR_PAPER_CERTIFICATE",
        "MALFORMED_REPLY,       -,                 RETRY_OR_PAPER_CERTIFICATE",
        "NONCE_REUSED,          NONCE_REUSED,      RETRY_OR_PAPER_CERTIFICATE",
        "UNEXPECTED_STATUS,     -,                 RETRY_OR_PAPER_CERTIFICATE",
        "CLOCK_SKEW,            CLOCK_SKEW,        FIX_CLOCK_CALL_IT",
        "AUTHENTICATION_FAILED, BAD_SIGNATURE,     CALL_IT",
        "AUTHENTICATION_FAILED, UNKNOWN_ACCOUNT,   CALL_IT",
        "FORBIDDEN,             ACCOUNT_DISABLED,  CALL_IT",
        "FORBIDDEN,             PURPOSE_NOT_ALLOWED, CALL_IT",
        "REQUEST_REJECTED,      INVALID_ID_NUMBER, CORRECT_INPUT",
        "REQUEST_REJECTED,      INVALID_REQUEST,   CALL_IT",
        "REQUEST_REJECTED,      -,                 CALL_IT",
    })
    void tellsTheClerkWhatToDoAfterEachFailure(ServiceFailure failure, String errorCode, FollowUp followUp) {
        assertThat(policy.decide(failed(failure, errorCode)).followUp()).isEqualTo(followUp);
    }

    @Test
    void reportsEveryCategoryTheServiceListedInItsOrder() {
        Decision decision = policy.decide(answered(MatchResult.MATCH,
                "NEW_CODE 2026-01-01..; LOW_INCOME_FAMILY 2020-01-01..2020-12-31; SUBSISTENCE_ALLOWANCE 2026-01-01.."));

        assertThat(decision.reportedCategories())
                .containsExactly("NEW_CODE", "LOW_INCOME_FAMILY", "SUBSISTENCE_ALLOWANCE");
    }

    @Test
    void keepsTheRulesInTheOrderTheyWereListed() {
        assertThat(policy.rules()).extracting(PolicyRule::category).containsExactly(
                "SUBSISTENCE_ALLOWANCE", "EXTREME_POVERTY_SUPPORT", "LOW_INCOME_FAMILY", "EXPENDITURE_POVERTY");
        assertThat(policy.rule("LOW_INCOME_FAMILY")).map(PolicyRule::depositPercent).contains(50);
        assertThat(policy.rule("HOUSING_HARDSHIP")).isEmpty();
    }

    @Test
    void refusesACategoryListedTwice() {
        List<PolicyRule> rules = List.of(new PolicyRule("A", 0, Map.of()), new PolicyRule("A", 50, Map.of()));
        assertThatThrownBy(() -> new DepositPolicy("p", LocalDate.of(2018, 1, 1), "s", rules))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A");
    }

    @ParameterizedTest
    @CsvSource({"-1", "101"})
    void refusesARulePercentOutsideZeroToHundred(int percent) {
        assertThatThrownBy(() -> new PolicyRule("A", percent, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
