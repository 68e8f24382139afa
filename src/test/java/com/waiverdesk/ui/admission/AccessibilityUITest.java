package com.waiverdesk.ui.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.waiverdesk.domain.MatchResult;
import com.waiverdesk.testing.FakeVerificationClient;
import com.waiverdesk.testing.ManualScheduler;
import com.waiverdesk.testing.MemoryAuditLog;
import com.waiverdesk.testing.TestDesks;
import com.waiverdesk.ui.common.FxBackgroundRunner;
import com.waiverdesk.ui.common.Texts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * For a clerk who reads with a screen reader or needs larger, stronger text: accessible names and the decision
 * announced with its next action; Ctrl+plus / Ctrl+minus / Ctrl+0 and Ctrl+Shift+H.
 */
@ExtendWith(ApplicationExtension.class)
class AccessibilityUITest {
    /** The idle card's headline is 1.75em of the root's font (desk.css); the root is 16px at 100 %. */
    private static final double IDLE_HEADLINE_EM = 1.75;

    private final FakeVerificationClient client = new FakeVerificationClient();
    private final FxBackgroundRunner runner = new FxBackgroundRunner();
    private AdmissionViewModel model;
    private AdmissionView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        show(Locale.ENGLISH);
    }

    private void show(Locale locale) {
        model = new AdmissionViewModel(runner, new ManualScheduler(), TestDesks.CLOCK);
        view = new AdmissionView(model, new Texts(locale));
        AdmissionStage.show(stage, view);
        model.attach(TestDesks.desk(client, new MemoryAuditLog(), Duration.ofSeconds(30), locale));
        view.focusFirstField();
    }

    @AfterEach
    void stopRunner() {
        runner.close();
    }

    private double idleHeadlineSize(FxRobot robot) {
        return robot.lookup(".result-headline").queryAs(Label.class).getFont().getSize();
    }

    private void check(FxRobot robot, String name, String id) throws Exception {
        robot.interact(() -> {
            model.nameProperty().set(name);
            model.idTextProperty().set(id);
            model.verify();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void ctrlPlusAndCtrlMinusStepTheTextAndCtrlZeroResetsIt(FxRobot robot) {
        assertThat(idleHeadlineSize(robot)).isCloseTo(16 * IDLE_HEADLINE_EM, within(0.01));
        robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        assertThat(view.getStyleClass()).contains("scale-110");
        assertThat(idleHeadlineSize(robot)).isCloseTo(17.6 * IDLE_HEADLINE_EM, within(0.01));
        robot.push(KeyCode.CONTROL, KeyCode.ADD);
        robot.push(KeyCode.CONTROL, KeyCode.ADD);
        assertThat(view.getStyleClass()).contains("scale-150").doesNotContain("scale-110", "scale-125");
        assertThat(idleHeadlineSize(robot)).isCloseTo(24 * IDLE_HEADLINE_EM, within(0.01));
        robot.push(KeyCode.CONTROL, KeyCode.MINUS);
        robot.push(KeyCode.CONTROL, KeyCode.MINUS);
        robot.push(KeyCode.CONTROL, KeyCode.MINUS);
        robot.push(KeyCode.CONTROL, KeyCode.SUBTRACT);
        assertThat(view.getStyleClass()).contains("scale-90");
        assertThat(idleHeadlineSize(robot)).isCloseTo(14.4 * IDLE_HEADLINE_EM, within(0.01));
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        assertThat(view.getStyleClass()).noneMatch(c -> c.startsWith("scale-"));
        assertThat(idleHeadlineSize(robot)).isCloseTo(16 * IDLE_HEADLINE_EM, within(0.01));
        // the keys change the size, they type nothing into the focused name field
        assertThat(robot.lookup("#nameField").queryAs(TextField.class).getText()).isEmpty();
    }

    @Test
    void theTextSizeStopsAtTheLargestAndSmallestSteps(FxRobot robot) {
        for (int i = 0; i < 12; i++) {
            robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        }
        assertThat(view.readability().percentProperty().get()).isEqualTo(200);
        for (int i = 0; i < 12; i++) {
            robot.push(KeyCode.CONTROL, KeyCode.MINUS);
        }
        assertThat(view.readability().percentProperty().get()).isEqualTo(80);
    }

    @Test
    void ctrlShiftHSwitchesHighContrastOnAndOff(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H);
        assertThat(view.getStyleClass()).contains("high-contrast");
        assertThat(background(view)).isEqualTo(Color.BLACK);
        assertThat(robot.lookup(".result-headline").queryAs(Label.class).getTextFill()).isEqualTo(Color.WHITE);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H);
        assertThat(view.getStyleClass()).doesNotContain("high-contrast");
        assertThat(background(view)).isEqualTo(Color.WHITE);
    }

    private static Object background(Region region) {
        return region.getBackground().getFills().get(0).getFill();
    }

    @Test
    void theCardAnnouncesTheDecisionAndTheNextAction(FxRobot robot) throws Exception {
        Texts texts = new Texts(Locale.ENGLISH);
        check(robot, "王秀英", TestDesks.WAIVE_ID);
        Node card = robot.lookup("#resultCard").query();
        assertThat(card.getAccessibleRole()).isEqualTo(AccessibleRole.TEXT);
        assertThat(card.getAccessibleText()).startsWith(texts.get("decision.WAIVE.title"))
                .contains("¥0").contains(texts.get("followUp.ADMIT_WITHOUT_DEPOSIT"));
        // the focus is back on the name field: its help is what a screen reader says after the field's name
        assertThat(robot.lookup("#nameField").query().isFocused()).isTrue();
        assertThat(robot.lookup("#nameField").query().getAccessibleHelp()).isEqualTo(card.getAccessibleText());

        client.answering(FakeVerificationClient.result(MatchResult.NAME_MISMATCH));
        check(robot, "王秀云", TestDesks.WAIVE_ID);
        assertThat(card.getAccessibleText()).startsWith(texts.get("decision.CHARGE.title"))
                .contains(texts.get("reason.NAME_MISMATCH")).endsWith(texts.get("followUp.CHECK_NAME_AND_RETRY"));
    }

    @Test
    void theChineseCardAnnouncesTheCouldNotVerifyAndWhatToDo(FxRobot robot) throws Exception {
        robot.interact(() -> show(Locale.SIMPLIFIED_CHINESE));
        Texts texts = new Texts(Locale.SIMPLIFIED_CHINESE);
        client.answering(FakeVerificationClient.failure(com.waiverdesk.domain.ServiceFailure.TIMEOUT, null));
        check(robot, "张伟", TestDesks.WAIVE_ID);
        assertThat(robot.lookup("#resultCard").query().getAccessibleText())
                .startsWith(texts.get("decision.CANNOT_VERIFY.title") + "。")
                .contains(texts.get("failure.TIMEOUT")).endsWith(texts.get("followUp.RETRY_OR_PAPER_CERTIFICATE"));
    }

    @Test
    void anInlineErrorIsPartOfItsFieldsAccessibleHelp(FxRobot robot) {
        robot.interact(() -> model.idTextProperty().set("110105194912310021"));
        assertThat(robot.lookup("#idField").query().getAccessibleHelp())
                .isEqualTo(new Texts(Locale.ENGLISH).get("input.ID_WRONG_CHECK_DIGIT"));
        robot.interact(() -> model.idTextProperty().set("11010519491231002X"));
        assertThat(robot.lookup("#idField").query().getAccessibleHelp()).isNull();
    }

    @Test
    void everyControlHasAnAccessibleName(FxRobot robot) throws Exception {
        check(robot, "王秀英", TestDesks.WAIVE_ID);
        List<String> nameless = new ArrayList<>();
        List<Node> labelled = new ArrayList<>();
        collect(view, nameless, labelled);
        assertThat(nameless).isEmpty();
        assertThat(labelled).contains(robot.lookup("#nameField").query(), robot.lookup("#idField").query());
    }

    /** A control is named by its accessible text or its own visible text; a field also by a label's labelFor. */
    private static void collect(Node node, List<String> nameless, List<Node> labelled) {
        if (node instanceof Label && ((Label) node).getLabelFor() != null) {
            labelled.add(((Label) node).getLabelFor());
        }
        // a label names something else; a scroll pane only holds the form and the card
        if (node instanceof Control && node.isVisible() && !(node instanceof Label) && !(node instanceof ScrollPane)) {
            boolean named = node.getAccessibleText() != null && !node.getAccessibleText().isBlank()
                    || node instanceof Labeled && !((Labeled) node).getText().isBlank();
            if (!named) {
                nameless.add(node.getClass().getSimpleName() + " " + node.getId());
            }
        }
        if (node instanceof Parent && !(node instanceof Control)) {
            for (Node child : ((Parent) node).getChildrenUnmodifiable()) {
                collect(child, nameless, labelled);
            }
        }
        if (node instanceof ScrollPane) {
            collect(((ScrollPane) node).getContent(), nameless, labelled);
        }
    }
}
