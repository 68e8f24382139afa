package com.waiverdesk.app;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditLog;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.CheckSource;
import com.waiverdesk.audit.IdHasher;
import com.waiverdesk.audit.ProofDetail;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.EcertFinding;
import com.waiverdesk.domain.InputProblem;
import com.waiverdesk.domain.PaperCertificate;
import com.waiverdesk.domain.PaperPolicy;
import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.domain.ShanghaiCalendar;
import com.waiverdesk.domain.Decision;
import com.waiverdesk.domain.DepositPolicy;
import com.waiverdesk.domain.InvalidInputException;
import com.waiverdesk.domain.PersonName;
import com.waiverdesk.domain.ResidentId;
import com.waiverdesk.domain.Unprintable;
import com.waiverdesk.domain.VerificationOutcome;
import com.waiverdesk.verification.VerificationClient;
import com.waiverdesk.verification.ecert.EcertText;
import com.waiverdesk.verification.VerificationRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one admission check both faces run: validate, ask the service, apply the policy, commit the audit entry.
 * A result exists only once its audit entry is committed.
 */
public final class CheckService {
    private static final System.Logger LOG = System.getLogger(CheckService.class.getName());
    private static final int MAX_STORED_NAME = 128;
    private static final int MAX_PAPER_FIELD = 64;

