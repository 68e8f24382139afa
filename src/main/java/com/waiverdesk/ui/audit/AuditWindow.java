package com.waiverdesk.ui.audit;

import com.waiverdesk.ui.common.BackgroundRunner;
import com.waiverdesk.ui.common.OpeningWindow;
import com.waiverdesk.ui.common.Texts;
import com.waiverdesk.ui.common.WindowWork;
import java.time.Clock;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * The supervisor's own window, opened from the clerk's: connects to the audit log's read side on a worker, then shows
 * the sign-in and the audit. One at a time; asking again brings it to the front. Closing it releases the reader.
 */
public final class AuditWindow {
    private static final System.Logger LOG = System.getLogger(AuditWindow.class.getName());

    private final Texts texts;
    private final BackgroundRunner runner;
    private final Callable<AuditServices> connect;
    private final Clock clock;
    private Stage stage;
    private AuditViewModel model;
    private AuditServices services;
    /** The open window's tasks: its services close after the last one (a sign-in still being recorded). */
    private WindowWork work;

    /**
     * @param connect opens the read side, access log and actions (blocking: runs on a worker)
     */
    public AuditWindow(Texts texts, BackgroundRunner runner, Callable<AuditServices> connect, Clock clock) {
        this.texts = texts;
        this.runner = runner;
        this.connect = connect;
        this.clock = clock;
    }

    /** Opens the window, or brings the open one to the front. */
    public void show() {
        if (stage != null) {
            stage.toFront();
            stage.requestFocus();
            return;
        }
        OpeningWindow opening = OpeningWindow.show(texts, texts.get("audit.title"), 1280, this::close,
                "desk.css", "audit/audit.css");
        Stage window = opening.stage();
        stage = window;
        // Esc closes the supervisor's screen at every stage (opening, sign-in, the audit), after the key press; a
        // control or dialog that uses Esc itself (a popup, the passphrase dialog) consumes it first
        window.getScene().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                OpeningWindow.closerAfterTheEvent(window).run();
            }
        });
        work = new WindowWork(runner);
        work.run(connect, ready -> attach(window, ready), error -> {
            LOG.log(System.Logger.Level.ERROR, "could not open the audit log for the supervisor", error);
            opening.failed(texts.get("audit.openFailed"));
        });
    }

    private void attach(Stage window, AuditServices ready) {
        if (stage != window) {
            runner.run(() -> closeQuietly(ready), done -> { }, error -> { });
            return;
        }
        services = ready;
        model = new AuditViewModel(ready, work, Platform::runLater, clock);
        window.getScene().setRoot(new AuditScreen(model, texts, clock.getZone(), PathChooser.saveDialog(),
                OpeningWindow.closerAfterTheEvent(window)));
        model.start();
    }

    private void close() {
        stage = null;
        if (model != null) {
            model.close();
            model = null;
        }
        AuditServices opened = services;
        services = null;
        WindowWork pending = work;
        work = null;
        if (opened != null) {
            pending.closeAfterRunning(() -> closeQuietly(opened));
        }
    }

    private static Void closeQuietly(AuditServices opened) {
        try {
            opened.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the audit read side", e);
        }
        return null;
    }
}
