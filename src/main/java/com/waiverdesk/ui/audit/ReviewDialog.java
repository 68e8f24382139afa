package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.ReviewRefusedException;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.ui.common.DialogButtons;
import com.waiverdesk.ui.common.Texts;
import com.waiverdesk.ui.common.UiFont;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for the reason of a review: required to reject, optional (and recorded as given) to approve. Enter confirms,
 * Esc cancels; the result is the reason, {@code null} when cancelled.
 */
final class ReviewDialog extends Dialog<String> {
    ReviewDialog(StoredEntry stored, boolean approve, AuditWords words, Window owner) {
        Texts texts = words.texts();
        AuditEntry e = stored.entry();
        initOwner(owner);
        getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        getDialogPane().setId(approve ? "approveDialog" : "rejectDialog");
        UiFont.apply(getDialogPane());
        setTitle(approve ? texts.get("audit.reviewDialog.approveTitle") : texts.get("audit.reviewDialog.rejectTitle"));
        setHeaderText(texts.get("audit.reviewDialog.header", Long.toString(stored.seq()), e.name(), e.maskedId(),
                e.proof() == null ? words.none() : e.proof().paperNumber(),
                e.proof() == null ? words.none() : e.proof().paperCentre()));
        TextField reason = new TextField();
        reason.setId("reviewReason");
        reason.setPrefColumnCount(36);
        // the access chain takes a sentence, not a document: no more than the store accepts can be typed or pasted.
        // Not a TextFormatter: with one, the field keeps Esc for itself (cancelEdit) and Esc no longer closes the dialog
        reason.textProperty().addListener((obs, old, now) -> {
            if (now != null && now.codePointCount(0, now.length()) > ReviewRefusedException.MAX_REASON_LENGTH) {
                reason.setText(old);
            }
        });
        Label label = new Label(approve ? texts.get("audit.reviewDialog.reason.optional")
                : texts.get("audit.reviewDialog.reason.required"));
        label.setLabelFor(reason);
        reason.setAccessibleText(label.getText());
        VBox content = new VBox(8, label, reason);
        content.getStyleClass().add("audit-dialog");
        getDialogPane().setContent(content);

        ButtonType confirm = new ButtonType(approve ? texts.get("audit.reviewDialog.approve")
                : texts.get("audit.reviewDialog.reject"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(texts.get("audit.button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().addAll(confirm, cancel);
        Button confirmButton = (Button) getDialogPane().lookupButton(confirm);
        confirmButton.setId(approve ? "confirmApprove" : "confirmReject");
        if (!approve) {
            confirmButton.getStyleClass().add("danger");
            confirmButton.disableProperty().bind(reason.textProperty().map(String::isBlank).orElse(true));
        }
        setResultConverter(button -> button == confirm ? reason.getText().strip() : null);
        // closed after the key press that chose, not during it (a GTK crash: DialogButtons)
        DialogButtons.closeAfterTheEvent(this, confirm, cancel);
        // after the dialog gave the focus to its default button
        setOnShown(ev -> javafx.application.Platform.runLater(reason::requestFocus));
    }
}
