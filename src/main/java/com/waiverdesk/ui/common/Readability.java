package com.waiverdesk.ui.common;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Text size and contrast for people who need them: Ctrl+plus / Ctrl+minus / Ctrl+0 step the root's font size, and
 * Ctrl+Shift+H switches high contrast, each as a style class on the window's root ({@code scale-150},
 * {@code high-contrast}); the stylesheet sizes everything in em of the root's font, so the layout scales with it.
 */
public final class Readability {
    /** The font sizes offered, in percent of the normal one; each has a {@code .root.scale-N} rule in desk.css. */
    public static final List<Integer> STEPS = List.of(80, 90, 100, 110, 125, 150, 175, 200);
    public static final int NORMAL = 100;
    static final String HIGH_CONTRAST = "high-contrast";

    private final Node root;
    private final ReadOnlyIntegerWrapper percent = new ReadOnlyIntegerWrapper(this, "percent", NORMAL);
    private final BooleanProperty highContrast = new SimpleBooleanProperty(this, "highContrast");

    /** Takes over the root's {@code scale-N} and {@code high-contrast} style classes. */
    public Readability(Node root) {
        this.root = root;
        percent.addListener((obs, old, now) -> {
            root.getStyleClass().remove(styleClass(old.intValue()));
            if (now.intValue() != NORMAL) {
                root.getStyleClass().add(styleClass(now.intValue()));
            }
        });
        highContrast.addListener((obs, was, on) -> {
            root.getStyleClass().remove(HIGH_CONTRAST);
            if (on) {
                root.getStyleClass().add(HIGH_CONTRAST);
            }
        });
    }

    /** Handles the keys on the window (an event filter on the root); consumes the ones it acted on. */
    public void onKey(KeyEvent event) {
        if (!event.isShortcutDown() || event.isAltDown()) {
            return;
        }
        KeyCode code = event.getCode();
        if (code == KeyCode.H && event.isShiftDown()) {
            highContrast.set(!highContrast.get());
        } else if (code == KeyCode.PLUS || code == KeyCode.EQUALS || code == KeyCode.ADD) {
            // "+" is Shift+"=" on most layouts, so Ctrl+= and Ctrl+Shift+= enlarge too
            step(1);
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            step(-1);
        } else if ((code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0) && !event.isShiftDown()) {
            percent.set(NORMAL);
        } else {
            return;
        }
        event.consume();
    }

    private void step(int direction) {
        int index = STEPS.indexOf(percent.get()) + direction;
        percent.set(STEPS.get(Math.max(0, Math.min(STEPS.size() - 1, index))));
    }

    /** Sets the size directly (one of {@link #STEPS}). */
    public void setPercent(int value) {
        if (!STEPS.contains(value)) {
            throw new IllegalArgumentException("no font step " + value + " %");
        }
        percent.set(value);
    }

    public ReadOnlyIntegerProperty percentProperty() {
        return percent.getReadOnlyProperty();
    }

    public BooleanProperty highContrastProperty() {
        return highContrast;
    }

    static String styleClass(int value) {
        return "scale-" + value;
    }
}
