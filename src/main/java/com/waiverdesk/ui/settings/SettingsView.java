package com.waiverdesk.ui.settings;

import com.waiverdesk.app.LoadedConfig;
import com.waiverdesk.ui.common.FocusReturn;
import com.waiverdesk.ui.common.Texts;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** IT's settings screen: lays out and binds to {@link SettingsViewModel}; the secret stays in its password field. */
public final class SettingsView extends BorderPane {
    private final SettingsViewModel model;
    private final Texts texts;
    private final Map<SettingsField, Label> notes = new EnumMap<>(SettingsField.class);
    private final Map<SettingsField, Node> controls = new EnumMap<>(SettingsField.class);
    private final PasswordField secret = new PasswordField();
    private final Label secretState = new Label();
    private final Label files = new Label();
    private final Label notice = new Label();
    private final Label report = new Label();
    private final RadioButton osUser = new RadioButton();
    private final RadioButton ask = new RadioButton();

    public SettingsView(SettingsViewModel model, Texts texts, Runnable close) {
        this.model = model;
        this.texts = texts;
        getStyleClass().add("settings");
        Label title = new Label(texts.get("settings.title"));
        title.getStyleClass().add("settings-title");
        files.getStyleClass().add("settings-files");
        files.setWrapText(true);
        setTop(new VBox(title, files));

        GridPane form = new GridPane();
        form.getStyleClass().add("settings-form");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        for (SettingsField field : SettingsField.values()) {
            Label label = new Label(label(field));
            Node control = control(field);
            controls.put(field, control);
            label.setLabelFor(control);
            Label note = new Label();
            note.setId("note-" + field.configName());
            note.setWrapText(true);
            // an empty note takes no room, so the form stays compact until there is something to say
            note.managedProperty().bind(note.textProperty().isNotEmpty());
            notes.put(field, note);
            form.add(label, 0, row);
            form.add(row(field, control), 1, row++);
            form.add(note, 1, row++);
        }
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("settings-scroll");
        setCenter(scroll);

        notice.setId("settingsNotice");
        notice.getStyleClass().add("audit-notice");
        notice.setWrapText(true);
        Button test = new Button(texts.get("settings.button.test"));
        test.setId("testConnectionButton");
        test.disableProperty().bind(model.canActBinding().not());
        test.setOnAction(e -> model.testConnection(takeSecret()));
        Button save = new Button(texts.get("settings.button.save"));
        save.setId("saveSettingsButton");
        save.setDefaultButton(true);
        save.disableProperty().bind(model.canActBinding().not());
        save.setOnAction(e -> model.save(takeSecret()));
        Button cancel = new Button(texts.get("settings.button.close"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        FocusReturn.whenEnabledAgain(save, test); // else the next Enter pressed Close, losing what was typed
        HBox buttons = new HBox(save, test, cancel);
        buttons.getStyleClass().add("audit-buttons");
        buttons.setAlignment(Pos.CENTER_LEFT);
        report.setId("connectionReport");
        report.getStyleClass().add("settings-report");
        report.setWrapText(true);
        report.setMaxWidth(Double.MAX_VALUE);
        report.managedProperty().bind(report.textProperty().isNotEmpty());
        report.visibleProperty().bind(report.textProperty().isNotEmpty());
        VBox bottom = new VBox(buttons, notice, report);
        bottom.getStyleClass().add("settings-bottom");
        setBottom(bottom);

        secret.textProperty().addListener((obs, old, now) -> model.newSecretEnteredProperty().set(!now.isEmpty()));
        // emptied only once the model has stored it: emptied before, the save saw "secret required" and stored nothing
        model.newSecretEnteredProperty().addListener((obs, was, now) -> {
            if (!now && !secret.getText().isEmpty()) {
                secret.clear();
            }
        });
        model.lockedProperty().addListener((obs, old, now) -> refresh());
        model.problemsProperty().addListener((obs, old, now) -> refresh());
        model.secretStoredProperty().addListener((obs, old, now) -> refresh());
        model.secretStatusProperty().addListener((obs, old, now) -> refresh());
        model.loadedProperty().addListener((obs, old, now) -> refresh());
        model.testReportProperty().addListener((obs, old, now) -> refresh());
        model.noticeProperty().addListener((obs, old, now) -> refresh());
        model.busyProperty().addListener((obs, old, now) -> refresh());
        model.currentProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    /**
     * The typed secret as bytes for one action (the model clears them). The field keeps it until the model says it
     * is stored (a failed save leaves it there to try again).
     */
    private byte[] takeSecret() {
        // surrounding spaces and line breaks are trimmed, as `waiverdesk secret set` and a secret file do
        String typed = secret.getText().strip();
        return typed.isEmpty() ? null : typed.getBytes(StandardCharsets.UTF_8);
    }

    private Node control(SettingsField field) {
        switch (field) {
            case SECRET:
                secret.setId("field-secret");
                secret.setPromptText(texts.get("settings.prompt.secret"));
                secret.setAccessibleText(label(field));
                return secret;
            case PINS:
                TextArea pins = new TextArea();
                pins.setPrefRowCount(2);
                pins.setPromptText(texts.get("settings.prompt.pins"));
                return bind(field, pins);
            case OPERATOR_MODE:
                ToggleGroup group = new ToggleGroup();
                osUser.setText(texts.get("settings.operatorMode.osUser"));
                ask.setText(texts.get("settings.operatorMode.ask"));
                osUser.setId("operatorMode-os-user");
                ask.setId("operatorMode-ask");
                osUser.setToggleGroup(group);
                ask.setToggleGroup(group);
                var mode = model.valueProperty(field);
                mode.addListener((obs, old, now) -> group.selectToggle(SettingsViewModel.ASK.equals(now) ? ask : osUser));
                group.selectToggle(SettingsViewModel.ASK.equals(mode.get()) ? ask : osUser);
                group.selectedToggleProperty().addListener((obs, old, now) -> {
                    if (now != null) {
                        mode.set(now == ask ? SettingsViewModel.ASK : SettingsViewModel.OS_USER);
                    }
                });
                HBox choice = new HBox(osUser, ask);
                choice.getStyleClass().add("settings-choice");
                return choice;
            default:
                TextField text = new TextField();
                text.setPromptText(prompt(field));
                return bind(field, text);
        }
    }

    private Node bind(SettingsField field, TextInputControl input) {
        input.setId("field-" + field.configName());
        input.setAccessibleText(label(field));
        input.textProperty().bindBidirectional(model.valueProperty(field));
        return input;
    }

    /** A file chooser beside the path fields; the secret's state beside the password field. */
    private Node row(SettingsField field, Node control) {
        HBox.setHgrow(control, Priority.ALWAYS);
        if (field == SettingsField.SECRET) {
            secretState.setId("secretState");
            secretState.getStyleClass().add("settings-secret-state");
            secretState.setMinWidth(USE_PREF_SIZE);
            return new HBox(10, control, secretState);
        }
        if (field == SettingsField.CA_BUNDLE || field == SettingsField.POLICY) {
            Button choose = new Button(texts.get("settings.button.choose"));
            choose.setId("choose-" + field.configName());
            choose.setOnAction(e -> choose(field, choose));
            choose.disableProperty().bind(((TextInputControl) control).editableProperty().not());
            return new HBox(10, control, choose);
        }
        return control;
    }

    private void choose(SettingsField field, Node owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(label(field));
        if (field == SettingsField.CA_BUNDLE) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PEM", "*.pem", "*.crt", "*.cer"));
        } else {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        }
        File picked = chooser.showOpenDialog(owner.getScene().getWindow());
        if (picked != null) {
            model.valueProperty(field).set(picked.getAbsolutePath());
        }
    }

    private void refresh() {
        var locked = model.lockedProperty().get();
        var problems = model.problemsProperty().get();
        for (SettingsField field : SettingsField.values()) {
            boolean isLocked = locked.contains(field);
            // nothing typed before the files are read, or reading them would overwrite it
            boolean frozen = isLocked || model.busyProperty().get() || !model.loadedProperty().get();
            Node control = controls.get(field);
            if (control instanceof TextInputControl) {
                ((TextInputControl) control).setEditable(!frozen);
            } else {
                control.setDisable(frozen);
            }
            control.pseudoClassStateChanged(LOCKED, isLocked);
            Label note = notes.get(field);
            note.getStyleClass().setAll("label", "settings-note");
            SettingsProblem problem = problems.get(field);
            if (isLocked && field == SettingsField.SECRET) {
                note.setText(texts.get("settings.locked.secret", lockedSecretFile()));
                note.getStyleClass().add("locked");
            } else if (isLocked) {
                note.setText(texts.get("settings.locked"));
                note.getStyleClass().add("locked");
            } else if (problem != null) {
                note.setText(problemText(field, problem));
                note.getStyleClass().add("problem");
            } else {
                note.setText(hint(field));
            }
        }
        secretState.setText(model.secretStatusProperty().get() == null ? ""
                : model.secretStoredProperty().get() ? texts.get("settings.secret.stored")
                : texts.get("settings.secret.none"));
        LoadedConfig current = model.currentProperty().get();
        if (current != null) {
            String machine = current.machineFileExists()
                    ? texts.get("settings.files.machine", current.machineFile(), current.locked().size())
                    : texts.get("settings.files.noMachine");
            files.setText(machine + "\n" + texts.get("settings.files.user", current.userFile()));
        }
        SettingsNotice news = model.noticeProperty().get();
        notice.getStyleClass().removeAll("problem", "good", "warning");
        if (news == null) {
            notice.setText(model.busyProperty().get() ? texts.get("settings.busy") : "");
        } else {
            notice.setText(noticeText(news));
            notice.getStyleClass().add(news.kind().isProblem() ? "problem"
                    : news.kind() == SettingsNotice.Kind.TEST_WARNING ? "warning" : "good");
        }
        ConnectionReport tested = model.testReportProperty().get();
        report.setText(tested == null ? "" : reportText(tested));
    }

    /** The action first (what IT does next), then each step and the clock, one a line. */
    private static String reportText(ConnectionReport tested) {
        StringBuilder text = new StringBuilder(tested.action());
        for (String line : tested.details()) {
            text.append(text.length() == 0 ? "" : "\n").append(line);
        }
        return text.toString();
    }

    private String lockedSecretFile() {
        LoadedConfig current = model.currentProperty().get();
        return current == null || current.config().secretFile() == null ? ""
                : current.config().secretFile().toString();
    }

    private static final javafx.css.PseudoClass LOCKED = javafx.css.PseudoClass.getPseudoClass("locked");

    private String noticeText(SettingsNotice news) {
        switch (news.kind()) {
            case LOAD_FAILED:
                return texts.get("settings.notice.loadFailed", news.detail());
            case SAVED:
                return texts.get("settings.notice.saved", news.detail());
            case NOTHING_CHANGED:
                return texts.get("settings.notice.nothingChanged");
            case SAVE_FAILED:
                return texts.get("settings.notice.saveFailed", news.detail());
            case NOT_VALID:
                return texts.get("settings.notice.notValid");
            case SECRET_LOCKED:
                return texts.get("settings.notice.secretLocked", news.detail());
            case SECRET_FILE_WINS:
                return texts.get("settings.notice.secretFileWins", news.detail());
            default:
                return news.detail();
        }
    }

    private String label(SettingsField field) {
        switch (field) {
            case ENDPOINT:
                return texts.get("settings.field.endpoint");
            case ACCOUNT:
                return texts.get("settings.field.accountId");
            case SECRET:
                return texts.get("settings.field.secret");
            case CA_BUNDLE:
                return texts.get("settings.field.caBundle");
            case PINS:
                return texts.get("settings.field.certificatePins");
            case OPERATOR_MODE:
                return texts.get("settings.field.operatorIdMode");
            case WORKSTATION:
                return texts.get("settings.field.workstation");
            case DEPOSIT:
                return texts.get("settings.field.standardDeposit");
            case POLICY:
                return texts.get("settings.field.policyFile");
            case AUDIT_DB:
                return texts.get("settings.field.auditDatabase");
            default:
                return texts.get("settings.field.autoClearSeconds");
        }
    }

    private String prompt(SettingsField field) {
        switch (field) {
            case ENDPOINT:
                return texts.get("settings.prompt.endpoint");
            case WORKSTATION:
                return texts.get("settings.prompt.workstation");
            case DEPOSIT:
                return texts.get("settings.prompt.standardDeposit");
            case POLICY:
                return texts.get("settings.prompt.policyFile");
            case AUDIT_DB:
                return texts.get("settings.prompt.auditDatabase");
            case AUTO_CLEAR:
                return texts.get("settings.prompt.autoClearSeconds");
            case CA_BUNDLE:
                return texts.get("settings.prompt.caBundle");
            default:
                return "";
        }
    }

    private String hint(SettingsField field) {
        switch (field) {
            case ENDPOINT:
                return texts.get("settings.hint.endpoint");
            case OPERATOR_MODE:
                return texts.get("settings.hint.operatorIdMode");
            case AUDIT_DB:
                return texts.get("settings.hint.auditDatabase");
            case SECRET:
                SecretSaver.SecretStatus status = model.secretStatusProperty().get();
                if (status == null) {
                    return model.loadedProperty().get() ? texts.get("settings.secret.checking") : "";
                }
                if (status.where().isEmpty()) {
                    return "";
                }
                return status.inFile() ? texts.get("settings.secret.where.file", status.where())
                        : texts.get("settings.secret.where.store", status.where());
            default:
                return "";
        }
    }

    private String problemText(SettingsField field, SettingsProblem problem) {
        String name = label(field);
        switch (problem) {
            case ENDPOINT_INVALID:
                return texts.get("settings.problem.endpointInvalid", name);
            case ENDPOINT_NEEDED:
                return texts.get("settings.problem.endpointNeeded", name);
            case REQUIRED:
                return texts.get("settings.problem.required", name);
            case PIN_INVALID:
                return texts.get("settings.problem.pinInvalid", name);
            case PATH_INVALID:
                return texts.get("settings.problem.pathInvalid", name);
            case AUDIT_DB_INVALID:
                return texts.get("settings.problem.auditDbInvalid", name);
            case DEPOSIT_INVALID:
                return texts.get("settings.problem.depositInvalid", name);
            default:
                return texts.get("settings.problem.wholeNumber", name);
        }
    }

    /** Puts the cursor in the first field IT can change. */
    public void focusFirstField() {
        for (SettingsField field : SettingsField.values()) {
            if (!model.lockedProperty().get().contains(field)) {
                controls.get(field).requestFocus();
                return;
            }
        }
    }
}
