package com.waiverdesk.ui.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.app.CheckResult;
import com.waiverdesk.domain.AssistanceGrant;
import com.waiverdesk.domain.Decision;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.DecisionReason;
import com.waiverdesk.domain.FollowUp;
import com.waiverdesk.domain.MatchResult;
import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.domain.VerificationAnswer;
import com.waiverdesk.domain.VerificationOutcome;
import com.waiverdesk.testing.FakeVerificationClient;
import com.waiverdesk.testing.TestDesks;
import com.waiverdesk.ui.common.Texts;
import com.waiverdesk.verification.VerificationRequest;
import com.waiverdesk.domain.PersonName;
import com.waiverdesk.domain.ResidentId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultTextTest {
    private final Texts zh = new Texts(Locale.SIMPLIFIED_CHINESE);
    private final Texts en = new Texts(Locale.ENGLISH);

    private static CheckResult reduce(BigDecimal standard) throws Exception {
        VerificationOutcome outcome = FakeVerificationClient.match("LOW_INCOME_FAMILY").apply(new VerificationRequest(
                "6f1c0a8e-3d4b-4a8e-9d55-0a7f4c1b2e90", PersonName.parse("张美玲"),
                ResidentId.parse(TestDesks.WAIVE_ID, LocalDate.of(2026, 11, 28)), "w03", ""));
        Decision decision = TestDesks.policy().decide(outcome);
        return new CheckResult(decision, "110105********002X", outcome, standard, 7, Instant.EPOCH);
    }

    @Test
    void amountLineShowsWhatToCollectOfTheStandardDeposit() throws Exception {
        ResultText text = new ResultText(zh, code -> Optional.empty());
        assertThat(text.amount(reduce(new BigDecimal("5000")))).contains("应收 ¥2,500（标准押金 ¥5,000）");
        assertThat(new ResultText(en, code -> Optional.empty()).amount(reduce(new BigDecimal("5000"))))
                .contains("Collect ¥2,500 (standard deposit ¥5,000)");
    }

    @Test
    void withoutAStandardDepositTheHeadlineCarriesThePercent() throws Exception {
        ResultText text = new ResultText(zh, code -> Optional.empty());
        CheckResult result = reduce(null);
        assertThat(text.amount(result)).isEmpty();
        assertThat(text.headline(result.decision())).contains("50%");
    }

    @Test
    void categoriesAreShownInWordsAndUnknownOnesByCode() {
        ResultText text = new ResultText(zh, code -> code.equals("HOSPITAL_OWN") ? Optional.of("本院自定类别") : Optional.empty());
        Decision decision = new Decision(DecisionKind.CHARGE, 100, DecisionReason.CATEGORY_NOT_IN_POLICY,
                FollowUp.COLLECT_DEPOSIT, List.of("SUBSISTENCE_ALLOWANCE", "HOSPITAL_OWN", "TEMPORARY_HARDSHIP"),
                null, null, null);
        assertThat(text.categories(decision)).contains(
                "救助类别：最低生活保障（低保）、本院自定类别、未知类别（TEMPORARY_HARDSHIP）");
    }

    @Test
    void detailsShowTheMaskedIdTheServiceTimeAndTheAuditEntry() throws Exception {
        List<String> lines = new ResultText(zh, code -> Optional.empty()).details(reduce(null));
        assertThat(lines).containsExactly("身份证：110105********002X", "审计记录：第 7 条",
                "平台核验时间：2026-11-28 10:15:30", "查询编号：6f1c0a8e-3d4b-4a8e-9d55-0a7f4c1b2e90");
        assertThat(String.join("", lines)).doesNotContain(TestDesks.WAIVE_ID);
    }

    @Test
    void aFailureSaysWhatWentWrongAndWhatToDo() {
        ResultText text = new ResultText(en, code -> Optional.empty());
        Decision decision = Decision.cannotVerify(ServiceFailure.CLOCK_SKEW, FollowUp.FIX_CLOCK_CALL_IT);
        assertThat(text.headline(decision)).isEqualTo("Could not verify");
        assertThat(text.reason(decision)).contains("clock");
        assertThat(text.followUp(decision)).contains("call hospital IT");
    }
    private static CheckResult answered(Decision decision, VerificationOutcome outcome, BigDecimal standard) {
        return new CheckResult(decision, "110105********002X", outcome, standard, 9, Instant.EPOCH);
    }

    private static VerificationOutcome grants(String checkedAt, AssistanceGrant... grants) {
        return VerificationOutcome.answered(new VerificationAnswer("q-1", MatchResult.MATCH, List.of(grants),
                OffsetDateTime.parse(checkedAt)), 1, 3);
    }

    @Test
    void anExpiredGrantSaysTheDayItEnded() {
        VerificationOutcome outcome = grants("2026-11-28T10:15:30+08:00",
                new AssistanceGrant("SUBSISTENCE_ALLOWANCE", LocalDate.of(2020, 1, 1), LocalDate.of(2024, 12, 31)),
                new AssistanceGrant("LOW_INCOME_FAMILY", LocalDate.of(2019, 1, 1), LocalDate.of(2023, 6, 30)));
        CheckResult result = answered(TestDesks.policy().decide(outcome), outcome, null);
        assertThat(new ResultText(zh, code -> Optional.empty()).reason(result))
                .isEqualTo("该患者的救助资格已于 2024-12-31 到期。");
        assertThat(new ResultText(en, code -> Optional.empty()).reason(result))
                .isEqualTo("The patient's assistance ended on 2024-12-31.");
    }

    @Test
    void theEndDayIsJudgedOnShanghaisCalendar() {
        // 18:00 at -10:00 is already the next day in Shanghai: a grant ending on the 27th has ended
        VerificationOutcome outcome = grants("2026-11-27T18:00:00-10:00",
                new AssistanceGrant("SUBSISTENCE_ALLOWANCE", LocalDate.of(2020, 1, 1), LocalDate.of(2026, 11, 27)));
        Decision expired = new Decision(DecisionKind.CHARGE, 100, DecisionReason.ELIGIBILITY_EXPIRED,
                FollowUp.COLLECT_DEPOSIT, List.of("SUBSISTENCE_ALLOWANCE"), null, null, null);
        assertThat(new ResultText(en, code -> Optional.empty()).reason(answered(expired, outcome, null)))
                .isEqualTo("The patient's assistance ended on 2026-11-27.");
    }

    @Test
    void aGrantNotYetBegunSaysTheDayItStarts() {
        VerificationOutcome outcome = grants("2026-11-28T10:15:30+08:00",
                new AssistanceGrant("SUBSISTENCE_ALLOWANCE", LocalDate.of(2027, 1, 1), null));
        CheckResult result = answered(TestDesks.policy().decide(outcome), outcome, null);
        assertThat(new ResultText(en, code -> Optional.empty()).reason(result)).isEqualTo("The patient's assistance starts only on 2027-01-01.");
    }

    @Test
    void aConvertedFifteenDigitIdIsSaidSoAndStaysMasked() throws Exception {
        List<String> lines = new ResultText(en, code -> Optional.empty()).details(reduce(null), true);
        assertThat(lines.get(0)).isEqualTo("ID: 110105********002X (converted from the old 15-digit number)");
        assertThat(new ResultText(zh, code -> Optional.empty()).details(reduce(null), false).get(0))
                .isEqualTo("身份证：110105********002X");
    }

    @Test
    void couldNotVerifyShowsTheStandardDepositToCollectMeanwhile() {
        Decision failed = Decision.cannotVerify(ServiceFailure.TIMEOUT, FollowUp.RETRY_OR_PAPER_CERTIFICATE);
        VerificationOutcome outcome = VerificationOutcome.failed("q-2", ServiceFailure.TIMEOUT, null, 1, 3);
        assertThat(new ResultText(zh, code -> Optional.empty()).amount(answered(failed, outcome, new BigDecimal("5000"))))
                .contains("如收押金：标准押金 ¥5,000");
        assertThat(new ResultText(en, code -> Optional.empty()).amount(answered(failed, outcome, null))).isEmpty();
        Decision invalid = Decision.invalidInput(com.waiverdesk.domain.InputProblem.ID_WRONG_CHECK_DIGIT);
        assertThat(new ResultText(en, code -> Optional.empty()).amount(answered(invalid, null, new BigDecimal("5000"))))
                .isEmpty();
    }

    @Test
    void anAcceptedEcertificateDoesNotSayTheServiceConfirmedIt() {
        Decision waive = new Decision(DecisionKind.WAIVE, 0, DecisionReason.WAIVED_BY_CATEGORY,
                FollowUp.ADMIT_WITHOUT_DEPOSIT, List.of("SUBSISTENCE_ALLOWANCE"), "SUBSISTENCE_ALLOWANCE", null, null);
        for (com.waiverdesk.domain.Channel channel : List.of(com.waiverdesk.domain.Channel.ECERT_ONLINE,
                com.waiverdesk.domain.Channel.ECERT_OFFLINE)) {
            CheckResult result = new CheckResult(waive, "110105********002X", null, null, 3, Instant.EPOCH, channel,
                    null);
            assertThat(new ResultText(zh, code -> Optional.empty()).reason(result)).contains("电子证明")
                    .doesNotContain("平台确认");
            assertThat(new ResultText(en, code -> Optional.empty()).reason(result)).contains("e-certificate")
                    .doesNotContain("service confirms");
        }
    }
}
