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
import javafx.scene.Node;
import javafx.scene.Scene;
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

/** The result leaves the screen by itself, with the patient's name and ID, after the configured time. */
@ExtendWith(ApplicationExtension.class)
class AutoClearUITest {
    private final FakeVerificationClient client = new FakeVerificationClient();
    private final FxBackgroundRunner runner = new FxBackgroundRunner();

    @Start
    void start(Stage stage) {
        Texts texts = new Texts(Locale.ENGLISH);
        AdmissionViewModel model = new AdmissionViewModel(runner, new FxScheduler(), TestDesks.CLOCK);
        stage.setScene(new Scene(new AdmissionView(model, texts), 900, 720));
        stage.show();
        model.attach(TestDesks.desk(client, new MemoryAuditLog(), Duration.ofSeconds(1), Locale.ENGLISH));
    }

    @AfterEach
    void stopRunner() {
        runner.close();
    }

    @Test
    void resultClearsItselfAfterTheConfiguredTime(FxRobot robot) throws Exception {
        robot.clickOn("#nameField").write("Maria Garcia");
        robot.clickOn("#idField").write(TestDesks.WAIVE_ID).type(KeyCode.ENTER);
        Node card = robot.lookup("#resultCard").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> card.getStyleClass().contains("waive"));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> card.getStyleClass().contains("idle"));
        assertThat(robot.lookup("#idField").queryAs(TextField.class).getText()).isEmpty();
        assertThat(robot.lookup("#nameField").queryAs(TextField.class).getText()).isEmpty();
    }
}
