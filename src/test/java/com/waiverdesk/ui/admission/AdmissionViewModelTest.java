package com.waiverdesk.ui.admission;

import com.waiverdesk.app.ConfigException;
import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.app.Desk;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.InputProblem;
import com.waiverdesk.domain.MatchResult;
import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.testing.FakeVerificationClient;
import com.waiverdesk.testing.HandBackRunner;
import com.waiverdesk.testing.ManualScheduler;
import com.waiverdesk.testing.MemoryAuditLog;
import com.waiverdesk.testing.QueueRunner;
import com.waiverdesk.testing.TestDesks;
import com.waiverdesk.verification.HealthStatus;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class AdmissionViewModelTest {
    private static final Duration AUTO_CLEAR = Duration.ofSeconds(20);

    private final FakeVerificationClient client = new FakeVerificationClient();
    private final MemoryAuditLog audit = new MemoryAuditLog();
    private final QueueRunner runner = new QueueRunner();
    private final ManualScheduler scheduler = new ManualScheduler();
    private AdmissionViewModel model;

    @BeforeEach
    void attachDesk() {
        model = new AdmissionViewModel(runner, scheduler, TestDesks.CLOCK);
        Desk desk = TestDesks.desk(client, audit, AUTO_CLEAR, Locale.SIMPLIFIED_CHINESE);
        model.attach(desk);
        runner.runAll();
    }

    private void type(String name, String id) {
        model.nameProperty().set(name);
        model.idTextProperty().set(id);
    }

    @Test
    void cannotVerifyBeforeTheDeskIsWired() {
        AdmissionViewModel fresh = new AdmissionViewModel(runner, scheduler, TestDesks.CLOCK);
        assertThat(fresh.canVerifyBinding().get()).isFalse();
        fresh.verify();
        assertThat(runner.size()).isZero();
    }

    @Test
    void verifyWaivesDepositForSubsistenceAllowance() {
        type("王秀英", TestDesks.WAIVE_ID);
        model.verify();
        assertThat(model.busyProperty().get()).isTrue();
        assertThat(model.canVerifyBinding().get()).isFalse();
        runner.runAll();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.resultProperty().get().decision().kind()).isEqualTo(DecisionKind.WAIVE);
        assertThat(model.resultProperty().get().maskedId()).isEqualTo("110105********002X");
        assertThat(audit.entries).hasSize(1);
        assertThat(client.requests.get(0).operatorId()).isEqualTo("w03-li");
    }

    @Test
    void afterAnAnswerTheFullIdLeavesTheScreen() {
        type("王秀英", TestDesks.WAIVE_ID);
        model.verify();
        runner.runAll();
        assertThat(model.idTextProperty().get()).isEmpty();
        assertThat(model.nameProperty().get()).isEqualTo("王秀英");
        assertThat(model.resultProperty().get()).isNotNull();
    }

    @Test
    void afterInvalidInputTheIdStaysForCorrection() {
        type("王秀英", "110105194912310021");
        model.verify();
        runner.runAll();
        assertThat(model.idTextProperty().get()).isEqualTo("110105194912310021");
    }

    @Test
    void secondVerifyDuringACheckSendsNoSecondQuery() {
        type("王秀英", TestDesks.WAIVE_ID);
        model.verify();
        model.verify();
        model.verify();
        assertThat(runner.size()).isEqualTo(1);
        runner.runAll();
        assertThat(client.requests).hasSize(1);
        assertThat(audit.entries).hasSize(1);
    }

    @Test
    void escBeforeTheAuditCommitMeansTheDecisionNeverAppearsAndIsMarkedNotShown() {
        type("王秀英", TestDesks.WAIVE_ID);
        model.verify();
        model.clear();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(audit.entries).as("the check has not run yet").isEmpty();

        runner.runAll();

        assertThat(audit.entries).as("the check still ran and was recorded").hasSize(1);
        assertThat(model.resultProperty().get()).isNull();
        assertThat(model.problemProperty().get()).isNull();
        assertThat(scheduler.pending(AUTO_CLEAR)).isZero();
        assertThat(audit.notShown).containsExactly(1L);
    }

    @Test
    void escAfterTheAuditCommitButBeforeTheHandBackMeansTheDecisionNeverAppears() {
        HandBackRunner split = new HandBackRunner();
        AdmissionViewModel desk = new AdmissionViewModel(split, scheduler, TestDesks.CLOCK);
        desk.attach(TestDesks.desk(client, audit, AUTO_CLEAR, Locale.SIMPLIFIED_CHINESE));
        split.runAll();
        desk.nameProperty().set("王秀英");
        desk.idTextProperty().set(TestDesks.WAIVE_ID);
        desk.verify();
        split.runWork();
        assertThat(audit.entries).as("committed, not yet handed back").hasSize(1);
        assertThat(audit.notShown).isEmpty();

        desk.clear();
        split.handBack();

        assertThat(desk.resultProperty().get()).isNull();
        assertThat(desk.busyProperty().get()).isFalse();
        split.runAll();
        assertThat(desk.resultProperty().get()).isNull();
        assertThat(audit.notShown).containsExactly(1L);
    }

    @Test
    void typingTheNextPatientWhileACheckRunsAbandonsItAndKeepsWhatIsTyped() {
        type("王秀英", TestDesks.WAIVE_ID);
        model.verify();
        model.nameProperty().set("李");

        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.canVerifyBinding().get()).isTrue();
        runner.runAll();

        assertThat(model.resultProperty().get()).isNull();
        assertThat(model.nameProperty().get()).isEqualTo("李");
        assertThat(model.idTextProperty().get()).isEqualTo(TestDesks.WAIVE_ID);
        assertThat(audit.notShown).containsExactly(1L);
    }

    @Test
    void typingAfterTheCommitButBeforeTheHandBackAbandonsItToo() {
        HandBackRunner split = new HandBackRunner();
        AdmissionViewModel desk = new AdmissionViewModel(split, scheduler, TestDesks.CLOCK);
        desk.attach(TestDesks.desk(client, audit, AUTO_CLEAR, Locale.SIMPLIFIED_CHINESE));
        split.runAll();
        desk.nameProperty().set("王秀英");
        desk.idTextProperty().set(TestDesks.WAIVE_ID);
        desk.verify();
        split.runWork();

        desk.idTextProperty().set(TestDesks.OTHER_ID);
        split.runAll();

        assertThat(desk.resultProperty().get()).isNull();
        assertThat(desk.idTextProperty().get()).isEqualTo(TestDesks.OTHER_ID);
        assertThat(audit.notShown).containsExactly(1L);
    }

    @Test
    void theNextCheckAfterAnAbandonedOneShowsOnlyItsOwnDecision() {
        HandBackRunner split = new HandBackRunner();
        AdmissionViewModel desk = new AdmissionViewModel(split, scheduler, TestDesks.CLOCK);
        desk.attach(TestDesks.desk(client, audit, AUTO_CLEAR, Locale.SIMPLIFIED_CHINESE));
        split.runAll();
        desk.nameProperty().set("王秀英");
        desk.idTextProperty().set(TestDesks.WAIVE_ID);
        desk.verify();
        desk.clear();
        client.answering(FakeVerificationClient.result(MatchResult.NO_RECORD));
        desk.nameProperty().set("张伟");
        desk.idTextProperty().set(TestDesks.OTHER_ID);
        desk.verify();

        split.runAll();

        assertThat(desk.resultProperty().get().auditSeq()).isEqualTo(2);
        assertThat(desk.resultProperty().get().decision().kind()).isEqualTo(DecisionKind.CHARGE);
        assertThat(audit.notShown).containsExactly(1L);
    }

    @Test
    void anAbandonedCheckWhoseAuditWriteFailedShowsNoProblemEither() {
        audit.failWith(AuditWriteException.Kind.DISK_FULL);
        type("王秀英", TestDesks.WAIVE_ID);
        model.verify();
        model.clear();
        runner.runAll();
        assertThat(model.problemProperty().get()).isNull();
        assertThat(model.resultProperty().get()).isNull();
        assertThat(audit.notShown).isEmpty();
    }

    @Test
    void aShownDecisionIsNotMarked() {
        type("王秀英", TestDesks.WAIVE_ID);
        model.verify();
        runner.runAll();
        model.clear();
        runner.runAll();
        assertThat(audit.notShown).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "王秀英, 110105194912310021, true",
        "王秀英, 1101051949, true",
        "王2, 110105194912310021, true",
        "王秀英😀, " + TestDesks.WAIVE_ID + ", false",
        "王2, " + TestDesks.WAIVE_ID + ", false",
        "'', " + TestDesks.WAIVE_ID + ", false",
    })
    void afterRefusedInputTheFieldToCorrectIsTheOneRefused(String name, String id, boolean idNext) {
        type(name, id);
        model.verify();
        runner.runAll();
        assertThat(model.resultProperty().get().decision().kind()).isEqualTo(DecisionKind.INVALID_INPUT);
        assertThat(model.idNeedsCorrection()).isEqualTo(idNext);
    }

    @Test
    void afterADecisionTheNameIsTheFieldToStartFrom() {
        type("王秀英", TestDesks.WAIVE_ID);
        model.verify();
        runner.runAll();
        assertThat(model.idNeedsCorrection()).isFalse();
    }

    @Test
    void anEmojiInTheNameIsRefusedWhileTypingAndNothingIsSent() {
        model.nameProperty().set("王秀英😀");
        assertThat(model.nameProblemProperty().get()).isEqualTo(InputProblem.NAME_HAS_SYMBOLS);
        model.idTextProperty().set(TestDesks.WAIVE_ID);
        model.verify();
        runner.runAll();
        assertThat(model.resultProperty().get().decision().inputProblem()).isEqualTo(InputProblem.NAME_HAS_SYMBOLS);
        assertThat(client.requests).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "'', ",
        "1101051949, ",
        "11010519491231002, ",
        "11010519491231002Y, ID_BAD_CHARACTER",
        "11010519491231002A, ID_BAD_CHARACTER",
        "110105194912310021, ID_WRONG_CHECK_DIGIT",
        "11010519491331002X, ID_IMPOSSIBLE_DATE",
        "11010519491231002X1, ID_BAD_CHARACTER",
        "1101051949123100211, ID_WRONG_LENGTH",
        "11010519491231002x, ",
        "'１１０１０５１９４９１２３１００２Ｘ', ",
    })
    void idProblemsShowWhileTypingButNotBeforeTheNumberIsComplete(String typed, InputProblem expected) {
        model.idTextProperty().set(typed);
        assertThat(model.idProblemProperty().get()).isEqualTo(expected);
        assertThat(client.requests).isEmpty();
    }

    @Test
    void nameProblemShowsWhileTyping() {
        model.nameProperty().set("王2");
        assertThat(model.nameProblemProperty().get()).isEqualTo(InputProblem.NAME_HAS_DIGITS);
        model.nameProperty().set("王二");
        assertThat(model.nameProblemProperty().get()).isNull();
    }

    @Test
    void verifyingAnInvalidIdRecordsInvalidInputAndSendsNothing() {
        type("王秀英", "110105194912310021");
        model.verify();
        runner.runAll();
        assertThat(model.resultProperty().get().decision().kind()).isEqualTo(DecisionKind.INVALID_INPUT);
        assertThat(model.resultProperty().get().decision().inputProblem()).isEqualTo(InputProblem.ID_WRONG_CHECK_DIGIT);
        assertThat(client.requests).isEmpty();
        assertThat(audit.entries).singleElement().satisfies(e -> {
            assertThat(e.decision()).isEqualTo(DecisionKind.INVALID_INPUT);
            assertThat(e.maskedId()).isEqualTo("110105********0021");
        });
    }

    @ParameterizedTest
    @EnumSource(ServiceFailure.class)
    void everyServiceFailureEndsInCouldNotVerify(ServiceFailure failure) {
        client.answering(FakeVerificationClient.failure(failure, null));
        type("王秀英", TestDesks.WAIVE_ID);
        model.verify();
        runner.runAll();
        assertThat(model.resultProperty().get().decision().kind()).isEqualTo(DecisionKind.CANNOT_VERIFY);
        assertThat(model.resultProperty().get().decision().depositPercent()).isNull();
    }

    @Test
    void unreachableServiceShowsInTheStatus() {
        client.answering(FakeVerificationClient.failure(ServiceFailure.UNREACHABLE, null));
        type("王秀英", TestDesks.WAIVE_ID);
        model.verify();
        runner.runAll();
        assertThat(model.serviceStateProperty().get()).isEqualTo(ServiceState.UNREACHABLE);
    }

    @Test
    void auditFailureShowsAProblemAndNoDecision() {
        audit.failWith(AuditWriteException.Kind.DISK_FULL);
        type("王秀英", TestDesks.WAIVE_ID);
        model.verify();
        runner.runAll();
        assertThat(model.resultProperty().get()).isNull();
        assertThat(model.problemProperty().get()).isEqualTo(DeskProblem.AUDIT_DISK_FULL);
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void resultClearsItselfAfterTheConfiguredTime() {
        type("王秀英", TestDesks.WAIVE_ID);
        model.verify();
        runner.runAll();
        assertThat(scheduler.pending(AUTO_CLEAR)).isEqualTo(1);
        scheduler.fire(AUTO_CLEAR);
        assertThat(model.resultProperty().get()).isNull();
        assertThat(model.nameProperty().get()).isEmpty();
        assertThat(model.idTextProperty().get()).isEmpty();
    }

    @Test
    void nextPatientsInputClearsTheResultAndCancelsTheTimer() {
        type("王秀英", TestDesks.WAIVE_ID);
        model.verify();
        runner.runAll();
        model.nameProperty().set("李");
        assertThat(model.resultProperty().get()).isNull();
        assertThat(scheduler.pending(AUTO_CLEAR)).isZero();
    }

    @Test
    void clearEmptiesEverything() {
        type("王秀英", "110105194912310021");
        model.clear();
        assertThat(model.nameProperty().get()).isEmpty();
        assertThat(model.idTextProperty().get()).isEmpty();
        assertThat(model.idProblemProperty().get()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"NO_RECORD", "NAME_MISMATCH"})
    void negativeAnswersCharge(MatchResult result) {
        client.answering(FakeVerificationClient.result(result));
        type("王秀英", TestDesks.WAIVE_ID);
        model.verify();
        runner.runAll();
        assertThat(model.resultProperty().get().decision().kind()).isEqualTo(DecisionKind.CHARGE);
    }

    @Test
    void healthCheckDrivesTheStatus() {
        assertThat(model.serviceStateProperty().get()).isEqualTo(ServiceState.REACHABLE);
        client.healthy(HealthStatus.down(ServiceFailure.UNREACHABLE, null));
        scheduler.fire(Duration.ofSeconds(30));
        runner.runAll();
        assertThat(model.serviceStateProperty().get()).isEqualTo(ServiceState.UNREACHABLE);
    }

    @Test
    void startupFailureIsShownAndBlocksChecks() {
        AdmissionViewModel fresh = new AdmissionViewModel(runner, scheduler, TestDesks.CLOCK);
        fresh.startupFailed(new IllegalStateException("boom"));
        assertThat(fresh.problemProperty().get()).isEqualTo(DeskProblem.STARTUP);
        assertThat(fresh.serviceStateProperty().get()).isEqualTo(ServiceState.NOT_STARTED);
        assertThat(fresh.canVerifyBinding().get()).isFalse();
        assertThat(fresh.problemDetailProperty().get()).isNull();
    }

    @Test
    void aConfigurationOrAuditDatabaseErrorAtStartIsShownInDetailAndANewDeskClearsIt() {
        AdmissionViewModel fresh = new AdmissionViewModel(runner, scheduler, TestDesks.CLOCK);
        fresh.startupFailed(new AuditWriteException(AuditWriteException.Kind.UNAVAILABLE,
                "Could not use the audit key file /srv/audit.key: permission denied", null));
        assertThat(fresh.problemProperty().get()).as("no check was made, so none was 'not recorded'")
                .isEqualTo(DeskProblem.STARTUP);
        assertThat(fresh.problemDetailProperty().get()).contains("/srv/audit.key", "permission denied");

        fresh.startupFailed(new IllegalStateException("boom"));
        assertThat(fresh.problemDetailProperty().get()).isNull();

        fresh.startupFailed(new ConfigException("/etc/waiverdesk/config.json: unknown field \"endpiont\""));
        assertThat(fresh.problemProperty().get()).isEqualTo(DeskProblem.CONFIGURATION);
        assertThat(fresh.problemDetailProperty().get()).contains("endpiont");

        fresh.attach(TestDesks.desk(client, audit, Duration.ofMinutes(5), Locale.SIMPLIFIED_CHINESE));
        assertThat(fresh.problemProperty().get()).isNull();
        assertThat(fresh.problemDetailProperty().get()).isNull();
    }
}
