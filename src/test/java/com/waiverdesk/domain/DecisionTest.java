package com.waiverdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecisionTest {

    @ParameterizedTest(name = "[{index}] {0} {1} % {2} by {3}")
    @CsvSource(nullValues = "-", value = {
        "WAIVE,         50,  WAIVED_BY_CATEGORY,  SUBSISTENCE_ALLOWANCE, -,        -",
        "WAIVE,         100, WAIVED_BY_CATEGORY,  SUBSISTENCE_ALLOWANCE, -,        -",
        "WAIVE,         -,   WAIVED_BY_CATEGORY,  SUBSISTENCE_ALLOWANCE, -,        -",
        "WAIVE,         0,   WAIVED_BY_CATEGORY,  -,                     -,        -",
        "WAIVE,         0,   NO_RECORD,           SUBSISTENCE_ALLOWANCE, -,        -",
        "WAIVE,         0,   SERVICE_FAILED,      SUBSISTENCE_ALLOWANCE, -,        TIMEOUT",
        "REDUCE,        0,   REDUCED_BY_CATEGORY, LOW_INCOME_FAMILY,     -,        -",
        "REDUCE,        100, REDUCED_BY_CATEGORY, LOW_INCOME_FAMILY,     -,        -",
        "REDUCE,        50,  REDUCED_BY_CATEGORY, -,                     -,        -",
        "REDUCE,        50,  WAIVED_BY_CATEGORY,  LOW_INCOME_FAMILY,     -,        -",
        "CHARGE,        0,   NO_RECORD,           -,                     -,        -",
        "CHARGE,        50,  NO_RECORD,           -,                     -,        -",
        "CHARGE,        -,   NO_RECORD,           -,                     -,        -",
        "CHARGE,        100, WAIVED_BY_CATEGORY,  -,                     -,        -",
        "CHARGE,        100, SERVICE_FAILED,      -,                     -,        TIMEOUT",
        "CANNOT_VERIFY, -,   NO_RECORD,           -,                     -,        TIMEOUT",
        "INVALID_INPUT, -,   SERVICE_FAILED,      -,                     ID_EMPTY, -",
        "CANNOT_VERIFY, 100, SERVICE_FAILED,      -,                     -,        TIMEOUT",
        "CANNOT_VERIFY, 0,   SERVICE_FAILED,      -,                     -,        TIMEOUT",
        "CANNOT_VERIFY, -,   SERVICE_FAILED,      -,                     -,        -",
        "INVALID_INPUT, 0,   INVALID_INPUT,       -,                     ID_EMPTY, -",
        "INVALID_INPUT, -,   INVALID_INPUT,       -,                     -,        -",
    })
    void refusesInconsistentDecisions(DecisionKind kind, Integer percent, DecisionReason reason, String granting,
                                      InputProblem problem, ServiceFailure failure) {
        assertThatThrownBy(() -> new Decision(kind, percent, reason, FollowUp.COLLECT_DEPOSIT, List.of(), granting,
                problem, failure)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "[{index}] {0} {1} %")
    @CsvSource(nullValues = "-", value = {
        "WAIVE,         0,   WAIVED_BY_CATEGORY,        SUBSISTENCE_ALLOWANCE, -,        -",
        "REDUCE,        1,   REDUCED_BY_CATEGORY,       LOW_INCOME_FAMILY,     -,        -",
        "REDUCE,        99,  REDUCED_BY_CATEGORY,       LOW_INCOME_FAMILY,     -,        -",
        "CHARGE,        100, NO_RECORD,                 -,                     -,        -",
        "CHARGE,        100, NO_REDUCTION_FOR_CATEGORY, EXPENDITURE_POVERTY,   -,        -",
        "CANNOT_VERIFY, -,   SERVICE_FAILED,            -,                     -,        TIMEOUT",
        "INVALID_INPUT, -,   INVALID_INPUT,             -,                     ID_EMPTY, -",
    })
    void acceptsConsistentDecisions(DecisionKind kind, Integer percent, DecisionReason reason, String granting,
                                    InputProblem problem, ServiceFailure failure) {
        assertThatCode(() -> new Decision(kind, percent, reason, FollowUp.COLLECT_DEPOSIT, List.of(), granting,
                problem, failure)).doesNotThrowAnyException();
    }

    @Test
    void invalidInputCarriesTheProblemAndNoPercent() {
        Decision decision = Decision.invalidInput(InputProblem.ID_WRONG_CHECK_DIGIT);

        assertThat(decision.kind()).isEqualTo(DecisionKind.INVALID_INPUT);
        assertThat(decision.inputProblem()).isEqualTo(InputProblem.ID_WRONG_CHECK_DIGIT);
        assertThat(decision.followUp()).isEqualTo(FollowUp.CORRECT_INPUT);
        assertThat(decision.depositPercent()).isNull();
        assertThat(decision.amountDue(new BigDecimal("5000"))).isEmpty();
    }

    @Test
    void cannotVerifyNeedsAFailure() {
        assertThatThrownBy(() -> Decision.cannotVerify(null, FollowUp.CALL_IT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Decision.invalidInput(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "[{index}] {1} % of {0} = {2}")
    @CsvSource({
        "5000,    0,   0.00",
        "5000,    50,  2500.00",
        "5000,    100, 5000.00",
        "5000.00, 50,  2500.00",
        "3000,    33,  990.00",
        "333.33,  33,  110.00",   // 109.9989
        "0.05,    50,  0.03",     // 0.025, half up
        "0.01,    1,   0.00",     // 0.0001
        "1234.5,  50,  617.25",
        "0,       50,  0.00",
    })
    void computesTheAmountDueToTheCent(BigDecimal deposit, int percent, BigDecimal expected) {
        assertThat(verified(percent).amountDue(deposit)).hasValueSatisfying(amount -> {
            assertThat(amount).isEqualTo(expected);
            assertThat(amount.scale()).isEqualTo(2);
        });
    }

    @Test
    void hasNoAmountWhenNothingWasVerifiedOrNoDepositConfigured() {
        assertThat(Decision.cannotVerify(ServiceFailure.TIMEOUT, FollowUp.RETRY_OR_PAPER_CERTIFICATE)
                .amountDue(new BigDecimal("5000"))).isEmpty();
        assertThat(verified(50).amountDue(null)).isEmpty();
    }

    @Test
    void refusesANegativeStandardDeposit() {
        assertThatThrownBy(() -> verified(50).amountDue(new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void copiesTheReportedCategories() {
        List<String> reported = new ArrayList<>(List.of("SUBSISTENCE_ALLOWANCE"));
        Decision decision = new Decision(DecisionKind.CHARGE, 100, DecisionReason.NO_RECORD, FollowUp.COLLECT_DEPOSIT,
                reported, null, null, null);
        reported.add("OTHER");

        assertThat(decision.reportedCategories()).containsExactly("SUBSISTENCE_ALLOWANCE");
        assertThatThrownBy(() -> decision.reportedCategories().add("X")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void onlyWaiveAndReduceLowerTheDeposit() {
        assertThat(DecisionKind.values()).filteredOn(DecisionKind::lowersDeposit)
                .containsExactlyInAnyOrder(DecisionKind.WAIVE, DecisionKind.REDUCE);
    }

    private static Decision verified(int percent) {
        if (percent == 0) {
            return new Decision(DecisionKind.WAIVE, 0, DecisionReason.WAIVED_BY_CATEGORY,
                    FollowUp.ADMIT_WITHOUT_DEPOSIT, List.of("S"), "S", null, null);
        }
        if (percent == 100) {
            return Decision.charge(DecisionReason.NO_RECORD, FollowUp.COLLECT_DEPOSIT, List.of());
        }
        return new Decision(DecisionKind.REDUCE, percent, DecisionReason.REDUCED_BY_CATEGORY,
                FollowUp.COLLECT_REDUCED_DEPOSIT, List.of("L"), "L", null, null);
    }
}
