package com.waiverdesk.app;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditLog;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.CheckSource;
import com.waiverdesk.audit.IdHasher;
import com.waiverdesk.domain.Decision;
import com.waiverdesk.domain.DepositPolicy;
import com.waiverdesk.domain.InvalidInputException;
import com.waiverdesk.domain.PersonName;
import com.waiverdesk.domain.ResidentId;
import com.waiverdesk.domain.Unprintable;
import com.waiverdesk.domain.VerificationOutcome;
import com.waiverdesk.verification.VerificationClient;
import com.waiverdesk.verification.VerificationRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one admission check both faces run: validate, ask the service, apply the policy, commit the audit entry.
 * A result exists only once its audit entry is committed.
 */
public final class CheckService {
    private static final System.Logger LOG = System.getLogger(CheckService.class.getName());
    private static final int MAX_STORED_NAME = 128;

    private final VerificationClient client;
    private final DepositPolicy policy;
    private final AuditLog audit;
    private final IdHasher idHasher;
    private final Clock clock;
    private final String workstation;
    private final BigDecimal standardDeposit;
    private final Supplier<String> requestIds;
    private final CheckSource source;

    public CheckService(VerificationClient client, DepositPolicy policy, AuditLog audit, IdHasher idHasher,
                        Clock clock, String workstation, BigDecimal standardDeposit) {
        this(client, policy, audit, idHasher, clock, workstation, standardDeposit, (CheckSource) null);
    }

    /** As above; each audit entry records {@code source}: the policy, service and program the checks run with. */
    public CheckService(VerificationClient client, DepositPolicy policy, AuditLog audit, IdHasher idHasher,
                        Clock clock, String workstation, BigDecimal standardDeposit, CheckSource source) {
        this(client, policy, audit, idHasher, clock, workstation, standardDeposit, () -> UUID.randomUUID().toString(),
                source);
    }

    CheckService(VerificationClient client, DepositPolicy policy, AuditLog audit, IdHasher idHasher, Clock clock,
                 String workstation, BigDecimal standardDeposit, Supplier<String> requestIds) {
        this(client, policy, audit, idHasher, clock, workstation, standardDeposit, requestIds, null);
    }

    CheckService(VerificationClient client, DepositPolicy policy, AuditLog audit, IdHasher idHasher, Clock clock,
                 String workstation, BigDecimal standardDeposit, Supplier<String> requestIds, CheckSource source) {
        this.client = client;
        this.policy = policy;
        this.audit = audit;
        this.idHasher = idHasher;
        this.clock = clock;
        this.workstation = workstation;
        this.standardDeposit = standardDeposit;
        this.requestIds = requestIds;
        this.source = source;
    }

    /**
     * Runs one check. Blocking: network and disk.
     *
     * @throws AuditWriteException if the audit entry could not be committed; then no decision may be shown
     */
    public CheckResult check(CheckRequest request) throws AuditWriteException {
        long start = System.nanoTime();
        String normalizedId = ResidentId.normalize(request.rawId());
        String maskedId = ResidentId.mask(request.rawId());
        PersonName name;
        ResidentId id;
        try {
            id = ResidentId.parse(request.rawId(), LocalDate.now(clock));
            name = PersonName.parse(request.rawName());
        } catch (InvalidInputException e) {
            Decision decision = Decision.invalidInput(e.problem());
            // kept for the supervisor as typed, but never with a character that could hide or reorder what is read
            String storedName = truncate(Unprintable.replace(PersonName.normalize(request.rawName())));
            return record(request, decision, maskedId, normalizedId, storedName, null, start);
        }
        VerificationOutcome outcome = client.verify(
                new VerificationRequest(requestIds.get(), name, id, request.operatorId(), request.businessRef()));
        Decision decision = policy.decide(outcome);
        return record(request, decision, id.masked(), id.value(), name.value(), outcome, start);
    }

    private CheckResult record(CheckRequest request, Decision decision, String maskedId, String normalizedId,
                               String name, VerificationOutcome outcome, long startNanos) throws AuditWriteException {
        Instant now = clock.instant();
        long latencyMillis = (System.nanoTime() - startNanos) / 1_000_000;
        AuditEntry entry = new AuditEntry(now,
                outcome != null && outcome.isAnswered() ? outcome.answer().checkedAt() : null,
                request.operatorId(), workstation, maskedId, idHasher.hash(normalizedId), name,
                decision.kind(), decision.depositPercent(), reasonCode(decision), decision.reportedCategories(),
                outcome != null && outcome.isAnswered() ? outcome.answer().result().name() : null,
                outcome == null ? null : outcome.requestId(),
                outcome == null ? null : outcome.errorCode(),
                latencyMillis, source);
        long seq = audit.append(entry);
        LOG.log(System.Logger.Level.INFO, "check {0} -> {1} ({2}), audit #{3}, {4} ms",
                outcome == null ? "-" : outcome.requestId(), decision.kind(), reasonCode(decision), seq, latencyMillis);
        return new CheckResult(decision, maskedId, outcome, standardDeposit, seq, now);
    }

    /**
     * Records that the decision of a finished check was never shown: the clerk pressed Esc or typed on while it ran,
     * and a decision appearing afterwards would read as the next patient's. Blocking: disk.
     */
    public void recordNotShown(CheckResult result, String operatorId) throws AuditWriteException {
        long mark = audit.markNotShown(result.auditSeq(), clock.instant(), operatorId, workstation);
        LOG.log(System.Logger.Level.INFO, "audit #{0}: decision not shown, abandoned at the desk (mark #{1})",
                result.auditSeq(), mark);
    }

    /** The reason as recorded: the decision reason and, where there is one, the input problem or failure. */
    public static String reasonCode(Decision decision) {
        if (decision.inputProblem() != null) {
            return decision.reason() + ":" + decision.inputProblem();
        }
        if (decision.failure() != null) {
            return decision.reason() + ":" + decision.failure();
        }
        return decision.reason().name();
    }

    /** Cut to {@link #MAX_STORED_NAME} code points, never inside a surrogate pair. */
    static String truncate(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_STORED_NAME) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, MAX_STORED_NAME));
    }

}
