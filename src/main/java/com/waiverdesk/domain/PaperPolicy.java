package com.waiverdesk.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The policy file's {@code paperCertificates} section (docs/policy-file.md): whether the hospital accepts paper
 * certificates, how old one may be, and what it grants while the service could not verify. When the service
 * answered that there is no valid assistance, paper never lowers the deposit at the desk: it is a charge, and a
 * supervisor's approval of the entry is what refunds it.
 *
 * @param provisionalPercent share of the deposit to collect, by category, when the service could not verify; a
 *                           category not listed gets nothing provisionally
 */
public record PaperPolicy(boolean accepted, int maxAgeDays, Map<String, Integer> provisionalPercent) {
    public static final int DEFAULT_MAX_AGE_DAYS = 90;

    public PaperPolicy {
        if (maxAgeDays < 0) {
            throw new IllegalArgumentException("negative maximum age: " + maxAgeDays);
        }
        Map<String, Integer> copy = new LinkedHashMap<>();
        provisionalPercent.forEach((category, percent) -> {
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException(category + ": " + percent + " %");
            }
            copy.put(Objects.requireNonNull(category, "category"), percent);
        });
        provisionalPercent = Collections.unmodifiableMap(copy);
    }

    /** A policy without the section: paper certificates are not accepted. */
    public static PaperPolicy notAccepted() {
        return new PaperPolicy(false, DEFAULT_MAX_AGE_DAYS, Map.of());
    }

    /** What the service's outcome leaves for paper to do. */
    public enum Situation {
        /** The service could not verify (any failure): paper may grant provisionally. */
        SERVICE_COULD_NOT_VERIFY,
        /** The service (or the e-certificate) answered no record or expired: charge, refund after review. */
        SERVICE_SAID_NO
    }

    /**
     * The situation a finished check leaves paper in, or empty when paper has nothing to add: the check lowered the
     * deposit, the input was wrong, or the answer was one a paper certificate cannot answer (a name that does not
     * match the ID, a category the policy does not list, a forged or revoked e-certificate).
     */
    public static Optional<Situation> situationAfter(Decision earlier) {
        if (earlier.kind() == DecisionKind.CANNOT_VERIFY) {
            return Optional.of(Situation.SERVICE_COULD_NOT_VERIFY);
        }
        if (earlier.kind() == DecisionKind.CHARGE && (earlier.reason() == DecisionReason.NO_RECORD
                || earlier.reason() == DecisionReason.ELIGIBILITY_EXPIRED
                || earlier.reason() == DecisionReason.ECERT_EXPIRED)) {
            return Optional.of(Situation.SERVICE_SAID_NO);
        }
        return Optional.empty();
    }

    /**
     * The decision for a paper certificate the clerk has seen, after a check that left {@code situation}.
     *
     * @param today the workstation's Shanghai date
     */
    public Decision decide(PaperCertificate paper, Situation situation, LocalDate today) {
        List<String> reported = List.of(paper.category());
        if (!accepted) {
            return Decision.charge(DecisionReason.PAPER_NOT_ACCEPTED, FollowUp.COLLECT_DEPOSIT, reported);
        }
        if (paper.issued().isAfter(today)) {
            return Decision.invalidInput(InputProblem.PAPER_ISSUED_IN_FUTURE);
        }
        if (ChronoUnit.DAYS.between(paper.issued(), today) > maxAgeDays) {
            return Decision.charge(DecisionReason.PAPER_TOO_OLD, FollowUp.COLLECT_DEPOSIT, reported);
        }
        if (situation == Situation.SERVICE_SAID_NO) {
            return Decision.charge(DecisionReason.PAPER_REFUND_AFTER_REVIEW,
                    FollowUp.COLLECT_DEPOSIT_REFUND_AFTER_REVIEW, reported);
        }
        Integer percent = provisionalPercent.get(paper.category());
        if (percent == null || percent == 100) {
            return Decision.charge(DecisionReason.PAPER_CATEGORY_NOT_PROVISIONAL, FollowUp.COLLECT_DEPOSIT, reported);
        }
        if (percent == 0) {
            return new Decision(DecisionKind.WAIVE, 0, DecisionReason.PAPER_PROVISIONAL_WAIVE,
                    FollowUp.ADMIT_PROVISIONALLY_PENDING_REVIEW, reported, paper.category(), null, null);
        }
        return new Decision(DecisionKind.REDUCE, percent, DecisionReason.PAPER_PROVISIONAL_REDUCE,
                FollowUp.ADMIT_PROVISIONALLY_PENDING_REVIEW, reported, paper.category(), null, null);
    }
}
