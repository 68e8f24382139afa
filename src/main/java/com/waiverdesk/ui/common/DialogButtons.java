package com.waiverdesk.ui.common;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;

/**
 * Dialog buttons that close the dialog once the event that pressed them has been handled, not during it. On Linux
 * (JavaFX 21's GTK input-method path) a window closed while glass was still delivering its Enter key press crashed
 * the JVM (SIGSEGV in WindowContextBase::process_key; seen with the operator-id dialog in most starts under Xvfb,
 * never with a mouse click). scripts/test-deb.sh presses Enter in that dialog of the installed program.
 */
public final class DialogButtons {
    private DialogButtons() {
    }

    /** For each of {@code types} among the dialog's buttons: pressing it acts on the next pulse. */
    public static void closeAfterTheEvent(Dialog<?> dialog, ButtonType... types) {
        for (ButtonType type : types) {
            closeAfterTheEvent(dialog, (Button) dialog.getDialogPane().lookupButton(type));
        }
    }

    /** Pressing {@code button} (mouse, Space, Enter as the default button, Esc as the cancel button) acts later. */
    public static void closeAfterTheEvent(Dialog<?> dialog, Button button) {
        boolean[] deferred = {false};
        button.addEventFilter(ActionEvent.ACTION, event -> {
            if (deferred[0]) {
                return; // the second, deferred press: the dialog's own handler sets the result and closes it
            }
            event.consume();
            Platform.runLater(() -> {
                if (dialog.isShowing() && !button.isDisabled()) {
                    deferred[0] = true;
                    try {
                        button.fire();
                    } finally {
                        deferred[0] = false;
                    }
                }
            });
        });
    }
}
