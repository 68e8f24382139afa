package com.waiverdesk.ui.admission;

import static org.assertj.core.api.Assertions.assertThat;

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
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The clerk's input rules with a robot: where the cursor goes after a refusal, and what moving on does to a check. */
@ExtendWith(ApplicationExtension.class)
class ClerkInputUITest {
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

    private TextField field(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class);
    }

    private void enterName(FxRobot robot, String name) {
        robot.interact(() -> {
            field(robot, "#nameField").requestFocus();
            field(robot, "#nameField").setText(name);
        });
    }

    private Node card(FxRobot robot) {
        return robot.lookup("#resultCard").query();
    }

    private void awaitCard(FxRobot robot, String styleClass) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> card(robot).getStyleClass().contains(styleClass));
    }

    private void awaitNotShownMark() throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !audit.notShown.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Starts a check that the service holds until released, and waits until it is at the service. */
    private void startHeldCheck(FxRobot robot) throws Exception {
        client.holding();
        enterName(robot, "王秀英");
        robot.clickOn("#idField").write(TestDesks.WAIVE_ID).type(KeyCode.ENTER);
        assertThat(client.awaitEntered()).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(card(robot).getStyleClass()).contains("busy");
    }

    @Test
    void afterAnIdErrorTheIdIsSelectedAndTheNextKeyReplacesIt(FxRobot robot) throws TimeoutException {
        enterName(robot, "王秀英");
        robot.clickOn("#idField").write("110105194912310021").type(KeyCode.ENTER);
        awaitCard(robot, "invalid-input");
        WaitForAsyncUtils.waitForFxEvents();

        TextField id = field(robot, "#idField");
        assertThat(id.isFocused()).isTrue();
        assertThat(id.getSelectedText()).isEqualTo("110105194912310021");
        robot.write("3");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(id.getText()).isEqualTo("3");
        assertThat(field(robot, "#nameField").getText()).isEqualTo("王秀英");
    }

    @Test
    void afterANameErrorTheNameIsSelected(FxRobot robot) throws TimeoutException {
        enterName(robot, "王2");
        robot.clickOn("#idField").write(TestDesks.WAIVE_ID).type(KeyCode.ENTER);
        awaitCard(robot, "invalid-input");
        WaitForAsyncUtils.waitForFxEvents();

        TextField name = field(robot, "#nameField");
        assertThat(name.isFocused()).isTrue();
        assertThat(name.getSelectedText()).isEqualTo("王2");
        assertThat(client.requests).isEmpty();
    }

    @Test
    void anEmojiInTheNameIsRefusedWithASentenceAndNothingIsSent(FxRobot robot) throws TimeoutException {
        enterName(robot, "王秀英😀");
        assertThat(robot.lookup("#nameMessage").queryAs(Label.class).getText())
                .isEqualTo(texts.get("input.NAME_HAS_SYMBOLS"));
        robot.clickOn("#idField").write(TestDesks.WAIVE_ID).type(KeyCode.ENTER);
        awaitCard(robot, "invalid-input");
        assertThat(client.requests).isEmpty();
        assertThat(audit.entries).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("INVALID_INPUT:NAME_HAS_SYMBOLS"));
    }

    @Test
    void escWhileTheServiceIsAskedMeansItsDecisionNeverAppears(FxRobot robot) throws Exception {
        startHeldCheck(robot);
        robot.type(KeyCode.ESCAPE);
        awaitCard(robot, "idle");
        client.release();

        awaitNotShownMark();
        assertThat(audit.entries).hasSize(1);
        assertThat(audit.notShown).containsExactly(1L);
        assertThat(card(robot).getStyleClass()).contains("idle").doesNotContain("waive");
        assertThat(model.resultProperty().get()).isNull();
    }

    @Test
    void escAfterTheAuditCommitButBeforeThePaintMeansItsDecisionNeverAppears(FxRobot robot) throws Exception {
        startHeldCheck(robot);
        // the FX thread is held here while the worker commits, so the hand-back can only come after the Esc
        robot.interact(() -> {
            client.release();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (audit.entries.isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(audit.entries).as("committed while the FX thread was held").hasSize(1);
            Event.fireEvent(field(robot, "#idField"),
                    new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ESCAPE, false, false, false, false));
        });

        awaitNotShownMark();
        assertThat(audit.notShown).containsExactly(1L);
        assertThat(card(robot).getStyleClass()).contains("idle").doesNotContain("waive");
        assertThat(model.resultProperty().get()).isNull();
    }

    @Test
    void typingWhileACheckRunsAbandonsItAndKeepsTheTyping(FxRobot robot) throws Exception {
        startHeldCheck(robot);
        robot.write("7");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.busyProperty().get()).isFalse();
        client.release();

        awaitNotShownMark();
        assertThat(field(robot, "#idField").getText()).isEqualTo(TestDesks.WAIVE_ID + "7");
        assertThat(card(robot).getStyleClass()).doesNotContain("waive", "busy");
        assertThat(model.resultProperty().get()).isNull();
    }
}
