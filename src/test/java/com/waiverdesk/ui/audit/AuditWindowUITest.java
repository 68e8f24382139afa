package com.waiverdesk.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.ui.common.FxBackgroundRunner;
import com.waiverdesk.ui.common.Texts;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The supervisor's own window: connects on a worker, opens once, releases the reader when closed. */
@ExtendWith(ApplicationExtension.class)
class AuditWindowUITest {
    private final Texts texts = new Texts(Locale.ENGLISH);
    private final AuditFixture fx = new AuditFixture();
    private final FxBackgroundRunner runner = new FxBackgroundRunner();
    private final AtomicInteger connects = new AtomicInteger();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @AfterEach
    void stopRunner() {
        runner.close();
    }

    private static Stage auditStage() {
        return (Stage) Window.getWindows().stream()
                .filter(w -> w instanceof Stage && ((Stage) w).getTitle() != null
                        && ((Stage) w).getTitle().startsWith("Audit trail"))
                .findFirst().orElse(null);
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    @Test
    void opensOnceShowsTheSignInAndClosesTheReaderWithTheWindow(FxRobot robot) throws TimeoutException {
        AuditWindow window = new AuditWindow(texts, runner, () -> {
            connects.incrementAndGet();
            return fx.services();
        }, fx.clock);

        robot.interact(window::show);
        await(() -> robot.lookup("#supervisorField").tryQuery().isPresent());
        robot.interact(window::show);

        assertThat(connects.get()).isEqualTo(1);
        assertThat(Window.getWindows().stream().filter(w -> w == auditStage()).count()).isEqualTo(1);
        robot.interact(() -> auditStage().hide());
        await(() -> fx.reader.closed);
    }

    @Test
    void ctrlWClosesItAfterTheKeyPressAndItCannotBeMadeTooSmall(FxRobot robot) throws TimeoutException {
        AuditWindow window = new AuditWindow(texts, runner, fx::services, fx.clock);
        robot.interact(window::show);
        await(() -> robot.lookup("#supervisorField").tryQuery().isPresent());
        Stage stage = auditStage();
        assertThat(stage.getMinWidth()).isGreaterThanOrEqualTo(Math.min(960, javafx.stage.Screen.getPrimary()
                .getVisualBounds().getWidth()));
        assertThat(stage.getMinHeight()).isPositive();

        boolean[] showingRightAfter = {false};
        robot.interact(() -> {
            stage.getScene().getAccelerators().get(new javafx.scene.input.KeyCodeCombination(
                    javafx.scene.input.KeyCode.W, javafx.scene.input.KeyCombination.SHORTCUT_DOWN)).run();
            showingRightAfter[0] = stage.isShowing();
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(showingRightAfter[0]).as("not during the key press").isTrue();

        assertThat(stage.isShowing()).isFalse();
        await(() -> fx.reader.closed);
    }

    @Test
    void escClosesItWhileItIsStillOpening(FxRobot robot) throws Exception {
        CountDownLatch connecting = new CountDownLatch(1);
        AuditWindow window = new AuditWindow(texts, runner, () -> {
            connecting.await(10, TimeUnit.SECONDS);
            return fx.services();
        }, fx.clock);
        robot.interact(window::show);
        Stage stage = auditStage();
        await(stage::isFocused);

        robot.type(KeyCode.ESCAPE);

        await(() -> !stage.isShowing());
        connecting.countDown();
        await(() -> fx.reader.closed);
    }

    @Test
    void escClosesItAtTheSignIn(FxRobot robot) throws TimeoutException {
        AuditWindow window = new AuditWindow(texts, runner, fx::services, fx.clock);
        robot.interact(window::show);
        await(() -> robot.lookup("#supervisorField").tryQuery().isPresent());
        Stage stage = auditStage();
        robot.clickOn("#supervisorField").write("Zhou");

        robot.type(KeyCode.ESCAPE);

        await(() -> !stage.isShowing());
    }

    @Test
    void escInADialogClosesOnlyTheDialogAndThenEscClosesTheSignedInScreen(FxRobot robot) throws TimeoutException {
        AuditWindow window = new AuditWindow(texts, runner, fx::services, fx.clock);
        robot.interact(window::show);
        await(() -> robot.lookup("#supervisorField").tryQuery().isPresent());
        Stage stage = auditStage();
        robot.clickOn("#supervisorField").write("Zhou");
        robot.clickOn("#passphraseField").write(AuditFixture.PASSPHRASE).type(KeyCode.ENTER);
        await(() -> robot.lookup("#entryTable").tryQuery().isPresent());
        robot.clickOn("#changePassphraseButton");
        await(() -> Window.getWindows().size() > 2);
        Window dialog = Window.getWindows().get(Window.getWindows().size() - 1);

        robot.type(KeyCode.ESCAPE);

        await(() -> !dialog.isShowing());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).as("Esc in the dialog closed only the dialog").isTrue();

        robot.clickOn("#nameFilter").write("王");
        robot.type(KeyCode.ESCAPE);

        await(() -> !stage.isShowing());
        await(() -> fx.reader.closed);
    }

    @Test
    void aReadSideThatCannotOpenSaysSoInTheWindow(FxRobot robot) throws TimeoutException {
        AuditWindow window = new AuditWindow(texts, runner, () -> {
            throw new IllegalStateException("simulated: database missing");
        }, fx.clock);

        robot.interact(window::show);

        await(() -> robot.lookup(".audit-opening").tryQuery().isPresent()
                && robot.lookup(".audit-opening").queryAs(Label.class).getText()
                .equals(texts.get("audit.openFailed")));
        robot.interact(() -> auditStage().hide());
    }
}
