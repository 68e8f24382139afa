package com.waiverdesk.ui.admission;

import com.waiverdesk.app.ConfigException;
import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.domain.MatchResult;
import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.testing.FakeVerificationClient;
import com.waiverdesk.testing.MemoryAuditLog;
import com.waiverdesk.testing.TestDesks;
import com.waiverdesk.ui.common.FxBackgroundRunner;
import com.waiverdesk.ui.common.FxScheduler;
import com.waiverdesk.ui.common.Texts;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The clerk's real flows with a robot: type, scan, verify, each outcome, busy state, Esc. */
@ExtendWith(ApplicationExtension.class)
class AdmissionUITest {
    private static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;
    private final Texts texts = new Texts(LOCALE);
    private final FakeVerificationClient client = new FakeVerificationClient();
    private final MemoryAuditLog audit = new MemoryAuditLog();
    private final FxBackgroundRunner runner = new FxBackgroundRunner();
    private AdmissionViewModel model;

    @Start
    void start(Stage stage) {
        model = new AdmissionViewModel(runner, new FxScheduler(), TestDesks.CLOCK);
        AdmissionView view = new AdmissionView(model, texts);
        AdmissionStage.show(stage, view);
        model.attach(TestDesks.desk(client, audit, Duration.ofMinutes(5), LOCALE));
        view.focusFirstField();
    }

    @AfterEach
    void stopRunner() {
        runner.close();
    }

    private void enterName(FxRobot robot, String name) {
        TextField field = robot.lookup("#nameField").queryAs(TextField.class);
        robot.interact(() -> {
            field.requestFocus();
            field.setText(name);
        });
    }

    private Node card(FxRobot robot) {
        return robot.lookup("#resultCard").query();
    }

