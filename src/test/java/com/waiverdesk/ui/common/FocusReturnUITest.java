package com.waiverdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** After its work, a button that was disabled gets the focus back from the neighbour the toolkit gave it to. */
@ExtendWith(ApplicationExtension.class)
class FocusReturnUITest {
    private Button test;
    private TextField field;

    @Start
    void start(Stage stage) {
        test = new Button("Test connection");
        Button close = new Button("Close");
        field = new TextField();
        FocusReturn.whenEnabledAgain(test);
        stage.setScene(new Scene(new HBox(field, test, close), 400, 100));
        stage.show();
    }

    @Test
    void theFocusComesBackFromTheNextButton(FxRobot robot) {
        robot.interact(test::requestFocus);
        robot.interact(() -> test.setDisable(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(test.isFocused()).isFalse();

        robot.interact(() -> test.setDisable(false));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(test.isFocused()).isTrue();
    }

    @Test
    void aFieldTheUserWentToKeepsTheFocus(FxRobot robot) {
        robot.interact(test::requestFocus);
        robot.interact(() -> test.setDisable(true));
        robot.interact(field::requestFocus);

        robot.interact(() -> test.setDisable(false));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(field.isFocused()).isTrue();
    }
}
