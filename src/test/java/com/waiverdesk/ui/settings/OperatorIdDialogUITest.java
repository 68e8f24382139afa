package com.waiverdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.ui.common.Texts;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
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

/**
 * The operator-id dialog closes after the event that pressed OK, never inside it: closing a window while GTK's glass
 * was still delivering its Enter key press crashed the JVM (scripts/test-deb.sh presses Enter in the installed
 * program; this test pins the mechanism where no GTK runs).
 */
@ExtendWith(ApplicationExtension.class)
class OperatorIdDialogUITest {
    private final List<String> given = new CopyOnWriteArrayList<>();
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != owner).toList().forEach(Window::hide));
    }

    private Button okButton(FxRobot robot) {
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        return (Button) pane.lookupButton(ButtonType.OK);
    }

    @Test
    void okClosesTheDialogOnlyAfterTheEventThatPressedItAndGivesTheIdOnce(FxRobot robot) {
        robot.interact(() -> OperatorIdDialog.ask(new Texts(Locale.ENGLISH), owner, "w03-li", given::add));
        Button ok = okButton(robot);
        boolean[] showingRightAfterFire = {false};

        robot.interact(() -> {
            ok.fire();
            showingRightAfterFire[0] = ok.getScene().getWindow().isShowing();
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(showingRightAfterFire[0]).as("still open when the pressing event returns").isTrue();
        assertThat(robot.lookup("#operatorIdField").tryQuery()).isEmpty();
        assertThat(given).containsExactly("w03-li");
    }

    @Test
    void twoQuickPressesGiveTheIdOnce(FxRobot robot) {
        robot.interact(() -> OperatorIdDialog.ask(new Texts(Locale.ENGLISH), owner, "w03-li", given::add));
        Button ok = okButton(robot);

        robot.interact(() -> {
            ok.fire();
            ok.fire();
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#operatorIdField").tryQuery()).isEmpty();
        assertThat(given).containsExactly("w03-li");
    }

    @Test
    void anInvalidIdKeepsTheDialogOpen(FxRobot robot) {
        robot.interact(() -> OperatorIdDialog.ask(new Texts(Locale.ENGLISH), owner, "x".repeat(33), given::add));
        Button ok = okButton(robot);

        robot.interact(ok::fire);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#operatorIdField").tryQuery()).isPresent();
        assertThat(given).isEmpty();
    }
}
