package com.waiverdesk.ui.common;

import javafx.scene.Node;
import javafx.scene.control.ButtonBase;

/**
 * A button that is disabled while its work runs loses the focus to the next button; when the work ends the focus
 * comes back to it. Otherwise the next Enter pressed the neighbour: "Close" (throwing away unsaved settings) after
 * "Test connection", "Change passphrase…" after "Verify" or "Export".
 */
public final class FocusReturn {
    private FocusReturn() {
    }

    /** For each button: focus lost because it was disabled returns when it is enabled, if another button took it. */
    public static void whenEnabledAgain(ButtonBase... buttons) {
        for (ButtonBase button : buttons) {
            boolean[] lostToDisable = {false};
            button.focusedProperty().addListener((obs, was, focused) -> {
                if (!focused && button.isDisabled()) {
                    lostToDisable[0] = true;
                }
            });
            button.disabledProperty().addListener((obs, was, disabled) -> {
                if (disabled) {
                    lostToDisable[0] |= button.isFocused();
                    return;
                }
                if (lostToDisable[0] && button.getScene() != null) {
                    lostToDisable[0] = false;
                    Node owner = button.getScene().getFocusOwner();
                    // only where the toolkit moved it, to a neighbouring button; a field the user went to keeps it
                    if (owner == null || owner instanceof ButtonBase) {
                        button.requestFocus();
                    }
                }
            });
        }
    }
}
