package com.waiverdesk.ui.audit;

import com.waiverdesk.app.SupervisorCredential;
import com.waiverdesk.ui.common.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Sign-in, or setting the passphrase at first use: name, passphrase (twice at first use), Enter, Esc. */
public final class LoginPane extends VBox {
    /** Which screen the sign-in opens: the words of its title, hint and button. */
    public enum Purpose { AUDIT, SETTINGS }

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Purpose purpose;
    private final ZoneId zone;
    private final LoginViewModel model;
    private final AuditWords words;
    private final Texts texts;
    private final Label title = new Label();
    private final Label hint = new Label();
    private final Label notice = new Label();
    private final TextField name = new TextField();
    private final PasswordField passphrase = new PasswordField();
    private final PasswordField confirmation = new PasswordField();
    private final Label confirmationLabel;
    private final Button submit = new Button();

    LoginPane(LoginViewModel model, AuditWords words, Runnable close) {
        this(model, words, close, Purpose.AUDIT, ZoneId.systemDefault());
    }

    /** The sign-in in front of another screen than the audit. */
    public static LoginPane forScreen(LoginViewModel model, Texts texts, ZoneId zone, Runnable close,
                                      Purpose purpose) {
        return new LoginPane(model, new AuditWords(texts, zone), close, purpose, zone);
    }

