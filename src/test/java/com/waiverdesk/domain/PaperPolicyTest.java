package com.waiverdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The paper certificate's rules as a hand-written table (issue 12, docs/policy-file.md): the expected column is
 * worked out by reading the rule, not by running it. Today is 2026-12-06; 90 days before is 2026-09-07.
 */
class PaperPolicyTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final PaperPolicy POLICY = new PaperPolicy(true, 90, Map.of(
            "SUBSISTENCE_ALLOWANCE", 0, "LOW_INCOME_FAMILY", 50, "EXPENDITURE_POVERTY", 100));

    @ParameterizedTest(name = "{0} after {1}, issued {2}: {3} {4}")
    @CsvSource(delimiter = '|', value = {
        // category              | situation                | issued     | kind          | reason / problem                 | percent
        "SUBSISTENCE_ALLOWANCE   | SERVICE_COULD_NOT_VERIFY | 2026-12-01 | WAIVE         | PAPER_PROVISIONAL_WAIVE          | 0",
        "LOW_INCOME_FAMILY       | SERVICE_COULD_NOT_VERIFY | 2026-12-01 | REDUCE        | PAPER_PROVISIONAL_REDUCE         | 50",
        "EXPENDITURE_POVERTY     | SERVICE_COULD_NOT_VERIFY | 2026-12-01 | CHARGE        | PAPER_CATEGORY_NOT_PROVISIONAL   | 100",
        "EXTREME_POVERTY_SUPPORT | SERVICE_COULD_NOT_VERIFY | 2026-12-01 | CHARGE        | PAPER_CATEGORY_NOT_PROVISIONAL   | 100",
        "NO_SUCH_CATEGORY        | SERVICE_COULD_NOT_VERIFY | 2026-12-01 | CHARGE        | PAPER_CATEGORY_NOT_PROVISIONAL   | 100",
        "SUBSISTENCE_ALLOWANCE   | SERVICE_SAID_NO          | 2026-12-01 | CHARGE        | PAPER_REFUND_AFTER_REVIEW        | 100",
        "LOW_INCOME_FAMILY       | SERVICE_SAID_NO          | 2026-12-01 | CHARGE        | PAPER_REFUND_AFTER_REVIEW        | 100",
        // the age: 90 days old is accepted, 91 is not
        "SUBSISTENCE_ALLOWANCE   | SERVICE_COULD_NOT_VERIFY | 2026-09-07 | WAIVE         | PAPER_PROVISIONAL_WAIVE          | 0",
        "SUBSISTENCE_ALLOWANCE   | SERVICE_COULD_NOT_VERIFY | 2026-09-06 | CHARGE        | PAPER_TOO_OLD                    | 100",
        "SUBSISTENCE_ALLOWANCE   | SERVICE_SAID_NO          | 2026-09-06 | CHARGE        | PAPER_TOO_OLD                    | 100",
        // issued today is fine, tomorrow is a typing error
        "SUBSISTENCE_ALLOWANCE   | SERVICE_COULD_NOT_VERIFY | 2026-12-06 | WAIVE         | PAPER_PROVISIONAL_WAIVE          | 0",
        "SUBSISTENCE_ALLOWANCE   | SERVICE_COULD_NOT_VERIFY | 2026-12-07 | INVALID_INPUT | PAPER_ISSUED_IN_FUTURE           | ",
    })
    void decides(String category, PaperPolicy.Situation situation, LocalDate issued, DecisionKind kind,
                 String reasonOrProblem, Integer percent) {
        Decision decision = POLICY.decide(new PaperCertificate("SQ-2026-0042", "潍坊新村街道社区事务受理服务中心", issued,
                category), situation, TODAY);
        assertThat(decision.kind()).isEqualTo(kind);
        assertThat(decision.depositPercent()).isEqualTo(percent);
        if (kind == DecisionKind.INVALID_INPUT) {
            assertThat(decision.inputProblem()).hasToString(reasonOrProblem);
        } else {
            assertThat(decision.reason()).hasToString(reasonOrProblem);
        }
    }

    @ParameterizedTest
    @CsvSource({"SERVICE_COULD_NOT_VERIFY", "SERVICE_SAID_NO"})
    void aPolicyThatDoesNotAcceptPaperChargesWhateverTheCertificate(PaperPolicy.Situation situation) {
        Decision decision = new PaperPolicy(false, 90, Map.of("SUBSISTENCE_ALLOWANCE", 0)).decide(
                new PaperCertificate("SQ-1", "centre", TODAY, "SUBSISTENCE_ALLOWANCE"), situation, TODAY);
        assertThat(decision.kind()).isEqualTo(DecisionKind.CHARGE);
        assertThat(decision.reason()).isEqualTo(DecisionReason.PAPER_NOT_ACCEPTED);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "CANNOT_VERIFY | SERVICE_FAILED            | SERVICE_COULD_NOT_VERIFY",
        "CHARGE        | NO_RECORD                 | SERVICE_SAID_NO",
        "CHARGE        | ELIGIBILITY_EXPIRED       | SERVICE_SAID_NO",
        "CHARGE        | ECERT_EXPIRED             | SERVICE_SAID_NO",
        "CHARGE        | NAME_MISMATCH             | ",
        "CHARGE        | CATEGORY_NOT_IN_POLICY    | ",
        "CHARGE        | ECERT_NOT_GENUINE         | ",
        "CHARGE        | ECERT_REVOKED             | ",
        "CHARGE        | ECERT_NOT_THIS_PATIENT    | ",
        "CHARGE        | NO_REDUCTION_FOR_CATEGORY | ",
        "WAIVE         | WAIVED_BY_CATEGORY        | ",
        "REDUCE        | REDUCED_BY_CATEGORY       | ",
        "INVALID_INPUT | INVALID_INPUT             | ",
    })
    void paperFollowsOnlyCouldNotVerifyNoRecordOrExpired(DecisionKind kind, DecisionReason reason,
                                                         PaperPolicy.Situation expected) {
        Decision earlier = switch (kind) {
            case CANNOT_VERIFY -> Decision.cannotVerify(ServiceFailure.TIMEOUT, FollowUp.RETRY_OR_PAPER_CERTIFICATE);
            case INVALID_INPUT -> Decision.invalidInput(InputProblem.ID_EMPTY);
            case WAIVE -> new Decision(kind, 0, reason, FollowUp.ADMIT_WITHOUT_DEPOSIT, List.of("X"), "X", null, null);
            case REDUCE -> new Decision(kind, 50, reason, FollowUp.COLLECT_REDUCED_DEPOSIT, List.of("X"), "X", null,
                    null);
            default -> Decision.charge(reason, FollowUp.COLLECT_DEPOSIT, List.of());
        };
        assertThat(PaperPolicy.situationAfter(earlier)).isEqualTo(java.util.Optional.ofNullable(expected));
    }
}
