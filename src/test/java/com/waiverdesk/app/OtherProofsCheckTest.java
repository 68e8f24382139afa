package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.IdHasher;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.DecisionReason;
import com.waiverdesk.domain.DepositPolicy;
import com.waiverdesk.domain.EcertFinding;
import com.waiverdesk.domain.EcertFinding.Verdict;
import com.waiverdesk.domain.PaperPolicy;
import com.waiverdesk.domain.PolicyRule;
import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.testing.FakeVerificationClient;
import com.waiverdesk.testing.MemoryAuditLog;
import com.waiverdesk.testing.TestDesks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The e-certificate and paper channels through the one check service: what the judge finds is decided by the
 * policy and recorded with its channel before the result exists; nothing but an accepted, policy-listed certificate
 * or a provisional paper grant lowers the deposit.
 */
class OtherProofsCheckTest {
    private static final String TEXT = "SHEC1.DEMO-2026A.eyJ2IjoxfQ.c2ln";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private final FakeVerificationClient client = new FakeVerificationClient();
    private final MemoryAuditLog audit = new MemoryAuditLog();
    private final List<String> judged = new ArrayList<>();
    private EcertJudgement next;
    private final EcertJudge judge = new EcertJudge() {
        @Override
        public EcertJudgement judge(String text, String name, String id) {
            judged.add(name + "/" + id);
            return next;
        }

        @Override
        public Optional<EcertHolder> peek(String text) {
            return Optional.empty();
        }
    };
    private final DepositPolicy policy = new DepositPolicy("TEST-2018", LocalDate.of(2018, 1, 1), "test", List.of(
            new PolicyRule("SUBSISTENCE_ALLOWANCE", 0, Map.of()),
            new PolicyRule("LOW_INCOME_FAMILY", 50, Map.of()),
            new PolicyRule("EXPENDITURE_POVERTY", 100, Map.of())),
            new PaperPolicy(true, 90, Map.of("SUBSISTENCE_ALLOWANCE", 0, "LOW_INCOME_FAMILY", 50)));
    private final CheckService service = new CheckService(client, policy, audit, new IdHasher(new byte[32]),
            TestDesks.CLOCK, "ADM-W03", new BigDecimal("5000")).withEcert(judge);

    private static EcertFinding accepted(Channel channel, String category) {
        return new EcertFinding(channel, Verdict.ACCEPTED, null, null, null, "SHMZ-2026-0001234", "DEMO-2026A",
                category, TODAY.minusDays(30), TODAY.plusDays(60), 3600L, 1800L, TODAY);
    }

    private CheckResult checkEcert(String text, EcertFinding finding) throws Exception {
        next = new EcertJudgement(finding, "req-1", OffsetDateTime.parse("2026-11-28T10:15:31+08:00"));
        return service.checkEcert(new EcertCheckRequest(text, " 王秀英 ", TestDesks.WAIVE_ID.toLowerCase(), "w03-li",
                "ADM-1", false));
    }

    @ParameterizedTest(name = "{0} {1}: {2} {3} %")
    @CsvSource({
        "ECERT_ONLINE,  SUBSISTENCE_ALLOWANCE, WAIVE,  0",
        "ECERT_OFFLINE, SUBSISTENCE_ALLOWANCE, WAIVE,  0",
        "ECERT_ONLINE,  LOW_INCOME_FAMILY,     REDUCE, 50",
        "ECERT_ONLINE,  EXPENDITURE_POVERTY,   CHARGE, 100",
        "ECERT_OFFLINE, UNKNOWN_CATEGORY,      CHARGE, 100",
    })
    void anAcceptedCertificateEarnsWhatItsCategoryEarns(Channel channel, String category, DecisionKind kind,
                                                        int percent) throws Exception {
        CheckResult result = checkEcert(TEXT, accepted(channel, category));
        assertThat(result.decision().kind()).isEqualTo(kind);
        assertThat(result.decision().depositPercent()).isEqualTo(percent);
        assertThat(result.channel()).isEqualTo(channel);
        assertThat(judged).containsExactly("王秀英/" + TestDesks.WAIVE_ID);
        AuditEntry entry = audit.entries.get(0);
        assertThat(entry.channel()).isEqualTo(channel);
        assertThat(entry.proof().certId()).isEqualTo("SHMZ-2026-0001234");
        assertThat(entry.proof().kid()).isEqualTo("DEMO-2026A");
        assertThat(entry.proof().trustListAgeSeconds()).isEqualTo(3600L);
        assertThat(entry.proof().revocationListAgeSeconds()).isEqualTo(1800L);
        assertThat(entry.requestId()).isEqualTo("req-1");
        assertThat(entry.toString()).doesNotContain(TEXT).doesNotContain(TestDesks.WAIVE_ID);
        assertThat(client.requests).as("no live query for an e-certificate").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = DecisionReason.class, names = "ECERT_.*", mode = EnumSource.Mode.MATCH_ANY)
    void everyRefusalIsAChargeWithItsReason(DecisionReason refusal) throws Exception {
        CheckResult result = checkEcert(TEXT, new EcertFinding(Channel.ECERT_ONLINE, Verdict.REFUSED, refusal, null,
                null, "SHMZ-2026-0001234", "DEMO-2026A", "SUBSISTENCE_ALLOWANCE", null, null, 60L, 60L, TODAY));
        assertThat(result.decision().kind()).isEqualTo(DecisionKind.CHARGE);
        assertThat(result.decision().reason()).isEqualTo(refusal);
        assertThat(audit.entries.get(0).reason()).isEqualTo(refusal.name());
    }

