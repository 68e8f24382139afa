package com.waiverdesk.ui;

import com.waiverdesk.app.AppPaths;
import com.waiverdesk.app.Config;
import com.waiverdesk.app.ConfigException;
import com.waiverdesk.app.ConfigOptions;
import com.waiverdesk.app.Desk;
import com.waiverdesk.app.DeskStart;
import com.waiverdesk.app.LoadedConfig;
import com.waiverdesk.app.SettingsStore;
import com.waiverdesk.app.Diagnostics;
import com.waiverdesk.app.Wiring;
import com.waiverdesk.app.secret.SecretStores;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.verification.ConnectionTest;
import com.waiverdesk.ui.admission.AdmissionView;
import com.waiverdesk.ui.admission.AdmissionViewModel;
import com.waiverdesk.app.Supervision;
import com.waiverdesk.ui.audit.AuditServices;
import com.waiverdesk.ui.audit.ServerSignIn;
import com.waiverdesk.ui.audit.SupervisionActions;
import com.waiverdesk.ui.audit.SupervisorGate;
import com.waiverdesk.ui.audit.AuditWindow;
import com.waiverdesk.ui.common.DisplayMemory;
import com.waiverdesk.ui.common.FxBackgroundRunner;
import com.waiverdesk.ui.common.FxScheduler;
import com.waiverdesk.ui.common.Texts;
import com.waiverdesk.ui.common.UiFont;
import com.waiverdesk.ui.settings.ConnectionTester;
import com.waiverdesk.ui.settings.OperatorIdDialog;
import com.waiverdesk.ui.settings.SecretStoreSaver;
import com.waiverdesk.ui.settings.SecretStoreSession;
import com.waiverdesk.ui.settings.ServiceConnectionTester;
import com.waiverdesk.ui.settings.SettingsViewModel;
import com.waiverdesk.ui.settings.SettingsWindow;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The composition of the window: shows the admission screen at once, then wires the desk (audit database,
 * service or built-in demo) in the background and hands it to the view model.
 */
