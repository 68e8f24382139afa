package com.waiverdesk.ui.admission;

import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * A keyboard-wedge scanner: each character as Shift (for capitals and '_'), key pressed, key typed and key released,
 * posted to the FX thread one character per millisecond from another thread, the way the OS delivers a scanner's
 * keys; then Enter. The robot's own {@code write} waits for the FX thread after every key, which is no scanner.
 */
final class KeyboardWedge {
    private static final long GAP_NANOS = 1_000_000;

    private KeyboardWedge() {
    }

    /** Types {@code text} and Enter into whatever has the focus in {@code scene}; returns when all keys are posted. */
    static void scan(Scene scene, String text) {
        for (char c : text.toCharArray()) {
            Platform.runLater(() -> type(scene, c));
            // the scanner's pace: this is the input's timing, not a wait for the window
            LockSupport.parkNanos(GAP_NANOS);
        }
        Platform.runLater(() -> {
            fire(scene, new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.ENTER,
                    false, false, false, false));
            fire(scene, new KeyEvent(KeyEvent.KEY_TYPED, "\r", "", KeyCode.UNDEFINED, false, false, false, false));
            fire(scene, new KeyEvent(KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.ENTER,
                    false, false, false, false));
        });
    }

    private static void type(Scene scene, char c) {
        boolean shift = Character.isUpperCase(c) || c == '_';
        KeyCode code = code(c);
        if (shift) {
            fire(scene, new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.SHIFT,
                    true, false, false, false));
        }
        fire(scene, new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "", code, shift, false, false, false));
        fire(scene, new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED,
                shift, false, false, false));
        fire(scene, new KeyEvent(KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, "", code, shift, false, false, false));
        if (shift) {
            fire(scene, new KeyEvent(KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.SHIFT,
                    false, false, false, false));
        }
    }

    private static KeyCode code(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            return KeyCode.valueOf(String.valueOf(Character.toUpperCase(c)));
        }
        if (c >= '0' && c <= '9') {
            return KeyCode.valueOf("DIGIT" + c);
        }
        return c == '.' ? KeyCode.PERIOD : c == '-' || c == '_' ? KeyCode.MINUS : KeyCode.UNDEFINED;
    }

    /** As the scene delivers a key: to the focus owner, through the window's and the scene's filters. */
    private static void fire(Scene scene, KeyEvent event) {
        Node target = scene.getFocusOwner();
        Event.fireEvent(target != null ? target : scene.getRoot(), event);
    }
}