    @ParameterizedTest
    @EnumSource(ServiceFailure.class)
    void everyFailureIsCouldNotVerify(ServiceFailure failure) throws Exception {
        CheckResult result = checkEcert(TEXT, new EcertFinding(Channel.ECERT_OFFLINE, Verdict.CANNOT_VERIFY, null,
                failure, null, "SHMZ-2026-0001234", "DEMO-2026A", "SUBSISTENCE_ALLOWANCE", null, null, null, null,
                TODAY));
        assertThat(result.decision().kind()).isEqualTo(DecisionKind.CANNOT_VERIFY);
        assertThat(audit.entries.get(0).reason()).isEqualTo("SERVICE_FAILED:" + failure);
    }

    @ParameterizedTest
    @CsvSource({"'王秀英'", "'SHEC2.DEMO-2026A.eyJ2IjoxfQ.c2ln'", "'shec1.DEMO-2026A.eyJ2IjoxfQ.c2ln'", "''",
            "'110105194912310021'"})
    void aTextThatIsNotAnEcertificateIsInvalidInputAndNothingIsJudged(String text) throws Exception {
        CheckResult result = checkEcert(text, accepted(Channel.ECERT_ONLINE, "SUBSISTENCE_ALLOWANCE"));
        assertThat(result.decision().kind()).isEqualTo(DecisionKind.INVALID_INPUT);
        assertThat(result.decision().inputProblem()).hasToString("ECERT_NOT_A_CERTIFICATE");
        assertThat(judged).isEmpty();
        assertThat(audit.entries).singleElement().satisfies(e -> assertThat(e.reason())
                .isEqualTo("INVALID_INPUT:ECERT_NOT_A_CERTIFICATE"));
    }

    @Test
    void aWrongIdIsInvalidInputAndTheCertificateIsNotJudged() throws Exception {
        next = new EcertJudgement(accepted(Channel.ECERT_ONLINE, "SUBSISTENCE_ALLOWANCE"), null, null);
        CheckResult result = service.checkEcert(new EcertCheckRequest(TEXT, "王秀英", "110105194912310021", "w03-li",
                "", false));
        assertThat(result.decision().inputProblem()).hasToString("ID_WRONG_CHECK_DIGIT");
        assertThat(judged).isEmpty();
    }

    @Test
    void withoutAJudgeNoCertificateCanBeVerified() throws Exception {
        CheckService bare = new CheckService(client, policy, audit, new IdHasher(new byte[32]), TestDesks.CLOCK,
                "ADM-W03", null);
        CheckResult result = bare.checkEcert(new EcertCheckRequest(TEXT, "王秀英", TestDesks.WAIVE_ID, "w03-li", "",
                false));
        assertThat(result.decision().kind()).isEqualTo(DecisionKind.CANNOT_VERIFY);
        assertThat(result.decision().failure()).isEqualTo(ServiceFailure.ECERT_LISTS_UNTRUSTED);
    }

    @Test
    void theClerksConfirmationOfTheHolderIsRecorded() throws Exception {
        next = new EcertJudgement(accepted(Channel.ECERT_OFFLINE, "SUBSISTENCE_ALLOWANCE"), null, null);
        service.checkEcert(new EcertCheckRequest(TEXT, "王秀英", TestDesks.WAIVE_ID, "w03-li", "", true));
        assertThat(audit.entries.get(0).proof().holderFromCertificate()).isTrue();
    }

    // --- paper

