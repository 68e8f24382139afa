package com.waiverdesk.bench;

import com.waiverdesk.Main;
import com.waiverdesk.ui.admission.AdmissionView;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * Starts the desk ({@link Main}, with the given arguments) in this JVM and watches it from outside, through the scene
 * graph, so that no benchmark or training hook is in the program a clerk runs. Prints {@code WINDOW_SHOWN <epoch ms>}
 * when the desk's window is shown and {@code DESK_READY <epoch ms>} when a check can be run (the verify button is
 * enabled), for the start benchmarks ({@code bench startup}, scripts/test-deb.sh). With
 * {@code -Dwaiverdesk.closeWhenReady=true} it then verifies one demo person and closes the window: the packaging's
 * AppCDS training run (scripts/appcds.sh) so records the classes of a start and of a check, and ends by itself.
 */
public final class DeskProbe {
    static final String CLOSE_WHEN_READY = "waiverdesk.closeWhenReady";
    /** A person of the built-in demo registry (synthetic). */
    static final String DEMO_NAME = "王秀英";
    static final String DEMO_ID = "310101195203140028";
    private static final Duration CHECK_LIMIT = Duration.seconds(30);

    private static boolean shownReported;
    private static boolean readyReported;

    private DeskProbe() {
    }

    public static void main(String[] args) {
        // the list is changed on the FX thread once the toolkit runs; the listener is in place before that
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(DeskProbe::watch);
            }
        });
        Main.main(args);
    }

    private static void watch(Window window) {
        window.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            Scene scene = window.getScene();
            if (scene == null || !(scene.getRoot() instanceof AdmissionView) || shownReported) {
                return;
            }
            shownReported = true;
            report("WINDOW_SHOWN");
            Node verify = scene.lookup("#verifyButton");
            if (!verify.isDisabled()) {
                ready(window);
            } else {
                verify.disabledProperty().addListener((obs, was, disabled) -> {
                    if (!disabled) {
                        ready(window);
                    }
                });
            }
            // a desk that cannot start (its card shows the problem) ends a training run at once, without DESK_READY
            Node card = scene.lookup("#resultCard");
            card.getStyleClass().addListener((ListChangeListener<String>) c -> {
                if (!readyReported && card.getStyleClass().contains("problem") && Boolean.getBoolean(CLOSE_WHEN_READY)) {
                    window.hide();
                }
            });
        });
    }

    private static void ready(Window window) {
        if (readyReported) {
            return;
        }
        readyReported = true;
        report("DESK_READY");
        if (Boolean.getBoolean(CLOSE_WHEN_READY)) {
            checkOnceThenClose(window);
        }
    }

    /** Verifies the demo person as a clerk would (name, ID, verify), then closes the window when the card answers. */
    private static void checkOnceThenClose(Window window) {
        Scene scene = window.getScene();
        Node card = scene.lookup("#resultCard");
        card.getStyleClass().addListener((ListChangeListener<String>) c -> {
            for (String answered : new String[] {"waive", "reduce", "charge", "cannot-verify", "invalid-input", "problem"}) {
                if (card.getStyleClass().contains(answered)) {
                    window.hide();
                    return;
                }
            }
        });
        PauseTransition limit = new PauseTransition(CHECK_LIMIT);
        limit.setOnFinished(e -> window.hide());
        limit.play();
        ((TextInputControl) scene.lookup("#nameField")).setText(DEMO_NAME);
        ((TextInputControl) scene.lookup("#idField")).setText(DEMO_ID);
        ((Button) scene.lookup("#verifyButton")).fire();
    }

    private static void report(String marker) {
        System.out.println(marker + " " + System.currentTimeMillis());
        System.out.flush();
    }
}
