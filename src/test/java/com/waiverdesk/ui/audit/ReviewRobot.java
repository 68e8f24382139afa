package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.ui.common.Texts;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the robot tests of the review queue share: the screen, sign in, the review tab and table, the reason dialog. */
final class ReviewRobot {
    private ReviewRobot() {
    }

    /** The supervisor's screen over {@code model} in the stage, styled as shipped, and the model started. */
    static void show(Stage stage, AuditViewModel model, Texts texts, int width, int height) {
        PathChooser chooser = (owner, title, name, type, extension) -> Optional.empty();
        Scene scene = new Scene(new AuditScreen(model, texts, AuditFixture.SHANGHAI, chooser, stage::hide), width,
                height);
        for (String css : new String[] {"desk.css", "audit/audit.css"}) {
            scene.getStylesheets().add(ReviewRobot.class.getResource("/com/waiverdesk/ui/" + css).toExternalForm());
        }
        stage.setScene(scene);
        stage.show();
        model.start();
    }

    static void await(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    /** Signs in with the fixture's passphrase and waits for the screen; returns the review queue's tab. */
    static Tab signIn(FxRobot robot, AuditViewModel model, String supervisor) throws TimeoutException {
        await(() -> model.login().modeProperty().get() == LoginViewModel.Mode.SIGN_IN);
        robot.clickOn("#supervisorField").write(supervisor);
        robot.clickOn("#passphraseField").write(AuditFixture.PASSPHRASE).type(KeyCode.ENTER);
        await(() -> robot.lookup("#entryTable").tryQuery().isPresent());
        return robot.lookup(".tab-pane").queryAs(TabPane.class).getTabs().stream()
                .filter(t -> "reviewTab".equals(t.getId())).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static TableView<StoredEntry> queueTable(FxRobot robot) {
        return robot.lookup("#reviewTable").queryAs(TableView.class);
    }

    /** The approve or reject dialog, while it is open. */
    static Window dialog() {
        return Window.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().getRoot().lookup("#reviewReason") != null).findFirst().orElse(null);
    }
}
