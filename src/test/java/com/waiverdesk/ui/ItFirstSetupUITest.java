package com.waiverdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.app.AppPaths;
import com.waiverdesk.app.Config;
import com.waiverdesk.app.ConfigOptions;
import com.waiverdesk.app.ConnectionTexts;
import com.waiverdesk.app.Desk;
import com.waiverdesk.app.LoadedConfig;
import com.waiverdesk.app.Wiring;
import com.waiverdesk.app.secret.SecretStore;
import com.waiverdesk.app.secret.SecretStores;
import com.waiverdesk.mock.MockAccount;
import com.waiverdesk.mock.MockVerificationService;
import com.waiverdesk.ui.admission.AdmissionView;
import com.waiverdesk.ui.admission.AdmissionViewModel;
import com.waiverdesk.ui.common.FxBackgroundRunner;
import com.waiverdesk.ui.common.FxScheduler;
import com.waiverdesk.ui.common.Texts;
import com.waiverdesk.verification.ConnectionReport;
import com.waiverdesk.verification.Diagnosis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
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
 * IT's whole first setup, as IT does it: a desk with no configuration (the demo), the settings screen, the service's
 * URL, account and secret typed, Test connection, Save, then a restart from what was saved (the per-user file and the
 * secret store) and a check of a demo person answered by the service. The service knows only an account and secret
 * the demo never uses, so the answered check proves the typed secret was stored and used.
 */
@ExtendWith(ApplicationExtension.class)
class ItFirstSetupUITest {
    private static final String ACCOUNT = "H310104-0042";
    private static final String SECRET = "synthetic-it-setup-secret-5e1f";
    private static final String PASSPHRASE = "synthetic-it-passphrase-7";
    /** 王秀英 of the built-in registry (docs/mock-service.md): 低保, open-ended. */
    private static final String WAIVE_NAME = "王秀英";
    private static final String WAIVE_ID = "310101195203140028";

    @TempDir
    Path dir;

    private String savedStoreMode;
    private final FxBackgroundRunner runner = new FxBackgroundRunner();
    private Desk restarted;
    private SecretStore store;

    /** The encrypted file in the test's data folder, never this machine's keyring. */
    @BeforeEach
    void useTheFileStore() {
        savedStoreMode = System.getProperty(SecretStores.MODE_PROPERTY);
        System.setProperty(SecretStores.MODE_PROPERTY, "file");
    }

