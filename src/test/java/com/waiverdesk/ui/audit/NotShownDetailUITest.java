package com.waiverdesk.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.ui.common.FxBackgroundRunner;
import com.waiverdesk.ui.common.Texts;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The supervisor's entry detail says whether the desk showed the decision. */
@ExtendWith(ApplicationExtension.class)
class NotShownDetailUITest {
    private static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;
    private final Texts texts = new Texts(LOCALE);
    private final AuditFixture fx = new AuditFixture();
    private final FxBackgroundRunner runner = new FxBackgroundRunner();
    private AuditViewModel model;

    @Start
    void start(Stage stage) {
        model = fx.model(runner, Platform::runLater);
        PathChooser chooser = (owner, title, name, type, extension) -> Optional.of(Path.of("unused.csv"));
        AuditScreen screen = new AuditScreen(model, texts, AuditFixture.SHANGHAI, chooser, stage::hide);
        Scene scene = new Scene(screen, 1200, 760);
        for (String css : new String[] {"desk.css", "audit/audit.css"}) {
            scene.getStylesheets().add(getClass().getResource("/com/waiverdesk/ui/" + css).toExternalForm());
        }
        stage.setScene(scene);
        stage.show();
        model.start();
    }

    @AfterEach
    void stopRunner() {
        runner.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<StoredEntry> table(FxRobot robot) {
        return robot.lookup("#entryTable").queryAs(TableView.class);
    }

    private void showDetailOf(FxRobot robot, int row) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> model.login().modeProperty().get() == LoginViewModel.Mode.SIGN_IN);
        robot.clickOn("#supervisorField").write("Zhou");
        robot.clickOn("#passphraseField").write(AuditFixture.PASSPHRASE).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#entryTable").tryQuery().isPresent() && !table(robot).getItems().isEmpty());
        robot.interact(() -> table(robot).getSelectionModel().select(row));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.selectedShownProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private java.util.List<String> detailValues(FxRobot robot) {
        return robot.lookup("#detailPane .audit-detail-value").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    void anEntryWhoseDecisionTheClerkNeverSawSaysNotShown(FxRobot robot) throws Exception {
        fx.reader.notShown.add((long) AuditFixture.ROWS);
        showDetailOf(robot, 0);
        assertThat(table(robot).getSelectionModel().getSelectedItem().seq()).isEqualTo(AuditFixture.ROWS);
        assertThat(detailValues(robot)).contains(texts.get("audit.detail.shown.no"))
                .doesNotContain(texts.get("audit.detail.shown.yes"));
    }

    @Test
    void anEntryShownAtTheDeskSaysShown(FxRobot robot) throws Exception {
        fx.reader.notShown.add((long) AuditFixture.ROWS);
        showDetailOf(robot, 1);
        assertThat(detailValues(robot)).contains(texts.get("audit.detail.shown.yes"))
                .doesNotContain(texts.get("audit.detail.shown.no"));
    }
}
