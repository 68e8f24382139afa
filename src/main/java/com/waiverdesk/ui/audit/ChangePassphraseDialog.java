package com.waiverdesk.ui.audit;

import com.waiverdesk.ui.common.DialogButtons;
import com.waiverdesk.ui.common.Texts;
import com.waiverdesk.ui.common.UiFont;
import javafx.beans.value.ChangeListener;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Changes the supervisor passphrase: the current one, the new one twice; stays open until it worked or is cancelled. */
final class ChangePassphraseDialog extends Dialog<ButtonType> {
    ChangePassphraseDialog(LoginViewModel login, AuditWords words, Window owner) {
        Texts texts = words.texts();
        initOwner(owner);
        getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        UiFont.apply(getDialogPane());
        setTitle(texts.get("audit.change.title"));
        setHeaderText(texts.get("audit.change.title"));
        PasswordField old = field("oldPassphrase", texts.get("audit.change.old"));
        PasswordField fresh = field("newPassphrase", texts.get("audit.change.new"));
        PasswordField again = field("newPassphraseAgain", texts.get("audit.change.confirm"));
        GridPane form = new GridPane();
        form.getStyleClass().add("audit-login-form");
        form.addRow(0, label(texts.get("audit.change.old"), old), old);
        form.addRow(1, label(texts.get("audit.change.new"), fresh), fresh);
        form.addRow(2, label(texts.get("audit.change.confirm"), again), again);
        Label notice = new Label();
        notice.getStyleClass().addAll("audit-notice", "problem");
        notice.setWrapText(true);
        notice.setMaxWidth(460);
        VBox content = new VBox(12, form, notice);
        content.getStyleClass().add("audit-dialog");
        getDialogPane().setContent(content);

        ButtonType change = new ButtonType(texts.get("audit.change.submit"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(texts.get("audit.button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().addAll(change, cancel);
        // Esc or Enter on Cancel closes it after that key press, not during it (a GTK crash: DialogButtons)
        DialogButtons.closeAfterTheEvent(this, cancel);
        Node changeButton = getDialogPane().lookupButton(change);
        changeButton.disableProperty().bind(login.busyProperty());
        changeButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            login.change(old.getText(), fresh.getText(), again.getText());
            old.clear();
            fresh.clear();
            again.clear();
        });
        ChangeListener<AuditNotice> outcome = (obs, was, news) -> {
            if (news != null && news.kind() == AuditNotice.Kind.CHANGED) {
                close();
            } else {
                notice.setText(news == null ? "" : words.notice(news));
            }
        };
        login.noticeProperty().addListener(outcome);
        setOnHidden(e -> login.noticeProperty().removeListener(outcome));
        setOnShown(e -> old.requestFocus());
    }

    private static PasswordField field(String id, String accessibleText) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setAccessibleText(accessibleText);
        return field;
    }

    private static Label label(String text, Node field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        return label;
    }
}