final class DeskWindow {
    private static final System.Logger LOG = System.getLogger(DeskWindow.class.getName());
    private static final int[] ICON_SIZES = {16, 32, 48, 64, 128, 256};
    static final double MIN_WIDTH = 720;
    static final double MIN_HEIGHT = 700;
    private static final KeyCombination OPEN_SUPERVISOR = new KeyCodeCombination(KeyCode.A,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination OPEN_SETTINGS = new KeyCodeCombination(KeyCode.S,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    /** Changed only on the FX thread, when IT saves new settings. */
    private volatile Config config;
    private final ConfigException configProblem;
    private final LoadedConfig loaded;
    /** Where the running configuration came from, for the diagnostics; changed on the FX thread with {@link #config}. */
    private volatile LoadedConfig sources;
    private final AppPaths paths;
    private final SettingsStore settingsStore;
    private final boolean exitOnClose;
    /** The window's words, in the configuration's language (Chinese when there is none). */
    private final Texts texts;
    private final FxBackgroundRunner runner = new FxBackgroundRunner();
    private final AdmissionViewModel model = new AdmissionViewModel(runner, new FxScheduler(), Clock.systemDefaultZone());
    private Desk desk;
    /** The desk being wired (begun by the launcher, or here), until it is attached; FX thread. */
    private DeskStart wiring;
    private AuditWindow auditWindow;
    private SettingsWindow settingsWindow;
    private Stage stage;

    /**
     * Made on any thread (the launcher makes it while the toolkit starts: the words are read meanwhile); shown on
     * the FX thread.
     *
     * @param loaded      the configuration and its sources, or {@code null} with a {@code configProblem}
     * @param options     the command line, for the settings screen's trial and reload
     * @param exitOnClose closing the window ends the toolkit (false in robot tests)
     * @param early       the desk for {@code loaded} already being wired, or {@code null} to wire it here
     */
    DeskWindow(LoadedConfig loaded, ConfigException configProblem, ConfigOptions options, AppPaths paths,
               boolean exitOnClose, DeskStart early) {
        this.wiring = early;
        this.loaded = loaded;
        this.sources = loaded;
        this.config = loaded == null ? null : loaded.config();
        this.configProblem = configProblem;
        this.paths = paths;
        this.settingsStore = new SettingsStore(options, paths, System.getenv());
        this.exitOnClose = exitOnClose;
        this.texts = new Texts(config == null ? Locale.SIMPLIFIED_CHINESE : config.locale());
    }

    void show() {
        AdmissionView view = new AdmissionView(model, texts);
        DisplayMemory.attach(view.readability(), paths.displayPreferencesFile(), runner);
        view.setOnOpenSupervisor(() -> openSupervisor(texts));
        view.setDiagnostics(running -> Diagnostics.collect(running == null ? config : running.config(), sources,
                running == null ? null : running.policyId(), paths.logDir()));
        if (config != null) {
            view.setOnOpenSettings(() -> openSettings(texts));
            if (loaded.isFirstRun()) {
                view.setFirstRunSetup(() -> openSettings(texts));
            }
            view.setLockedNote(loaded.ignoredUserFields());
        }
        Scene scene = new Scene(view, 900, 720);
        scene.getAccelerators().put(OPEN_SUPERVISOR, () -> openSupervisor(texts));
        if (config != null) {
            scene.getAccelerators().put(OPEN_SETTINGS, () -> openSettings(texts));
        }
        scene.getStylesheets().add(Objects.requireNonNull(
                DeskWindow.class.getResource("desk.css"), "desk.css").toExternalForm());
        UiFont.apply(scene);
        stage = new Stage();
        stage.setTitle(texts.get("app.title") + " — WaiverDesk");
        stage.setScene(scene);
        // smaller, the decision card (the point of the window) is cut off or hidden
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        stage.setOnShown(e -> view.focusFirstField());
        stage.setOnHidden(e -> shutdown());
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.log(System.Logger.Level.ERROR, "uncaught in " + thread.getName(), error);
            Platform.runLater(() -> model.unexpected(error));
        });
        stage.show();
        if (configProblem != null) {
            model.startupFailed(configProblem);
            Platform.runLater(this::addIcons);
            return;
        }
        if (config.askOperator()) {
            // the clerk's id before the first check; the window behind it is already drawn
            Platform.runLater(this::addIcons);
            Platform.runLater(() -> OperatorIdDialog.ask(texts, stage, null, id -> {
                config = config.withOperatorId(id);
                startDesk();
            }));
            return;
        }
        startDesk();
    }

    private void startDesk() {
        DeskStart starting = wiring != null ? wiring : DeskStart.begin(config);
        wiring = starting;
        starting.whenDone((ready, error) -> Platform.runLater(() -> {
            if (wiring != starting) {
                return; // the window closed, or new settings were applied, first: abandoned, it closes itself
            }
            wiring = null;
            if (error != null) {
                LOG.log(System.Logger.Level.ERROR, "could not start the desk", error);
                model.startupFailed(error);
                addIcons();
                return;
            }
            desk = ready;
            model.attach(ready);
            addIcons();
            runner.run(() -> {
                ready.warmUp();
                return null;
            }, done -> { }, warmUpError -> LOG.log(System.Logger.Level.WARNING, "warming up the desk", warmUpError));
        }));
    }

    /** IT's settings, in their own window behind IT's passphrase (not the supervisor's). */
    private void openSettings(Texts texts) {
        if (settingsWindow == null) {
            settingsWindow = new SettingsWindow(texts, runner, this::connectSettings, (recorder, secrets, work) -> {
                ConnectionTester tester = new ServiceConnectionTester(settingsStore, secrets, texts,
                        new ConnectionTest(new ObjectMapper(), Clock.systemUTC(), ConnectionTest.DEFAULT_BUDGET));
                String operator = config.operatorId();
                return new SettingsViewModel(settingsStore, new SecretStoreSaver(secrets, texts), tester,
                        next -> Wiring.start(next.askOperator() ? next.withOperatorId(operator) : next,
                                next.isDemo() || next.secretFile() != null ? null : secrets.store()),
                        recorder, work, this::applied);
            }, Clock.systemDefaultZone());
        }
        settingsWindow.show();
    }

