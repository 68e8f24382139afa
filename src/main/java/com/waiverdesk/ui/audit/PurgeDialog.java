package com.waiverdesk.ui.audit;

import com.waiverdesk.ui.common.DialogButtons;
import com.waiverdesk.ui.common.Texts;
import com.waiverdesk.ui.common.UiFont;
import java.time.LocalDate;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DateCell;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for the day before which entries are deleted, and makes the supervisor confirm it; days within the retention
 * period cannot be picked (and the model refuses them anyway).
 */
final class PurgeDialog extends Dialog<LocalDate> {
    PurgeDialog(AuditJobs jobs, Texts texts, Window owner) {
        initOwner(owner);
        getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        UiFont.apply(getDialogPane());
        setTitle(texts.get("audit.purge.title"));
        setHeaderText(texts.get("audit.purge.header"));
        LocalDate latest = jobs.latestPurgeDate();
        DatePicker day = new DatePicker(latest);
        day.setId("purgeDate");
        day.setConverter(FilterBar.ISO_DAYS);
        day.setDayCellFactory(picker -> new DateCell() {
            @Override
            public void updateItem(LocalDate item, boolean empty) {
                super.updateItem(item, empty);
                setDisable(empty || item.isAfter(latest));
            }
        });
        Label dayLabel = new Label(texts.get("audit.purge.date"));
        dayLabel.setLabelFor(day);
        Label explanation = new Label(texts.get("audit.purge.text", jobs.retentionDays(), latest.toString()));
        explanation.setWrapText(true);
        explanation.setMaxWidth(480);
        HBox dayRow = new HBox(10, dayLabel, day);
        VBox content = new VBox(14, explanation, dayRow);
        content.getStyleClass().add("audit-dialog");
        getDialogPane().setContent(content);
        ButtonType purge = new ButtonType(texts.get("audit.purge.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(texts.get("audit.button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().addAll(purge, cancel);
        getDialogPane().lookupButton(purge).getStyleClass().add("danger");
        // Enter must not purge by accident: the cancel button is the default
        ((Button) getDialogPane().lookupButton(purge)).setDefaultButton(false);
        ((Button) getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        setResultConverter(button -> button == purge && day.getValue() != null ? day.getValue() : null);
        // closed after the key press that chose, not during it (a GTK crash: DialogButtons)
        DialogButtons.closeAfterTheEvent(this, purge, cancel);
    }
}
