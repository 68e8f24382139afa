package com.waiverdesk.ui.settings;

import com.waiverdesk.ui.common.Texts;
import com.waiverdesk.ui.common.UiFont;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Ask at start" ({@code operatorIdMode: ask}): before the first check the clerk types their operator id. There is no
 * cancel: without an id the desk cannot record who checked.
 */
public final class OperatorIdDialog {
    private OperatorIdDialog() {
    }

    /** Shows the question over {@code owner}; {@code onId} gets the accepted id on the FX thread. */
    public static void ask(Texts texts, Window owner, String suggestion, Consumer<String> onId) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        UiFont.apply(dialog.getDialogPane());
        dialog.setTitle(texts.get("operator.ask.title"));
        dialog.setHeaderText(texts.get("operator.ask.header"));
        TextField field = new TextField();
        field.setId("operatorIdField");
        field.setPromptText(texts.get("operator.ask.prompt", OperatorIdRule.MAX_LENGTH));
        field.setAccessibleText(texts.get("operator.ask.title"));
        Label label = new Label(texts.get("operator.ask.label"));
        label.setLabelFor(field);
        Label problem = new Label();
        problem.setId("operatorIdProblem");
        problem.textProperty().bind(Bindings.createStringBinding(() -> field.getText().isBlank()
                || OperatorIdRule.accept(field.getText()) != null ? ""
                : texts.get("operator.ask.invalid", OperatorIdRule.MAX_LENGTH), field.textProperty()));
        dialog.getDialogPane().setContent(new VBox(8, label, field, problem));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.OK);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(Bindings.createBooleanBinding(
                () -> OperatorIdRule.accept(field.getText()) == null, field.textProperty()));
        closeAfterTheEvent(dialog, ok);
        dialog.setResultConverter(button -> OperatorIdRule.accept(field.getText()));
        if (suggestion != null) {
            field.setText(suggestion);
            field.selectAll();
        }
        dialog.setOnShown(e -> Platform.runLater(field::requestFocus));
        dialog.setOnHidden(e -> {
            String id = dialog.getResult();
            if (id != null) {
                onId.accept(id);
            }
        });
        dialog.show();
    }

    /**
     * OK closes the dialog once the event that pressed it has been handled, not during it. On Linux (JavaFX 21's
     * GTK input-method path) a window closed while glass is still delivering its Enter key press crashed the JVM
     * (SIGSEGV in WindowContextBase::process_key, most runs under Xvfb; never with a mouse click);
     * scripts/test-deb.sh presses Enter in this dialog of the installed program.
     */
    static void closeAfterTheEvent(Dialog<?> dialog, Button ok) {
        boolean[] deferred = {false};
        ok.addEventFilter(ActionEvent.ACTION, event -> {
            if (deferred[0]) {
                return; // the second, deferred press: the dialog's own handler sets the result and closes it
            }
            event.consume();
            Platform.runLater(() -> {
                if (dialog.isShowing() && !ok.isDisabled()) {
                    deferred[0] = true;
                    try {
                        ok.fire();
                    } finally {
                        deferred[0] = false;
                    }
                }
            });
        });
    }
}