    @AfterEach
    void restore(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream().filter(w -> w instanceof Stage).map(w -> (Stage) w)
                .filter(s -> s.getTitle() != null && s.getTitle().contains("WaiverDesk")).toList()
                .forEach(Stage::hide));
        if (restarted != null) {
            restarted.close();
        }
        if (store != null) {
            store.close();
        }
        runner.close();
        if (savedStoreMode == null) {
            System.clearProperty(SecretStores.MODE_PROPERTY);
        } else {
            System.setProperty(SecretStores.MODE_PROPERTY, savedStoreMode);
        }
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 100, 100));
        stage.show();
    }

    @Test
    void aTypedSecretIsStoredAndAfterARestartTheDeskChecksWithIt(FxRobot robot) throws Exception {
        Texts texts = new Texts(Locale.SIMPLIFIED_CHINESE);
        ConnectionTexts words = new ConnectionTexts(Locale.SIMPLIFIED_CHINESE);
        AppPaths paths = new AppPaths(dir.resolve("config"), dir.resolve("data"), dir.resolve("logs"), null);
        Map<String, String> env = Map.of("HOSTNAME", "ADM-W05");
        try (MockVerificationService service = MockVerificationService.builder()
                .account(new MockAccount(ACCOUNT, SECRET.getBytes(StandardCharsets.UTF_8), true)).start()) {
            ConfigOptions options = new ConfigOptions();
            LoadedConfig first = options.load(paths, env);
            assertThat(first.config().isDemo()).isTrue();
            robot.interact(() -> new DeskWindow(first, null, options, paths, false, null).show());
            await(() -> robot.lookup("#setUpLink").tryQuery().map(Node::isVisible).orElse(false)
                    && text(robot, "#workstationStatus").contains("ADM-W05"));

            robot.clickOn("#setUpLink");
            await(() -> robot.lookup("#confirmationField").tryQuery().map(Node::isVisible).orElse(false));
            type(robot, "#supervisorField", "it-zhou");
            type(robot, "#passphraseField", PASSPHRASE);
            type(robot, "#confirmationField", PASSPHRASE);
            robot.clickOn("#signInButton");
            await(() -> robot.lookup("#field-endpoint").tryQuery().isPresent()
                    && robot.lookup("#field-endpoint").queryAs(TextField.class).isEditable());

            type(robot, "#field-endpoint", service.baseUrl());
            type(robot, "#field-accountId", ACCOUNT);
            type(robot, "#field-secret", SECRET);
            reveal(robot, robot.lookup("#testConnectionButton").query());
            robot.clickOn("#testConnectionButton");
            awaitNotice(robot, words.diagnosisLine(new ConnectionReport(Diagnosis.OK, List.of(), "127.0.0.1",
                    service.port(), null, 200, null, Duration.ZERO)));

            robot.clickOn("#saveSettingsButton");
            awaitNotice(robot, texts.get("settings.notice.saved", paths.configFile()));
            await(() -> texts.get("settings.secret.stored").equals(text(robot, "#secretState")));
            assertThat(robot.lookup("#field-secret").queryAs(PasswordField.class).getText()).isEmpty();
            assertThat(Files.readString(paths.configFile())).contains(service.baseUrl(), ACCOUNT)
                    .doesNotContain(SECRET);
            // the running desk switched to the service at once
            await(() -> !robot.lookup("#demoBanner").query().isVisible());
            robot.interact(() -> Window.getWindows().stream().filter(w -> w instanceof Stage).map(w -> (Stage) w)
                    .filter(s -> s.getTitle() != null && s.getTitle().contains("WaiverDesk")).toList()
                    .forEach(Stage::hide));

            // the restart: what a new start reads (the per-user file, then the same user's secret store)
            Config saved = new ConfigOptions().load(paths, env).config();
            assertThat(saved.isDemo()).isFalse();
            assertThat(saved.secretFile()).isNull();
            store = SecretStores.open(paths);
            restarted = Wiring.start(saved, store);
            AdmissionViewModel model = new AdmissionViewModel(runner, new FxScheduler(), Clock.systemDefaultZone());
            AdmissionView view = WaitForAsyncUtils.asyncFx(() -> {
                Stage stage = new Stage();
                stage.setTitle("restarted — WaiverDesk");
                AdmissionView shown = new AdmissionView(model, texts);
                Scene scene = new Scene(shown, 900, 720);
                scene.getStylesheets().add(DeskWindow.class.getResource("desk.css").toExternalForm());
                stage.setScene(scene);
                stage.show();
                model.attach(restarted);
                shown.focusFirstField();
                return shown;
            }).get(10, TimeUnit.SECONDS);
            robot.clickOn(robot.from(view).lookup("#nameField").queryAs(TextField.class)).write(WAIVE_NAME);
            robot.clickOn(robot.from(view).lookup("#idField").queryAs(TextField.class)).write(WAIVE_ID)
                    .type(KeyCode.ENTER);

            Node card = robot.from(view).lookup("#resultCard").query();
            Label headline = robot.from(card).lookup(".result-headline").queryAs(Label.class);
            await(() -> card.getStyleClass().contains("waive")
                    && headline.getText().equals(texts.get("decision.WAIVE.title")));
            assertThat(robot.from(view).lookup("#demoBanner").query().isVisible()).isFalse();
            assertThat(answeredChecksIn(saved.auditDatabase())).isEqualTo(1);
        }
    }

    /** Checks in the audit database that the service answered (a match, not a failure to verify). */
    private static int answeredChecksIn(Path database) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             var rows = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM audit_entry WHERE decision = 'WAIVE'")) {
            return rows.getInt(1);
        }
    }

    private static void await(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }

    private static void awaitNotice(FxRobot robot, String expected) throws TimeoutException {
        try {
            await(() -> text(robot, "#settingsNotice").equals(expected));
        } catch (TimeoutException e) {
            throw new AssertionError("the notice says: " + text(robot, "#settingsNotice") + "\n"
                    + text(robot, "#connectionReport"), e);
        }
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(node -> ((Labeled) node).getText()).orElse("");
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
}
