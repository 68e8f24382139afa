package com.waiverdesk.ui.settings;

import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AccessLog;
import com.waiverdesk.ui.audit.LoginPane;
import com.waiverdesk.ui.audit.LoginViewModel;
import com.waiverdesk.ui.audit.SupervisorGate;
import com.waiverdesk.ui.common.BackgroundRunner;
import com.waiverdesk.ui.common.OpeningWindow;
import com.waiverdesk.ui.common.Texts;
import com.waiverdesk.ui.common.WindowWork;
import java.time.Clock;
import java.util.concurrent.Callable;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * IT's settings in their own window, behind IT's passphrase (the audit's sign-in with IT's own gate, title and
 * lock-out, apart from the supervisor's; at first use it sets the passphrase): connects to the passphrase and access
 * log on a worker, signs in, then shows the settings. One at a time; asking again brings it to the front.
 */
public final class SettingsWindow {
    private static final System.Logger LOG = System.getLogger(SettingsWindow.class.getName());

    /**
     * What the sign-in needs, opened on a worker when the window opens and released when it closes.
     *
     * @param secrets the workstation's secret store, still opening; closed with the window
     * @param onClose releases what was opened (the audit database's connection)
     */
    public record Access(SupervisorGate gate, AccessLog accessLog, String workstation, SecretStoreSession secrets,
                         Runnable onClose) {
    }

    /** Makes the screen's view model once signed in. */
    public interface Models {
        /**
         * @param recorder records a save as the signed-in IT person
         * @param secrets  this window's secret store
         */
        /** @param work runs the screen's blocking work; the window closes its services after the last task */
        SettingsViewModel create(SettingsViewModel.SaveRecorder recorder, SecretStoreSession secrets,
                                 BackgroundRunner work);
    }

    private final Texts texts;
    private final BackgroundRunner runner;
    private final Callable<Access> connect;
    private final Models models;
    private final Clock clock;
    private Stage stage;
    private Access access;
    /** The open window's tasks: its services close after the last one (a sign-in or save still being recorded). */
    private WindowWork work;

    /**
     * @param connect opens the gate and access log and starts opening the secret store (blocking: runs on a worker)
     * @param models  makes the screen's view model once signed in
     */
    public SettingsWindow(Texts texts, BackgroundRunner runner, Callable<Access> connect, Models models,
                          Clock clock) {
        this.texts = texts;
        this.runner = runner;
        this.connect = connect;
        this.models = models;
        this.clock = clock;
    }

    public void show() {
        if (stage != null) {
            stage.toFront();
            stage.requestFocus();
            return;
        }
        OpeningWindow opening = OpeningWindow.show(texts, texts.get("settings.title"), 900, this::close,
                "desk.css", "audit/audit.css", "settings/settings.css");
        Stage window = opening.stage();
        stage = window;
        work = new WindowWork(runner);
        work.run(connect, ready -> attach(window, ready), error -> {
            LOG.log(System.Logger.Level.ERROR, "could not open the IT passphrase for the settings", error);
            opening.failed(texts.get("settings.openFailed"));
        });
    }

    private void attach(Stage window, Access ready) {
        if (stage != window) {
            runner.run(() -> release(ready), done -> { }, error -> { });
            return;
        }
        access = ready;
        LoginViewModel login = LoginViewModel.forScreen(ready.gate(), ready.accessLog(), clock, ready.workstation(),
                work, AccessEvent.Action.OPEN_SETTINGS, "IT settings screen");
        StackPane root = new StackPane();
        root.getStyleClass().add("audit-screen");
        LoginPane pane = LoginPane.forScreen(login, texts, clock.getZone(),
                OpeningWindow.closerAfterTheEvent(window), LoginPane.Purpose.SETTINGS);
        root.getChildren().setAll(pane);
        login.modeProperty().addListener((obs, old, mode) -> {
            if (mode == LoginViewModel.Mode.SIGNED_IN) {
                SettingsViewModel model = models.create(
                        detail -> login.recordOrRefuse(AccessEvent.Action.SETTINGS_SAVED, detail), ready.secrets(),
                        work);
                SettingsView view = new SettingsView(model, texts, OpeningWindow.closerAfterTheEvent(window));
                root.getChildren().setAll(view);
                model.loadedProperty().addListener((o, was, now) -> {
                    if (now) {
                        view.focusFirstField();
                    }
                });
                model.load();
            }
        });
        window.getScene().setRoot(root);
        login.start();
        pane.focusFirstField();
    }

    private void close() {
        stage = null;
        Access opened = access;
        access = null;
        WindowWork pending = work;
        work = null;
        if (opened != null) {
            pending.closeAfterRunning(() -> release(opened));
        }
    }

    private static Void release(Access opened) {
        opened.secrets().close();
        try {
            opened.onClose().run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the settings' audit connection", e);
        }
        return null;
    }
}