    /** New settings were saved and a desk started with them: the clerk's screen switches, the old desk closes. */
    private void applied(SettingsViewModel.Applied applied) {
        abandonWiring();
        Desk old = desk;
        desk = applied.desk();
        config = applied.desk().config();
        sources = applied.loaded();
        model.attach(applied.desk());
        if (old != null) {
            runner.run(() -> {
                old.close();
                return null;
            }, done -> { }, error -> LOG.log(System.Logger.Level.WARNING, "closing the previous desk", error));
        }
        LOG.log(System.Logger.Level.INFO, "settings applied from {0}", applied.loaded().userFile());
    }

    /** On a worker when the settings window opens; the secret store opens meanwhile, while IT signs in. */
    private SettingsWindow.Access connectSettings() throws Exception {
        SecretStoreSession secrets = SecretStoreSession.start(() -> SecretStores.open(paths));
        Supervision supervision;
        try {
            supervision = Supervision.open(config);
        } catch (Exception | Error e) {
            secrets.close();
            throw e;
        }
        return new SettingsWindow.Access(SupervisorGate.of(supervision.itCredential()), supervision.accessLog(),
                config.workstation(), secrets, supervision::close);
    }

    /** The supervisor's audit trail, in its own window; the passphrase keeps clerks out. */
    private void openSupervisor(Texts texts) {
        if (auditWindow == null) {
            auditWindow = new AuditWindow(texts, runner, this::connectAudit, Clock.systemDefaultZone());
        }
        auditWindow.show();
    }

    /**
     * Opens what the supervisor's screen needs, on a worker: the audit database's {@link Supervision} (read side,
     * access log, exports, verification, purge, the passphrase beside the database and the ID hasher of the audit
     * key), closed with the screen.
     */
    private AuditServices connectAudit() throws Exception {
        if (config == null) {
            throw configProblem;
        }
        if (config.isAuditServer()) {
            // the supervisor's own server login; every read recorded by the server (docs/hospital-deployment.md)
            return new ServerSignIn(config, Clock.systemDefaultZone()).services();
        }
        Supervision supervision = Supervision.open(config);
        return new AuditServices(supervision.reader(), supervision.accessLog(),
                SupervisionActions.forOperator(supervision, config.operatorId()),
                SupervisorGate.of(supervision.credential()), supervision.idHasher()::hash, config.workstation(),
                Supervision.MIN_RETENTION_DAYS, supervision::close);
    }

    /** A desk still being wired will not be attached: it closes itself when ready. */
    private void abandonWiring() {
        if (wiring != null) {
            wiring.abandon();
            wiring = null;
        }
    }

    /**
     * Once the desk is ready (or cannot start, or waits for the clerk's id): decoding six icons on JavaFX's loader
     * threads would take CPU time from the desk's start on a 2-core workstation, for a taskbar icon.
     */
    private void addIcons() {
        if (!stage.getIcons().isEmpty()) {
            return;
        }
        for (int size : ICON_SIZES) {
            var url = DeskWindow.class.getResource("/com/waiverdesk/icons/waiverdesk-" + size + ".png");
            if (url != null) {
                stage.getIcons().add(new Image(url.toExternalForm(), true));
            }
        }
    }

    private void shutdown() {
        abandonWiring();
        Desk running = desk;
        Thread closer = new Thread(() -> {
            if (running != null) {
                running.close();
            }
            runner.close();
            if (exitOnClose) {
                Platform.exit();
            }
        }, "desk-shutdown");
        closer.start();
    }

}