    private void awaitCard(FxRobot robot, String styleClass) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> card(robot).getStyleClass().contains(styleClass));
    }

    private String headline(FxRobot robot) {
        return robot.lookup(".result-headline").queryAs(Label.class).getText();
    }

    private void verifyWith(FxRobot robot, String id) {
        robot.clickOn("#idField").write(id).type(KeyCode.ENTER);
    }

    @Test
    void typedNameAndIdThenEnterShowsTheWaiver(FxRobot robot) throws TimeoutException {
        robot.clickOn("#nameField").write("Maria Garcia");
        verifyWith(robot, TestDesks.WAIVE_ID);
        awaitCard(robot, "waive");
        assertThat(headline(robot)).isEqualTo(texts.get("decision.WAIVE.title"));
        assertThat(robot.lookup(".result-detail").queryAllAs(Label.class))
                .extracting(Label::getText).anyMatch(t -> t.contains("110105********002X"))
                .noneMatch(t -> t.contains(TestDesks.WAIVE_ID));
        assertThat(client.requests).singleElement()
                .satisfies(r -> assertThat(r.name().value()).isEqualTo("Maria Garcia"));
    }

    @Test
    void scannerInputOfTextAndEnterVerifies(FxRobot robot) throws TimeoutException {
        enterName(robot, "王秀英");
        robot.clickOn("#idField");
        robot.interact(() -> robot.lookup("#idField").queryAs(TextField.class).replaceText(0, 0, TestDesks.WAIVE_ID));
        robot.type(KeyCode.ENTER);
        awaitCard(robot, "waive");
        assertThat(client.requests).hasSize(1);
    }

    @Test
    void reducedDepositShowsPercentAndAmount(FxRobot robot) throws TimeoutException {
        client.answering(FakeVerificationClient.match("LOW_INCOME_FAMILY"));
        enterName(robot, "李建国");
        verifyWith(robot, TestDesks.WAIVE_ID);
        awaitCard(robot, "reduce");
        assertThat(headline(robot)).isEqualTo(texts.get("decision.REDUCE.title", 50));
        assertThat(robot.lookup(".result-amount").queryAs(Label.class).getText()).contains("2,500").contains("5,000");
    }

    @Test
    void noRecordChargesTheDeposit(FxRobot robot) throws TimeoutException {
        client.answering(FakeVerificationClient.result(MatchResult.NO_RECORD));
        enterName(robot, "张伟");
        verifyWith(robot, TestDesks.WAIVE_ID);
        awaitCard(robot, "charge");
        assertThat(headline(robot)).isEqualTo(texts.get("decision.CHARGE.title"));
        assertThat(robot.lookup(".result-follow-up").queryAs(Label.class).getText())
                .isEqualTo(texts.get("followUp.COLLECT_DEPOSIT"));
    }

    @Test
    void serviceTimeoutCannotVerifyAndSaysWhatToDo(FxRobot robot) throws TimeoutException {
        client.answering(FakeVerificationClient.failure(ServiceFailure.TIMEOUT, null));
        enterName(robot, "张伟");
        verifyWith(robot, TestDesks.WAIVE_ID);
        awaitCard(robot, "cannot-verify");
        assertThat(headline(robot)).isEqualTo(texts.get("decision.CANNOT_VERIFY.title"));
        assertThat(robot.lookup(".result-follow-up").queryAs(Label.class).getText())
                .isEqualTo(texts.get("followUp.RETRY_OR_PAPER_CERTIFICATE"));
    }

    @Test
    void wrongCheckDigitShowsInlineAndSendsNothing(FxRobot robot) throws TimeoutException {
        enterName(robot, "张伟");
        verifyWith(robot, "110105194912310021");
        assertThat(robot.lookup("#idMessage").queryAs(Label.class).getText())
                .isEqualTo(texts.get("input.ID_WRONG_CHECK_DIGIT"));
        awaitCard(robot, "invalid-input");
        assertThat(client.requests).isEmpty();
        assertThat(audit.entries).hasSize(1);
    }

    @Test
    void whileACheckRunsVerifyIsDisabledAndASecondEnterSendsNothing(FxRobot robot) throws Exception {
        client.holding();
        enterName(robot, "王秀英");
        verifyWith(robot, TestDesks.WAIVE_ID);
        assertThat(client.awaitEntered()).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#verifyButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#busyIndicator").query().isVisible()).isTrue();
        assertThat(card(robot).getStyleClass()).contains("busy");
        robot.type(KeyCode.ENTER);
        client.release();
        awaitCard(robot, "waive");
        assertThat(client.requests).hasSize(1);
        assertThat(robot.lookup("#verifyButton").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void escapeClearsTheResultAndTheFields(FxRobot robot) throws TimeoutException {
        enterName(robot, "王秀英");
        verifyWith(robot, TestDesks.WAIVE_ID);
        awaitCard(robot, "waive");
        robot.type(KeyCode.ESCAPE);
        awaitCard(robot, "idle");
        assertThat(robot.lookup("#idField").queryAs(TextField.class).getText()).isEmpty();
        assertThat(robot.lookup("#nameField").queryAs(TextField.class).getText()).isEmpty();
        assertThat(robot.lookup("#nameField").query().isFocused()).isTrue();
    }

    @Test
    void enterOnTheClearButtonClearsInsteadOfVerifying(FxRobot robot) throws TimeoutException {
        enterName(robot, "王秀英");
        robot.clickOn("#idField").write("1101051949");
        robot.interact(() -> robot.lookup("#clearButton").query().requestFocus());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#idField").queryAs(TextField.class).getText()).isEmpty();
        assertThat(client.requests).isEmpty();
        assertThat(audit.entries).isEmpty();
    }

    @Test
    void aBadConfigurationTellsTheClerkToCallItAndNamesTheFileAndFieldForIt(FxRobot robot) {
        String error = "/etc/waiverdesk/config.json: field \"timeoutMs\" must be a whole number of milliseconds,"
                + " found \"fast\"";
        AdmissionViewModel failed = new AdmissionViewModel(runner, new FxScheduler(), TestDesks.CLOCK);
        robot.interact(() -> {
            AdmissionView view = new AdmissionView(failed, texts);
            robot.lookup("#resultCard").query().getScene().setRoot(view);
            failed.startupFailed(new ConfigException(error));
        });

        assertThat(headline(robot)).isEqualTo(texts.get("problem.title.startup"));
        assertThat(robot.lookup(".result-reason").queryAs(Label.class).getText())
                .isEqualTo(texts.get("problem.CONFIGURATION"));
        assertThat(robot.lookup(".result-detail").queryAs(Label.class).getText())
                .isEqualTo(texts.get("problem.detailForIt", error)).contains("timeoutMs", "/etc/waiverdesk/config.json");
        assertThat(robot.lookup("#verifyButton").queryButton().isDisabled()).isTrue();
    }

    @Test
    void demoBannerShowsOnTheBuiltInService(FxRobot robot) {
        assertThat(robot.lookup("#demoBanner").query().isVisible()).isTrue();
        assertThat(robot.lookup("#operatorStatus").queryAs(Label.class).getText()).contains("w03-li");
    }
}
