package com.waiverdesk.ui.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.testing.FakeVerificationClient;
import com.waiverdesk.testing.TestDesks;
import com.waiverdesk.ui.common.FxBackgroundRunner;
import com.waiverdesk.ui.common.FxScheduler;
import com.waiverdesk.ui.common.Texts;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
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

/** A paper certificate recorded from the card of a check that could not verify, by keyboard, with a robot. */
@ExtendWith(ApplicationExtension.class)
class PaperEntryUITest {
    private static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;
    private final Texts texts = new Texts(LOCALE);
    private final FxBackgroundRunner runner = new FxBackgroundRunner();
    private final EcertDesks desks = new EcertDesks(LOCALE);
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AdmissionViewModel model = new AdmissionViewModel(runner, new FxScheduler(), TestDesks.CLOCK);
        AdmissionView view = new AdmissionView(model, texts);
        AdmissionStage.show(stage, view);
        model.attach(desks.desk, desks);
        view.focusFirstField();
    }

    @AfterEach
    void stopRunner() {
        runner.close();
    }

    private static Node card(FxRobot robot) {
        return robot.lookup("#resultCard").query();
    }

    private static void awaitCard(FxRobot robot, String styleClass) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> card(robot).getStyleClass().contains(styleClass));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String cardText(FxRobot robot) {
        return robot.from(card(robot)).lookup(".label").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).map(Label::getText).reduce("", (a, b) -> a + "\n" + b);
    }

    private void checkWhileTheServiceIsDown(FxRobot robot) throws TimeoutException {
        desks.client.answering(FakeVerificationClient.failure(ServiceFailure.UNREACHABLE, null));
        robot.interact(() -> robot.lookup("#nameField").queryAs(TextField.class).setText("王秀英"));
        robot.clickOn("#idField").write(TestDesks.WAIVE_ID).type(KeyCode.ENTER);
        awaitCard(robot, "cannot-verify");
        assertThat(robot.lookup("#openPaperButton").query().isVisible()).isTrue();
    }

    @Test
    void aPaperCertificateAfterACheckThatCouldNotVerifyIsRecordedByKeyboard(FxRobot robot) throws Exception {
        checkWhileTheServiceIsDown(robot);

        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#paperNumber").queryAs(TextField.class).isFocused()).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#paperCategory").queryAs(ComboBox.class).getItems().isEmpty());
        robot.write("HY-2026-00417").type(KeyCode.TAB);
        // the robot types no Chinese: the centre is put in the focused field as an input method would
        robot.interact(() -> ((TextField) robot.lookup("#paperCentre").query().getScene().getFocusOwner())
                .setText("长宁区华阳路街道社区事务受理服务中心"));
        robot.type(KeyCode.TAB).write("2026/11/2").type(KeyCode.TAB);
        robot.interact(() -> robot.lookup("#paperCategory").queryAs(ComboBox.class)
                .setValue("SUBSISTENCE_ALLOWANCE"));

        // not yet ticked: the form says so, nothing is recorded
        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#paperMessage").queryAs(Label.class).getText())
                .isEqualTo(texts.get("input.PAPER_ORIGINAL_NOT_SEEN"));
        assertThat(robot.lookup("#paperOriginalSeen").queryAs(CheckBox.class).isFocused()).isTrue();
        assertThat(desks.audit.entries).hasSize(1);

        robot.type(KeyCode.SPACE).type(KeyCode.ENTER);
        awaitCard(robot, "waive");
        assertThat(cardText(robot)).contains(texts.get("card.channel.PAPER"))
                .contains(texts.get("reason.PAPER_PROVISIONAL_WAIVE"));
        assertThat(robot.lookup("#paperForm").query().isVisible()).isFalse();
        assertThat(desks.audit.entries).hasSize(2);
        AuditEntry paper = desks.audit.entries.get(1);
        assertThat(paper.channel()).isEqualTo(Channel.PAPER);
        assertThat(paper.proof().paperNumber()).isEqualTo("HY-2026-00417");
        assertThat(paper.proof().paperIssued()).hasToString("2026-11-02");
        assertThat(paper.proof().followsSeq()).isEqualTo(1L);
    }

    @Test
    void escInThePaperFormGoesBackToTheCardAndRecordsNothing(FxRobot robot) throws Exception {
        checkWhileTheServiceIsDown(robot);
        robot.clickOn("#openPaperButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("HY-1").type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#paperForm").query().isVisible()).isFalse();
        assertThat(card(robot).getStyleClass()).contains("cannot-verify");
        assertThat(desks.audit.entries).hasSize(1);
    }

    /**
     * At the desk's smallest window (720x700) the form opens below the card; its terms line arrives with the policy's
     * terms, after it opened. Once everything is in, its last row (Record, Back) is in view, and so is its first
     * field.
     */
    @Test
    void theFormOpensWholeInViewAtTheSmallestWindow(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(CardLayoutUITest.WIDTH);
            stage.setHeight(CardLayoutUITest.HEIGHT);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".admission").query().getScene().getHeight()).isEqualTo(CardLayoutUITest.HEIGHT);
        checkWhileTheServiceIsDown(robot);

        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#paperTerms").query().isVisible()
                && !robot.lookup("#paperCategory").queryAs(ComboBox.class).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        Node scroll = robot.lookup(".body-scroll").query();
        Node viewportNode = robot.from(scroll).lookup(".viewport").query();
        Bounds viewport = viewportNode.localToScene(viewportNode.getLayoutBounds());
        for (String id : new String[] {"#paperRecordButton", "#paperCancelButton", "#paperNumber"}) {
            Node node = robot.lookup(id).query();
            Bounds bounds = node.localToScene(node.getLayoutBounds());
            assertThat(bounds.getMinY()).as(id + " top, viewport " + viewport).isGreaterThanOrEqualTo(
                    viewport.getMinY() - 0.5);
            assertThat(bounds.getMaxY()).as(id + " bottom, viewport " + viewport).isLessThanOrEqualTo(
                    viewport.getMaxY() + 0.5);
        }
    }
}