    /** @param zone of the lock-out's end in IT's own sentence (the audit's sentences come from {@code words}) */
    private LoginPane(LoginViewModel model, AuditWords words, Runnable close, Purpose purpose, ZoneId zone) {
        this.purpose = purpose;
        this.zone = zone;
        this.model = model;
        this.words = words;
        this.texts = words.texts();
        getStyleClass().add("audit-login");
        setAlignment(Pos.CENTER_LEFT);
        setMaxWidth(USE_PREF_SIZE);
        setMaxHeight(USE_PREF_SIZE);
        title.getStyleClass().add("audit-login-title");
        hint.getStyleClass().add("audit-login-hint");
        hint.setWrapText(true);
        notice.setId("loginNotice");
        notice.getStyleClass().add("audit-notice");
        notice.setWrapText(true);

        Label nameLabel = new Label(model.onServer() ? texts.get("audit.login.serverLogin")
                : texts.get("audit.login.name"));
        // on the audit server the supervisor's own login and its password, not a shared passphrase
        Label passLabel = new Label(model.onServer() ? texts.get("audit.login.password")
                : texts.get("audit.login.passphrase"));
        confirmationLabel = new Label(texts.get("audit.login.confirm"));
        for (Label label : List.of(nameLabel, passLabel, confirmationLabel)) {
            label.setMinWidth(USE_PREF_SIZE);
        }
        nameLabel.setLabelFor(name);
        passLabel.setLabelFor(passphrase);
        confirmationLabel.setLabelFor(confirmation);
        name.setId("supervisorField");
        passphrase.setId("passphraseField");
        confirmation.setId("confirmationField");
        name.setAccessibleText(nameLabel.getText());
        passphrase.setAccessibleText(passLabel.getText());
        confirmation.setAccessibleText(texts.get("audit.login.confirm"));
        name.textProperty().bindBidirectional(model.supervisorProperty());
        passphrase.textProperty().bindBidirectional(model.passphraseProperty());
        confirmation.textProperty().bindBidirectional(model.confirmationProperty());
        confirmation.visibleProperty().bind(model.modeProperty().isEqualTo(LoginViewModel.Mode.FIRST_USE));
        confirmation.managedProperty().bind(confirmation.visibleProperty());
        confirmationLabel.visibleProperty().bind(confirmation.visibleProperty());
        confirmationLabel.managedProperty().bind(confirmation.visibleProperty());

        GridPane form = new GridPane();
        form.getStyleClass().add("audit-login-form");
        form.addRow(0, nameLabel, name);
        form.addRow(1, passLabel, passphrase);
        form.addRow(2, confirmationLabel, confirmation);

        submit.setId("signInButton");
        submit.setDefaultButton(true);
        submit.disableProperty().bind(model.busyProperty().or(Bindings.createBooleanBinding(
                () -> model.modeProperty().get() != LoginViewModel.Mode.FIRST_USE
                        && model.modeProperty().get() != LoginViewModel.Mode.SIGN_IN, model.modeProperty())));
        submit.setOnAction(e -> model.submit());
        Button cancel = new Button(texts.get("audit.login.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        ProgressIndicator busy = new ProgressIndicator();
        busy.getStyleClass().add("audit-busy");
        busy.visibleProperty().bind(model.busyProperty());
        busy.setAccessibleText(texts.get("audit.login.loading"));
        HBox buttons = new HBox(submit, cancel, busy);
        buttons.getStyleClass().add("audit-buttons");
        buttons.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(title, hint, form, notice, buttons);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && name.isFocused() && !passphrase.isDisabled()) {
                passphrase.requestFocus();
                e.consume();
            }
        });
        model.modeProperty().addListener((obs, old, mode) -> refresh());
        model.noticeProperty().addListener((obs, old, news) -> refresh());
        model.busyProperty().addListener((obs, was, now) -> refresh());
        refresh();
    }

    private void refresh() {
        LoginViewModel.Mode mode = model.modeProperty().get();
        boolean firstUse = mode == LoginViewModel.Mode.FIRST_USE;
        boolean settings = purpose == Purpose.SETTINGS;
        // IT's passphrase is not the supervisor's: its own title and words, so no one types the wrong one
        if (settings) {
            title.setText(firstUse ? texts.get("settings.login.title.firstUse")
                    : texts.get("settings.login.title.signIn"));
            hint.setText(firstUse ? texts.get("settings.login.firstUse.hint", SupervisorCredential.MIN_LENGTH)
                    : texts.get("settings.login.signIn.hint"));
        } else {
            title.setText(firstUse ? texts.get("audit.login.title.firstUse") : texts.get("audit.login.title.signIn"));
            hint.setText(firstUse ? texts.get("audit.login.firstUse.hint", SupervisorCredential.MIN_LENGTH)
                    : model.onServer() ? texts.get("audit.login.server.hint") : texts.get("audit.login.signIn.hint"));
        }
        if (settings) {
            submit.setText(firstUse ? texts.get("settings.login.submit.firstUse")
                    : texts.get("settings.login.submit.signIn"));
        } else {
            submit.setText(firstUse ? texts.get("audit.login.submit.firstUse")
                    : texts.get("audit.login.submit.signIn"));
        }
        AuditNotice news = model.noticeProperty().get();
        if (news != null) {
            notice.setText(noticeText(news));
        } else {
            notice.setText(mode == LoginViewModel.Mode.LOADING || model.busyProperty().get()
                    ? texts.get("audit.login.loading") : "");
        }
        notice.getStyleClass().remove("problem");
        if (news != null && news.kind().isProblem()) {
            notice.getStyleClass().add("problem");
        }
        if (!model.busyProperty().get() && news != null && getScene() != null) {
            (name.getText().isBlank() ? name : passphrase).requestFocus();
        }
    }

    /** A lock-out and an unusable passphrase file say how to reset IT's passphrase, not the supervisor's. */
    private String noticeText(AuditNotice news) {
        if (purpose == Purpose.SETTINGS && news.kind() == AuditNotice.Kind.LOCKED) {
            return texts.get("settings.login.notice.LOCKED", MINUTE.format(((Instant) news.arg(0)).atZone(zone)));
        }
        if (purpose == Purpose.SETTINGS && news.kind() == AuditNotice.Kind.CREDENTIAL_PROBLEM) {
            return texts.get("settings.login.notice.CREDENTIAL_PROBLEM");
        }
        return words.notice(news);
    }

    public void focusFirstField() {
        (name.getText().isBlank() ? name : passphrase).requestFocus();
    }
}
