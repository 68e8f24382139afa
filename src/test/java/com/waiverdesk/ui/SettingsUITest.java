package com.waiverdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.app.AppPaths;
import com.waiverdesk.app.ConfigException;
import com.waiverdesk.app.ConfigOptions;
import com.waiverdesk.app.ConnectionTexts;
import com.waiverdesk.app.secret.EncryptedFileStore;
import com.waiverdesk.app.secret.SecretStores;
import com.waiverdesk.mock.MockAccount;
import com.waiverdesk.mock.MockVerificationService;
import com.waiverdesk.verification.ConnectionStep;
import com.waiverdesk.verification.Diagnosis;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import com.waiverdesk.app.LoadedConfig;
import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.ui.common.Texts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ScrollPane;
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
 * The real desk window on the built-in demo with real files: a first run offers the setup, IT signs in (setting the
 * passphrase), changes settings and saves, and the running desk uses them at once; "ask at start" asks the clerk.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsUITest {
    private static final String PASSPHRASE = "synthetic-passphrase-1";

    @TempDir
    Path dir;

    private AppPaths paths;
    private String savedStoreMode;

    /** The encrypted file in the test's data folder, never this machine's keyring (nor its probe's seconds). */
    @BeforeEach
    void useTheFileStore() {
        savedStoreMode = System.getProperty(SecretStores.MODE_PROPERTY);
        System.setProperty(SecretStores.MODE_PROPERTY, "file");
    }

    @AfterEach
    void restoreTheStoreMode() {
        if (savedStoreMode == null) {
            System.clearProperty(SecretStores.MODE_PROPERTY);
        } else {
            System.setProperty(SecretStores.MODE_PROPERTY, savedStoreMode);
        }
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new StackPane(), 100, 100));
        stage.show();
    }

    @AfterEach
    void closeWindows(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream().filter(w -> w instanceof Stage).map(w -> (Stage) w)
                .filter(s -> s.getTitle() != null && s.getTitle().contains("WaiverDesk")).toList()
                .forEach(Stage::hide));
    }

    private void openDesk(FxRobot robot, String userConfig) throws IOException, ConfigException {
        openDesk(robot, userConfig, null);
    }

    private void openDesk(FxRobot robot, String userConfig, Path machineFile) throws IOException, ConfigException {
        paths = new AppPaths(dir.resolve("config"), dir.resolve("data"), dir.resolve("logs"), machineFile);
        if (userConfig != null) {
            Files.createDirectories(paths.configDir());
            Files.writeString(paths.configFile(), userConfig);
        }
        ConfigOptions options = new ConfigOptions();
        LoadedConfig loaded = options.load(paths, Map.of("HOSTNAME", "ADM-W03"));
        robot.interact(() -> new DeskWindow(loaded, null, options, paths, false, null).show());
    }

    private java.util.List<String> accessActions() throws java.sql.SQLException {
        java.util.List<String> actions = new java.util.ArrayList<>();
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + paths.defaultAuditDatabase());
             var rows = connection.createStatement().executeQuery("SELECT action FROM access_entry ORDER BY seq")) {
            while (rows.next()) {
                actions.add(rows.getString(1));
            }
        }
        return actions;
    }

    private static void await(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(node -> ((javafx.scene.control.Labeled) node).getText()).orElse("");
    }

    private static void type(FxRobot robot, String query, String text) {
        reveal(robot, robot.lookup(query).query());
        robot.clickOn(query);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
    }

    /** Scrolls the settings form so that the node is in view, as IT would before clicking it. */
    private static void reveal(FxRobot robot, Node node) {
        robot.interact(() -> {
            // a report that just appeared under the buttons has shrunk the form: lay out before measuring
            node.getScene().getRoot().applyCss();
            node.getScene().getRoot().layout();
            for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
                if (parent instanceof ScrollPane scroll) {
                    Node content = scroll.getContent();
                    double top = content.sceneToLocal(node.localToScene(node.getLayoutBounds())).getMinY();
                    double room = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
                    if (room > 0) {
                        scroll.setVvalue(Math.max(0, Math.min(1, (top - 20) / room)));
                    }
                    return;
                }
            }
        });
    }

    /** Sets IT's passphrase (the settings' own) at first use and waits until the settings can be edited. */
    private static void signInFirstTime(FxRobot robot) throws TimeoutException {
        await(() -> robot.lookup("#confirmationField").tryQuery().map(Node::isVisible).orElse(false));
        type(robot, "#supervisorField", "it-wang");
        type(robot, "#passphraseField", PASSPHRASE);
        type(robot, "#confirmationField", PASSPHRASE);
        robot.clickOn("#signInButton");
        await(() -> robot.lookup("#field-endpoint").tryQuery().isPresent()
                && robot.lookup("#field-endpoint").queryAs(TextField.class).isEditable());
    }

    @Test
    void aFirstRunIsSetUpFromTheDemoBannerAndTheDeskUsesTheSavedSettingsAtOnce(FxRobot robot) throws Exception {
        Texts texts = new Texts(Locale.SIMPLIFIED_CHINESE);
        openDesk(robot, null);
        await(() -> text(robot, "#workstationStatus").contains("ADM-W03"));
        Hyperlink setUp = robot.lookup("#setUpLink").queryAs(Hyperlink.class);
        assertThat(setUp.isVisible()).isTrue();

        robot.clickOn(setUp);
        signInFirstTime(robot);
        type(robot, "#field-workstation", "ADM-W77");
        type(robot, "#field-autoClearSeconds", "0");
        assertThat(text(robot, "#note-autoClearSeconds"))
                .isEqualTo(texts.get("settings.problem.wholeNumber", texts.get("settings.field.autoClearSeconds")));
        assertThat(robot.lookup("#saveSettingsButton").queryButton().isDisabled()).isTrue();
        type(robot, "#field-autoClearSeconds", "45");
        robot.clickOn("#saveSettingsButton");

        try {
            await(() -> text(robot, "#settingsNotice").equals(texts.get("settings.notice.saved", paths.configFile())));
        } catch (TimeoutException e) {
            throw new AssertionError("the notice says: " + text(robot, "#settingsNotice"), e);
        }
        await(() -> text(robot, "#workstationStatus").contains("ADM-W77"));
        assertThat(Files.readString(paths.configFile())).contains("\"workstation\" : \"ADM-W77\"")
                .contains("\"autoClearSeconds\" : 45");
        assertThat(accessActions()).contains(AccessEvent.Action.OPEN_SETTINGS.name(),
                AccessEvent.Action.SETTINGS_SAVED.name());
    }

    @Test
    void testConnectionAgainstARunningMockShowsTheDiagnosisTheActionAndEachStep(FxRobot robot) throws Exception {
        Texts texts = new Texts(Locale.ENGLISH);
        ConnectionTexts words = new ConnectionTexts(Locale.ENGLISH);
        try (MockVerificationService mock = MockVerificationService.startDemo()) {
            String rightSecret = new String(mock.secret(), StandardCharsets.UTF_8);
            openDesk(robot, "{\"language\": \"en\"}");
            await(() -> robot.lookup("#settingsLink").tryQuery().map(Node::isVisible).orElse(false));
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
            signInFirstTime(robot);
            // the store named in the screen's language, not by its English description
            String where = texts.get("settings.secret.where.store", texts.get("settings.secret.kind.encryptedFile",
                    new EncryptedFileStore(paths.dataDir()).file()));
            await(() -> text(robot, "#note-secretFile").equals(where));
            type(robot, "#field-endpoint", mock.baseUrl());
            type(robot, "#field-accountId", MockAccount.DEMO_ID);
            type(robot, "#field-secret", rightSecret);
            robot.clickOn("#testConnectionButton");

            String ok = words.diagnosisLine(report(Diagnosis.OK, mock.port()));
            awaitNotice(robot, ok);
            assertThat(robot.lookup("#settingsNotice").query().getStyleClass()).contains("good");
            String steps = text(robot, "#connectionReport");
            assertThat(steps).startsWith(words.actionLine(Diagnosis.OK))
                    .contains(words.stepName(ConnectionStep.DNS), words.stepName(ConnectionStep.ANSWER) + ": passed");
            assertThat(steps.lines()).hasSize(1 + ConnectionStep.values().length + 1);

            type(robot, "#field-secret", "synthetic-wrong-secret-0815");
            robot.clickOn("#testConnectionButton");

            awaitNotice(robot, words.diagnosisLine(report(Diagnosis.BAD_SIGNATURE, mock.port())));
            assertThat(robot.lookup("#settingsNotice").query().getStyleClass()).contains("problem");
            assertThat(text(robot, "#connectionReport")).startsWith(words.actionLine(Diagnosis.BAD_SIGNATURE))
                    .contains("BAD_SIGNATURE");
            for (String shown : robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class).stream()
                    .map(javafx.scene.control.Label::getText).toList()) {
                assertThat(shown).doesNotContain(rightSecret).doesNotContain("synthetic-wrong-secret-0815");
            }
            assertThat(paths.configFile()).exists();
            assertThat(Files.readString(paths.configFile())).doesNotContain("endpoint");
        }
    }

    /** The engine's report as far as its sentence needs it: the diagnosis and the mock's host and port. */
    private static com.waiverdesk.verification.ConnectionReport report(Diagnosis diagnosis, int port) {
        return new com.waiverdesk.verification.ConnectionReport(diagnosis, List.of(), "127.0.0.1", port, null, 200,
                null, Duration.ZERO);
    }

    private static void awaitNotice(FxRobot robot, String expected) throws TimeoutException {
        try {
            await(() -> text(robot, "#settingsNotice").equals(expected));
        } catch (TimeoutException e) {
            throw new AssertionError("the notice says: " + text(robot, "#settingsNotice") + "\n"
                    + text(robot, "#connectionReport"), e);
        }
    }

    @Test
    void askAtStartAsksTheClerkBeforeTheDeskStartsAndShowsTheId(FxRobot robot) throws Exception {
        Texts texts = new Texts(Locale.ENGLISH);
        openDesk(robot, "{\"operatorIdMode\": \"ask\", \"language\": \"en\"}");
        await(() -> robot.lookup("#operatorIdField").tryQuery().isPresent());
        assertThat(text(robot, "#operatorStatus")).isEmpty();
        assertThat(robot.lookup("#setUpLink").queryAs(Hyperlink.class).isVisible()).isFalse();

        robot.clickOn("#operatorIdField").write("x".repeat(33));
        assertThat(text(robot, "#operatorIdProblem")).isEqualTo(texts.get("operator.ask.invalid", 32));
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        assertThat(robot.lookup("#operatorIdField").tryQuery()).isPresent();
        robot.interact(() -> robot.lookup("#operatorIdField").queryAs(TextField.class).setText(""));
        robot.write("w03-zhao").press(KeyCode.ENTER).release(KeyCode.ENTER);

        await(() -> text(robot, "#operatorStatus").equals(texts.get("status.operator", "w03-zhao")));
        assertThat(robot.lookup("#operatorIdField").tryQuery()).isEmpty();
        assertThat(robot.lookup("#settingsLink").queryAs(Hyperlink.class).isVisible()).isTrue();
    }

    @Test
    void aUsersFileChangingALockedSettingOpensTheDeskWithITsValueAndSaysSo(FxRobot robot) throws Exception {
        Texts texts = new Texts(Locale.ENGLISH);
        Path machine = dir.resolve("etc/config.json");
        Files.createDirectories(machine.getParent());
        Files.writeString(machine, "{\"workstation\": \"ADM-IT01\", \"locked\": [\"workstation\"]}");

        openDesk(robot, "{\"workstation\": \"MY-OWN\", \"language\": \"en\"}", machine);

        await(() -> text(robot, "#workstationStatus").equals(texts.get("status.workstation", "ADM-IT01")));
        assertThat(text(robot, "#itNote")).isEqualTo(texts.get("banner.lockedIgnored", "workstation"));
        assertThat(robot.lookup("#itNote").query().isVisible()).isTrue();
        assertThat(robot.lookup("#setUpLink").queryAs(Hyperlink.class).isVisible()).isFalse();
    }
}