    private final VerificationClient client;
    private final DepositPolicy policy;
    private final AuditLog audit;
    private final IdHasher idHasher;
    private final Clock clock;
    private final String workstation;
    private final BigDecimal standardDeposit;
    private final Supplier<String> requestIds;
    private final CheckSource source;
    private final EcertJudge ecert;

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
        this.ecert = null;
    }

    private CheckService(CheckService base, EcertJudge ecert) {
        this.client = base.client;
        this.policy = base.policy;
        this.audit = base.audit;
        this.idHasher = base.idHasher;
        this.clock = base.clock;
        this.workstation = base.workstation;
        this.standardDeposit = base.standardDeposit;
        this.requestIds = base.requestIds;
        this.source = base.source;
        this.ecert = ecert;
    }

    /** This service, checking e-certificates with {@code judge}; without one an e-certificate cannot be verified. */
    public CheckService withEcert(EcertJudge judge) {
        return new CheckService(this, Objects.requireNonNull(judge, "judge"));
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
            return commit(request.operatorId(), decision, maskedId, normalizedId, storedName(request.rawName()),
                    Said.NOTHING, ProofDetail.liveQuery(), null, start);
        }
        VerificationOutcome outcome = client.verify(
                new VerificationRequest(requestIds.get(), name, id, request.operatorId(), request.businessRef()));
        Decision decision = policy.decide(outcome);
        return commit(request.operatorId(), decision, id.masked(), id.value(), name.value(), Said.of(outcome),
                ProofDetail.liveQuery(), null, start);
    }


    /**
     * Checks an e-certificate (e-certificate.md): rules 1–4 by the {@link EcertJudge}, rule 5 by the policy, then
     * commits the audit entry. A text that is not an e-certificate, or a wrong name or ID, is invalid input and
     * nothing is sent. Blocking: crypto, network, disk.
     *
     * @throws AuditWriteException if the audit entry could not be committed; then no decision may be shown
     */
    public CheckResult checkEcert(EcertCheckRequest request) throws AuditWriteException {
        long start = System.nanoTime();
        String text = request.text().strip();
        Patient patient;
        try {
            if (!EcertText.isCertificateText(text)) {
                throw new InvalidInputException(InputProblem.ECERT_NOT_A_CERTIFICATE);
            }
            patient = Patient.parse(request.rawName(), request.rawId(), LocalDate.now(clock));
        } catch (InvalidInputException e) {
            ProofDetail proof = ProofDetail.ecert(Channel.ECERT_OFFLINE, null, null, null, null,
                    request.holderFromCertificate());
            return commit(request.operatorId(), Decision.invalidInput(e.problem()), ResidentId.mask(request.rawId()),
                    ResidentId.normalize(request.rawId()), storedName(request.rawName()), Said.NOTHING, proof, null,
                    start);
        }
        EcertJudgement judgement = ecert == null ? untrusted() : ecert.judge(text, patient.name, patient.id.value());
        EcertFinding finding = judgement.finding();
        Decision decision = policy.decideEcert(finding);
        ProofDetail proof = ProofDetail.ecert(finding.channel(), finding.certId(), finding.kid(),
                finding.trustListAgeSeconds(), finding.revocationListAgeSeconds(), request.holderFromCertificate());
        return commit(request.operatorId(), decision, patient.id.masked(), patient.id.value(), patient.name,
                new Said(judgement.checkedAt(), null, judgement.requestId(), null, null), proof, finding, start);
    }

    /** No judge was wired (no root key to trust lists with): nothing can be checked. */
    private EcertJudgement untrusted() {
        LocalDate today = ShanghaiCalendar.dateOf(clock.instant().atOffset(ZoneOffset.UTC));
        return new EcertJudgement(new EcertFinding(Channel.ECERT_OFFLINE, EcertFinding.Verdict.CANNOT_VERIFY, null,
                ServiceFailure.ECERT_LISTS_UNTRUSTED, null, null, null, null, null, null, null, null, today), null,
                null);
    }

    /**
     * Records a paper certificate the clerk has seen, for the patient of {@code earlier}, a check that did not lower
     * the deposit (see {@link PaperPolicy#situationAfter}). The entry follows the earlier one and is pending review.
     * Blocking: disk.
     *
     * @throws IllegalArgumentException if {@code earlier} leaves nothing for paper to do
     * @throws AuditWriteException      if the audit entry could not be committed; then no decision may be shown
     */
    public CheckResult recordPaper(CheckResult earlier, PaperEntry paper, String operatorId)
            throws AuditWriteException {
        long start = System.nanoTime();
        PaperPolicy.Situation situation = PaperPolicy.situationAfter(earlier.decision()).orElseThrow(
                () -> new IllegalArgumentException("paper has nothing to add to " + earlier.decision().reason()));
        String number = storedField(paper.number());
        String centre = storedField(paper.centre());
        String category = storedField(paper.category());
        ProofDetail proof = new ProofDetail(Channel.PAPER, null, null, null, null, number, centre, paper.issued(),
                category, earlier.auditSeq(), false);
        Patient patient;
        try {
            patient = Patient.parse(paper.rawName(), paper.rawId(), LocalDate.now(clock));
            requirePaperFields(paper, number, centre, category);
        } catch (InvalidInputException e) {
            return commit(operatorId, Decision.invalidInput(e.problem()), ResidentId.mask(paper.rawId()),
                    ResidentId.normalize(paper.rawId()), storedName(paper.rawName()), Said.NOTHING, proof, null, start);
        }
        LocalDate today = ShanghaiCalendar.dateOf(clock.instant().atOffset(ZoneOffset.UTC));
        Decision decision = policy.paper().decide(new PaperCertificate(number, centre, paper.issued(), category),
                situation, today);
        return commit(operatorId, decision, patient.id.masked(), patient.id.value(), patient.name, Said.NOTHING, proof,
                null, start);
    }

    private static void requirePaperFields(PaperEntry paper, String number, String centre, String category)
            throws InvalidInputException {
        if (number.isBlank()) {
            throw new InvalidInputException(InputProblem.PAPER_NUMBER_EMPTY);
        }
        if (centre.isBlank()) {
            throw new InvalidInputException(InputProblem.PAPER_CENTRE_EMPTY);
        }
        if (paper.issued() == null) {
            throw new InvalidInputException(InputProblem.PAPER_ISSUED_EMPTY);
        }
        if (category.isBlank()) {
            throw new InvalidInputException(InputProblem.PAPER_CATEGORY_EMPTY);
        }
        if (!paper.originalSeen()) {
            throw new InvalidInputException(InputProblem.PAPER_ORIGINAL_NOT_SEEN);
        }
    }

    /** A name and ID that passed validation. */
    private record Patient(String name, ResidentId id) {
        static Patient parse(String rawName, String rawId, LocalDate today) throws InvalidInputException {
            ResidentId id = ResidentId.parse(rawId, today);
            return new Patient(PersonName.parse(rawName).value(), id);
        }
    }

    /**
     * What the service said about the check, as its entry records it.
     *
     * @param outcome the live query's outcome, which the result carries; {@code null} for the other channels
     */
    private record Said(OffsetDateTime time, String result, String requestId, String errorCode,
                        VerificationOutcome outcome) {
        /** Nothing was asked: invalid input, or a paper certificate. */
        static final Said NOTHING = new Said(null, null, null, null, null);

        static Said of(VerificationOutcome outcome) {
            boolean answered = outcome.isAnswered();
            return new Said(answered ? outcome.answer().checkedAt() : null,
                    answered ? outcome.answer().result().name() : null, outcome.requestId(), outcome.errorCode(),
                    outcome);
        }
    }

    /** Commits the entry of a finished check (any channel); only then does the result exist. */
    private CheckResult commit(String operatorId, Decision decision, String maskedId, String normalizedId,
                               String name, Said said, ProofDetail proof, EcertFinding finding, long startNanos)
            throws AuditWriteException {
        Instant now = clock.instant();
        long latencyMillis = (System.nanoTime() - startNanos) / 1_000_000;
        AuditEntry entry = new AuditEntry(now, said.time(), operatorId, workstation, maskedId,
                idHasher.hash(normalizedId), name, decision.kind(), decision.depositPercent(), reasonCode(decision),
                decision.reportedCategories(), said.result(), said.requestId(), said.errorCode(), latencyMillis, source,
                proof);
        long seq = audit.append(entry);
        LOG.log(System.Logger.Level.INFO, "{0} check {1} -> {2} ({3}), audit #{4}, {5} ms", proof.channel(),
                proof.certId() != null ? proof.certId() : said.requestId() == null ? "-" : said.requestId(),
                decision.kind(), reasonCode(decision), seq, latencyMillis);
        return new CheckResult(decision, maskedId, said.outcome(), standardDeposit, seq, now, proof.channel(),
                finding);
    }


    /** Kept as typed, without characters that could hide or reorder what is read, and cut to a sane length. */
    private static String storedName(String rawName) {
        return truncate(Unprintable.replace(PersonName.normalize(rawName)));
    }

    private static String storedField(String raw) {
        String field = Unprintable.replace(raw.strip());
        return field.codePointCount(0, field.length()) <= MAX_PAPER_FIELD ? field
                : field.substring(0, field.offsetByCodePoints(0, MAX_PAPER_FIELD));
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