    private CheckResult liveCheck(java.util.function.Function<com.waiverdesk.verification.VerificationRequest, com.waiverdesk.domain.VerificationOutcome> behaviour) throws Exception {
        client.answering(behaviour);
        return service.check(new CheckRequest("王秀英", TestDesks.WAIVE_ID, "w03-li", "ADM-1"));
    }

    private static PaperEntry paper(String category, LocalDate issued, boolean seen) {
        return new PaperEntry("王秀英", TestDesks.WAIVE_ID, " SQ-2026-0042 ", "潍坊新村街道社区事务受理服务中心", issued,
                category, seen, "ADM-1");
    }

    @Test
    void paperWhileTheServiceCouldNotVerifyWaivesProvisionallyAndFollowsTheCheck() throws Exception {
        CheckResult earlier = liveCheck(FakeVerificationClient.failure(ServiceFailure.TIMEOUT, null));
        CheckResult result = service.recordPaper(earlier, paper("SUBSISTENCE_ALLOWANCE", TODAY.minusDays(3), true),
                "w03-li");
        assertThat(result.decision().kind()).isEqualTo(DecisionKind.WAIVE);
        assertThat(result.decision().reason()).isEqualTo(DecisionReason.PAPER_PROVISIONAL_WAIVE);
        assertThat(result.channel()).isEqualTo(Channel.PAPER);
        AuditEntry entry = audit.entries.get(1);
        assertThat(entry.channel()).isEqualTo(Channel.PAPER);
        assertThat(entry.proof().paperNumber()).isEqualTo("SQ-2026-0042");
        assertThat(entry.proof().paperCentre()).isEqualTo("潍坊新村街道社区事务受理服务中心");
        assertThat(entry.proof().paperIssued()).isEqualTo(TODAY.minusDays(3));
        assertThat(entry.proof().paperCategory()).isEqualTo("SUBSISTENCE_ALLOWANCE");
        assertThat(entry.proof().followsSeq()).isEqualTo(earlier.auditSeq());
        assertThat(entry.maskedId()).isEqualTo("110105********002X");
    }

    @Test
    void paperAfterNoRecordIsAChargeRefundedAfterReview() throws Exception {
        CheckResult earlier = liveCheck(FakeVerificationClient.result(com.waiverdesk.domain.MatchResult.NO_RECORD));
        CheckResult result = service.recordPaper(earlier, paper("SUBSISTENCE_ALLOWANCE", TODAY, true), "w03-li");
        assertThat(result.decision().kind()).isEqualTo(DecisionKind.CHARGE);
        assertThat(result.decision().reason()).isEqualTo(DecisionReason.PAPER_REFUND_AFTER_REVIEW);
    }

    @Test
    void paperAfterAWaiverIsRefused() throws Exception {
        CheckResult earlier = liveCheck(FakeVerificationClient.match("SUBSISTENCE_ALLOWANCE"));
        assertThatThrownBy(() -> service.recordPaper(earlier, paper("SUBSISTENCE_ALLOWANCE", TODAY, true), "w03-li"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(audit.entries).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "PAPER_NUMBER_EMPTY      | '  '  | centre | 2026-11-20 | SUBSISTENCE_ALLOWANCE | true",
        "PAPER_CENTRE_EMPTY      | SQ-1  | ''     | 2026-11-20 | SUBSISTENCE_ALLOWANCE | true",
        "PAPER_ISSUED_EMPTY      | SQ-1  | centre |            | SUBSISTENCE_ALLOWANCE | true",
        "PAPER_CATEGORY_EMPTY    | SQ-1  | centre | 2026-11-20 | ''                    | true",
        "PAPER_ORIGINAL_NOT_SEEN | SQ-1  | centre | 2026-11-20 | SUBSISTENCE_ALLOWANCE | false",
        "PAPER_ISSUED_IN_FUTURE  | SQ-1  | centre | 2026-11-29 | SUBSISTENCE_ALLOWANCE | true",
    })
    void anIncompleteFormIsInvalidInputAndIsRecorded(String problem, String number, String centre, LocalDate issued,
                                                     String category, boolean seen) throws Exception {
        CheckResult earlier = liveCheck(FakeVerificationClient.failure(ServiceFailure.UNREACHABLE, null));
        CheckResult result = service.recordPaper(earlier, new PaperEntry("王秀英", TestDesks.WAIVE_ID, number, centre,
                issued, category, seen, ""), "w03-li");
        assertThat(result.decision().kind()).isEqualTo(DecisionKind.INVALID_INPUT);
        assertThat(result.decision().inputProblem()).hasToString(problem);
        assertThat(audit.entries.get(1).channel()).isEqualTo(Channel.PAPER);
    }
}
