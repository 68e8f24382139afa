package com.waiverdesk.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The hospital's deposit rules: which assistance category earns which share of the standard deposit, since when,
 * on what authority. Turns a verification outcome into a decision; only a MATCH with a valid listed category lowers
 * the deposit.
 */
public final class DepositPolicy {
    private final String id;
    private final LocalDate effectiveFrom;
    private final String source;
    private final Map<String, PolicyRule> rules;
    private final PaperPolicy paper;

    /** A policy without a paper-certificate section: paper certificates are not accepted. */
    public DepositPolicy(String id, LocalDate effectiveFrom, String source, List<PolicyRule> rules) {
        this(id, effectiveFrom, source, rules, PaperPolicy.notAccepted());
    }

    public DepositPolicy(String id, LocalDate effectiveFrom, String source, List<PolicyRule> rules,
                         PaperPolicy paper) {
        this.paper = Objects.requireNonNull(paper, "paper");
        this.id = Objects.requireNonNull(id, "id");
        this.effectiveFrom = Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        this.source = Objects.requireNonNull(source, "source");
        Map<String, PolicyRule> byCategory = new LinkedHashMap<>();
        for (PolicyRule rule : rules) {
            if (byCategory.put(rule.category(), rule) != null) {
                throw new IllegalArgumentException("category listed twice: " + rule.category());
            }
        }
        // keeps the file's order for display; Map.copyOf would not
        this.rules = Collections.unmodifiableMap(byCategory);
    }

    public Decision decide(VerificationOutcome outcome) {
        if (!outcome.isAnswered()) {
            return Decision.cannotVerify(outcome.failure(), followUpFor(outcome.failure(), outcome.errorCode()));
        }
        VerificationAnswer answer = outcome.answer();
        List<String> reported = answer.assistance().stream().map(AssistanceGrant::category).toList();
        switch (answer.result()) {
            case NO_RECORD:
                return Decision.charge(DecisionReason.NO_RECORD, FollowUp.COLLECT_DEPOSIT, reported);
            case NAME_MISMATCH:
                return Decision.charge(DecisionReason.NAME_MISMATCH, FollowUp.CHECK_NAME_AND_RETRY, reported);
            case MATCH:
                return decideMatch(answer, reported);
            default:
                throw new IllegalStateException("unhandled result " + answer.result());
        }
    }

    private Decision decideMatch(VerificationAnswer answer, List<String> reported) {
        LocalDate serviceDay = ShanghaiCalendar.dateOf(answer.checkedAt());
        if (answer.assistance().isEmpty()) {
            return Decision.charge(DecisionReason.NO_CATEGORY_LISTED, FollowUp.COLLECT_DEPOSIT, reported);
        }
        if (serviceDay.isBefore(effectiveFrom)) {
            return Decision.charge(DecisionReason.POLICY_NOT_IN_FORCE, FollowUp.CALL_IT, reported);
        }
        List<AssistanceGrant> valid = new ArrayList<>();
        for (AssistanceGrant grant : answer.assistance()) {
            if (grant.isValidOn(serviceDay)) {
                valid.add(grant);
            }
        }
        if (valid.isEmpty()) {
            return Decision.charge(DecisionReason.ELIGIBILITY_EXPIRED, FollowUp.COLLECT_DEPOSIT, reported);
        }
        Optional<PolicyRule> best = valid.stream()
                .map(grant -> rules.get(grant.category()))
                .filter(Objects::nonNull)
                .min(Comparator.comparingInt(PolicyRule::depositPercent));
        if (best.isEmpty()) {
            return Decision.charge(DecisionReason.CATEGORY_NOT_IN_POLICY, FollowUp.COLLECT_DEPOSIT, reported);
        }
        return byRule(best.get(), reported);
    }

    /**
     * Rule 5 of e-certificate.md: an accepted certificate earns what a live query with the same category earns on
     * the same day; a refused one is a charge with its reason; one that could not be checked is "could not verify".
     */
    public Decision decideEcert(EcertFinding finding) {
        List<String> reported = finding.category() == null ? List.of() : List.of(finding.category());
        switch (finding.verdict()) {
            case CANNOT_VERIFY:
                return Decision.cannotVerify(finding.failure(), followUpFor(finding.failure(), finding.errorCode()));
            case REFUSED:
                return Decision.charge(finding.refusal(), finding.refusal() == DecisionReason.ECERT_NOT_THIS_PATIENT
                        ? FollowUp.CHECK_HOLDER_WITH_ID_CARD : FollowUp.COLLECT_DEPOSIT, reported);
            case ACCEPTED:
                return decideCategory(finding.category(), finding.today(), reported);
            default:
                throw new IllegalStateException("unhandled verdict " + finding.verdict());
        }
    }

    /** What a valid, current grant of {@code category} earns on {@code day} under this policy. */
    private Decision decideCategory(String category, LocalDate day, List<String> reported) {
        if (day.isBefore(effectiveFrom)) {
            return Decision.charge(DecisionReason.POLICY_NOT_IN_FORCE, FollowUp.CALL_IT, reported);
        }
        PolicyRule rule = rules.get(category);
        if (rule == null) {
            return Decision.charge(DecisionReason.CATEGORY_NOT_IN_POLICY, FollowUp.COLLECT_DEPOSIT, reported);
        }
        return byRule(rule, reported);
    }

    private static Decision byRule(PolicyRule rule, List<String> reported) {
        if (rule.depositPercent() == 0) {
            return new Decision(DecisionKind.WAIVE, 0, DecisionReason.WAIVED_BY_CATEGORY,
                    FollowUp.ADMIT_WITHOUT_DEPOSIT, reported, rule.category(), null, null);
        }
        if (rule.depositPercent() < 100) {
            return new Decision(DecisionKind.REDUCE, rule.depositPercent(), DecisionReason.REDUCED_BY_CATEGORY,
                    FollowUp.COLLECT_REDUCED_DEPOSIT, reported, rule.category(), null, null);
        }
        return new Decision(DecisionKind.CHARGE, 100, DecisionReason.NO_REDUCTION_FOR_CATEGORY,
                FollowUp.COLLECT_DEPOSIT, reported, rule.category(), null, null);
    }

    static FollowUp followUpFor(ServiceFailure failure, String errorCode) {
        switch (failure) {
            case CLOCK_SKEW:
                return FollowUp.FIX_CLOCK_CALL_IT;
            case STALE_ANSWER:
                return FollowUp.CHECK_CLOCKS_CALL_IT;
            case AUTHENTICATION_FAILED:
            case FORBIDDEN:
            case ECERT_LISTS_UNTRUSTED:
                return FollowUp.CALL_IT;
            case REQUEST_REJECTED:
                return "INVALID_ID_NUMBER".equals(errorCode) ? FollowUp.CORRECT_INPUT : FollowUp.CALL_IT;
            default:
                return FollowUp.RETRY_OR_PAPER_CERTIFICATE;
        }
    }

    public Optional<PolicyRule> rule(String category) {
        return Optional.ofNullable(rules.get(category));
    }

    public PaperPolicy paper() {
        return paper;
    }

    public String id() {
        return id;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    public String source() {
        return source;
    }

    /** The rules in the order the policy lists them. */
    public List<PolicyRule> rules() {
        return List.copyOf(rules.values());
    }
}
