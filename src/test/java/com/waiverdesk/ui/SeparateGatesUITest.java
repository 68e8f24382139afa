package com.waiverdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.app.AppPaths;
import com.waiverdesk.app.ConfigOptions;
import com.waiverdesk.app.LoadedConfig;
import com.waiverdesk.app.SupervisorCredential;
import com.waiverdesk.app.secret.SecretStores;
import com.waiverdesk.ui.common.Texts;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The supervisor's audit and IT's settings, opened from the real desk window, have separate passphrases and
 * lock-outs: five wrong tries at one leave the other open, and each sign-in says whose passphrase it asks for.
 */
@ExtendWith(ApplicationExtension.class)
class SeparateGatesUITest {
    private static final String SUPERVISOR = "supervisor passphrase 1";
    private static final String IT = "it passphrase 2";
    private static final String WRONG = "wrong passphrase 3";

    @TempDir
    Path dir;

    private final Texts texts = new Texts(Locale.SIMPLIFIED_CHINESE);
    private AppPaths paths;
    private String savedStoreMode;
    private Stage primary;

    @BeforeEach
    void useTheFileStore() {
        savedStoreMode = System.getProperty(SecretStores.MODE_PROPERTY);
        System.setProperty(SecretStores.MODE_PROPERTY, "file");
    }

    @AfterEach
    void closeWindows(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream()
                .filter(w -> w instanceof Stage && w != primary).forEach(Window::hide));
        if (savedStoreMode == null) {
            System.clearProperty(SecretStores.MODE_PROPERTY);
        } else {
            System.setProperty(SecretStores.MODE_PROPERTY, savedStoreMode);
        }
    }

    @Start
    void start(Stage stage) {
        primary = stage;
        stage.setScene(new Scene(new StackPane(), 100, 100));
        stage.show();
    }

    /** The desk on the demo, with both passphrases already set beside its audit database. */
    private void openDesk(FxRobot robot) throws Exception {
        paths = new AppPaths(dir.resolve("config"), dir.resolve("data"), dir.resolve("logs"), null);
        Path database = paths.defaultAuditDatabase();
        java.nio.file.Files.createDirectories(database.getParent());
        assertThat(SupervisorCredential.beside(database, Clock.systemUTC()).set(SUPERVISOR.toCharArray()))
                .isEqualTo(SupervisorCredential.Result.SET);
        assertThat(SupervisorCredential.itBeside(database, Clock.systemUTC()).set(IT.toCharArray()))
                .isEqualTo(SupervisorCredential.Result.SET);
        ConfigOptions options = new ConfigOptions();
        LoadedConfig loaded = options.load(paths, Map.of("HOSTNAME", "ADM-W09"));
        robot.interact(() -> new DeskWindow(loaded, null, options, paths, false, null).show());
        await(() -> robot.lookup("#settingsLink").tryQuery().map(Node::isVisible).orElse(false)
                && text(robot, "#workstationStatus").contains("ADM-W09"));
    }

    @Test
    void fiveWrongSupervisorPassphrasesLeaveTheSettingsOpenToIt(FxRobot robot) throws Exception {
        openDesk(robot);
        robot.clickOn("#supervisorLink");
        awaitSignIn(robot);
        assertThat(robot.lookup(".audit-login-title").queryLabeled().getText())
                .isEqualTo(texts.get("audit.login.title.signIn"));
        type(robot, "#supervisorField", "zhang-sup");
        lockOut(robot, "audit.notice.LOCKED");
        assertThat(SupervisorCredential.beside(paths.defaultAuditDatabase(), Clock.systemUTC()).lockedUntil())
                .isPresent();
        closeTheOpenScreen(robot);

        robot.clickOn("#settingsLink");
        awaitSignIn(robot);
        assertThat(robot.lookup(".audit-login-title").queryLabeled().getText())
                .isEqualTo(texts.get("settings.login.title.signIn"))
                .isNotEqualTo(texts.get("audit.login.title.signIn"));
        assertThat(text(robot, "#loginNotice")).isEmpty();
        type(robot, "#supervisorField", "it-wang");
        type(robot, "#passphraseField", IT);
        robot.type(KeyCode.ENTER);

        await(() -> robot.lookup("#field-endpoint").tryQuery().isPresent());
        assertThat(accessDetails()).contains("OPEN_SETTINGS IT settings screen")
                .noneMatch(d -> d.startsWith("LOCKED_OUT IT settings screen"));
    }

    @Test
    void fiveWrongItPassphrasesLeaveTheAuditOpenToTheSupervisor(FxRobot robot) throws Exception {
        openDesk(robot);
        robot.clickOn("#settingsLink");
        awaitSignIn(robot);
        type(robot, "#supervisorField", "it-wang");
        lockOut(robot, "settings.login.notice.LOCKED");
        assertThat(SupervisorCredential.itBeside(paths.defaultAuditDatabase(), Clock.systemUTC()).lockedUntil())
                .isPresent();
        closeTheOpenScreen(robot);

        robot.clickOn("#supervisorLink");
        awaitSignIn(robot);
        assertThat(text(robot, "#loginNotice")).isEmpty();
        type(robot, "#supervisorField", "zhang-sup");
        type(robot, "#passphraseField", SUPERVISOR);
        robot.type(KeyCode.ENTER);

        await(() -> robot.lookup("#passphraseField").tryQuery().isEmpty());
        assertThat(SupervisorCredential.beside(paths.defaultAuditDatabase(), Clock.systemUTC()).lockedUntil())
                .isEmpty();
        assertThat(accessDetails()).contains("OPEN_AUDIT supervisor's screen")
                .anyMatch(d -> d.startsWith("LOCKED_OUT IT settings screen: " + SupervisorCredential.MAX_FAILURES
                        + " wrong passphrases"));
    }

    /** Five wrong passphrases: the count goes down, then the lock-out, in the words of {@code lockedKey}. */
    private void lockOut(FxRobot robot, String lockedKey) throws TimeoutException {
        for (int left = SupervisorCredential.MAX_FAILURES - 1; left > 0; left--) {
            type(robot, "#passphraseField", WRONG);
            robot.type(KeyCode.ENTER);
            String expected = texts.get("audit.notice.WRONG_PASSPHRASE", left);
            await(() -> text(robot, "#loginNotice").equals(expected));
        }
        type(robot, "#passphraseField", WRONG);
        robot.type(KeyCode.ENTER);
        String pattern = texts.get(lockedKey, "\u0000");
        String lockedStart = pattern.substring(0, pattern.indexOf('\u0000'));
        await(() -> text(robot, "#loginNotice").startsWith(lockedStart));
    }

    private static void awaitSignIn(FxRobot robot) throws TimeoutException {
        await(() -> robot.lookup("#passphraseField").tryQuery().map(Node::isVisible).orElse(false)
                && !robot.lookup("#signInButton").queryButton().isDisabled());
    }

    private static void closeTheOpenScreen(FxRobot robot) throws TimeoutException {
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        await(() -> robot.lookup("#passphraseField").tryQuery().isEmpty());
    }

    private List<String> accessDetails() throws Exception {
        List<String> details = new ArrayList<>();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + paths.defaultAuditDatabase());
             var rows = connection.createStatement().executeQuery(
                     "SELECT action, detail FROM access_entry ORDER BY seq")) {
            while (rows.next()) {
                details.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        return details;
    }

    private static void await(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(node -> ((Labeled) node).getText()).orElse("");
    }

    private static void type(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
        assertThat(robot.lookup(query).queryAs(TextField.class).getText()).isEqualTo(text);
    }
}
