package com.waiverdesk.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The deposit decision shown to the clerk and written to the audit log.
 *
 * @param depositPercent     share of the standard deposit to collect (0 waive, 100 charge); {@code null} when
 *                           nothing was verified (invalid input, could not verify)
 * @param reportedCategories every category code the service reported, valid or not, known or not
 * @param grantingCategory   the category that set the percent, or {@code null}
 * @param inputProblem       set for INVALID_INPUT
 * @param failure            set for CANNOT_VERIFY
 */
public record Decision(DecisionKind kind, Integer depositPercent, DecisionReason reason, FollowUp followUp,
                       List<String> reportedCategories, String grantingCategory,
                       InputProblem inputProblem, ServiceFailure failure) {
    public Decision {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(followUp, "followUp");
        reportedCategories = List.copyOf(reportedCategories);
        boolean verified = kind == DecisionKind.WAIVE || kind == DecisionKind.REDUCE || kind == DecisionKind.CHARGE;
        if (verified != (depositPercent != null)) {
            throw new IllegalArgumentException("a percent belongs to verified decisions only: " + kind);
        }
        if (kind == DecisionKind.WAIVE && depositPercent != 0
                || kind == DecisionKind.REDUCE && (depositPercent <= 0 || depositPercent >= 100)
                || kind == DecisionKind.CHARGE && depositPercent != 100) {
            throw new IllegalArgumentException(kind + " with " + depositPercent + " %");
        }
        if (kind != kindFor(reason)) {
            throw new IllegalArgumentException(kind + " for reason " + reason);
        }
        // a lowered deposit must name the category that earned it, so no code path can waive by default
        if (kind.lowersDeposit() && grantingCategory == null) {
            throw new IllegalArgumentException(kind + " without a granting category");
        }
        if (kind == DecisionKind.CANNOT_VERIFY && failure == null) {
            throw new IllegalArgumentException("CANNOT_VERIFY needs a failure");
        }
        if (kind == DecisionKind.INVALID_INPUT && inputProblem == null) {
            throw new IllegalArgumentException("INVALID_INPUT needs an input problem");
        }
    }

    private static DecisionKind kindFor(DecisionReason reason) {
        switch (reason) {
            case WAIVED_BY_CATEGORY:
            case PAPER_PROVISIONAL_WAIVE:
                return DecisionKind.WAIVE;
            case REDUCED_BY_CATEGORY:
            case PAPER_PROVISIONAL_REDUCE:
                return DecisionKind.REDUCE;
            case SERVICE_FAILED:
                return DecisionKind.CANNOT_VERIFY;
            case INVALID_INPUT:
                return DecisionKind.INVALID_INPUT;
            default:
                return DecisionKind.CHARGE;
        }
    }

    public static Decision invalidInput(InputProblem problem) {
        return new Decision(DecisionKind.INVALID_INPUT, null, DecisionReason.INVALID_INPUT, FollowUp.CORRECT_INPUT,
                List.of(), null, problem, null);
    }

    public static Decision cannotVerify(ServiceFailure failure, FollowUp followUp) {
        return new Decision(DecisionKind.CANNOT_VERIFY, null, DecisionReason.SERVICE_FAILED, followUp,
                List.of(), null, null, failure);
    }

    static Decision charge(DecisionReason reason, FollowUp followUp, List<String> reported) {
        return new Decision(DecisionKind.CHARGE, 100, reason, followUp, reported, null, null, null);
    }

    /** The amount to collect given the hospital's standard deposit, rounded to the cent; empty when unverified. */
    public Optional<BigDecimal> amountDue(BigDecimal standardDeposit) {
        if (depositPercent == null || standardDeposit == null) {
            return Optional.empty();
        }
        if (standardDeposit.signum() < 0) {
            throw new IllegalArgumentException("negative standard deposit");
        }
        return Optional.of(standardDeposit.multiply(BigDecimal.valueOf(depositPercent))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
    }
}
