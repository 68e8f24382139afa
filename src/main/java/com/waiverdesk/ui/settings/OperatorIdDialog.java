package com.waiverdesk.ui.settings;

import com.waiverdesk.ui.common.DialogButtons;
import com.waiverdesk.ui.common.Texts;
import com.waiverdesk.ui.common.UiFont;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
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
        DialogButtons.closeAfterTheEvent(dialog, ok); // not during the Enter that pressed it (a GTK crash)
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
}
