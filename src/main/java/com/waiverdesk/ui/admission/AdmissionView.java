package com.waiverdesk.ui.admission;

import com.waiverdesk.app.CheckResult;
import com.waiverdesk.app.Desk;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.InputProblem;
import com.waiverdesk.ui.common.Readability;
import com.waiverdesk.ui.common.Texts;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The clerk's screen: lays out and binds to {@link AdmissionViewModel}; keyboard only is enough. */
public final class AdmissionView extends BorderPane {
    private final AdmissionViewModel model;
    private final Texts texts;
    private final TextField nameField = new TextField();
    private final TextField idField = new TextField();
    private final Label idMessage = new Label();
    private final Label nameMessage = new Label();
    private final ResultCard card;
    /** Side by side; under each other when enlarged text leaves no room (never shortened to "核验（Ent…"). */
    private final FlowPane buttons = new FlowPane();
    private final StatusBar statusBar;
    private final DeskHeader header;
    private ProgressIndicator spinner;
    private final ScrollPane scroll = scrolling();
    private final Readability readability = new Readability(this);
    private final EcertInput ecert;
    private final PaperForm paperForm;
    private final Button confirmHolder = new Button();
    private final Button cancelHolder = new Button();
    private final Button openPaper = new Button();

    public AdmissionView(AdmissionViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
        getStyleClass().add("admission");
        ResultText words = new ResultText(texts, this::policyLabel);
        card = new ResultCard(texts, words);
        card.setId("resultCard");
        ecert = new EcertInput(model.scan(), texts);
        paperForm = new PaperForm(model.paper(), texts, words);
        cardButtons();
        header = new DeskHeader(model, texts);
        // beside the title, not in the form's row: three large buttons do not fit one row at 720 px in English
        header.showBesideTitle(ecert.openImageButton());
        setTop(header);
        setCenter(scroll);
        scroll.setContent(body());
        statusBar = new StatusBar(model, texts);
        setBottom(statusBar);
        // the status bar may grow a row after the answer (the service became unreachable): keep the answer in view
        scroll.viewportBoundsProperty().addListener((obs, old, now) -> {
            if (old.getHeight() == now.getHeight()) {
                return;
            }
            if (model.paper().openProperty().get()) {
                revealPaperForm();
            } else if (model.resultProperty().get() != null || model.problemProperty().get() != null) {
                scrollToCard();
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, readability::onKey);
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        model.secondsToClearProperty().addListener((obs, old, seconds) -> card.showCountdown(seconds.intValue()));
        model.busyProperty().addListener((obs, was, busy) -> onBusy(busy));
        model.resultProperty().addListener((obs, old, result) -> refreshCard());
        model.problemProperty().addListener((obs, old, problem) -> refreshCard());
        model.scan().readingProperty().addListener((obs, old, now) -> refreshCard());
        model.scan().holderProperty().addListener((obs, old, now) -> refreshCard());
        model.scan().noticeProperty().addListener((obs, old, now) -> refreshCard());
        model.paperOfferedProperty().addListener((obs, old, now) -> refreshCard());
        // the terms line arrives with the policy's terms, after the form opened: the form grows by a line or two,
        // and the scroll pane keeps its pixel offset, which would push the form's buttons below the fold
        model.paper().maxAgeDaysProperty().addListener((obs, old, days) -> {
            if (model.paper().openProperty().get()) {
                revealPaperForm();
            }
        });
        model.paper().openProperty().addListener((obs, old, open) -> {
            if (open) {
                paperForm.focusFirstField();
                revealPaperForm();
            } else if (model.resultProperty().get() != null) {
                nameField.requestFocus();
            }
        });
        // a scanned certificate's holder is confirmed or cancelled, never edited: the ID field shows it masked
        nameField.editableProperty().bind(model.scan().holderProperty().isNull());
        idField.editableProperty().bind(model.scan().holderProperty().isNull());
        sceneProperty().addListener((obs, old, scene) -> {
            if (old == null && scene != null) {
                ecert.install(scene);
            }
        });
    }

    private void cardButtons() {
        confirmHolder.setId("confirmHolderButton");
        confirmHolder.setText(texts.get("card.holder.confirm"));
        confirmHolder.setOnAction(e -> model.scan().confirm());
        cancelHolder.setId("cancelHolderButton");
        cancelHolder.setText(texts.get("card.holder.cancel"));
        cancelHolder.setOnAction(e -> clearAndRestart());
        openPaper.setId("openPaperButton");
        openPaper.setText(texts.get("card.paper"));
        openPaper.setAccessibleHelp(texts.get("card.paper.hint"));
        openPaper.setOnAction(e -> model.paper().open());
        for (Button button : new Button[] {confirmHolder, cancelHolder, openPaper}) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    private VBox body() {
        Label nameLabel = new Label(texts.get("label.name"));
        Label idLabel = new Label(texts.get("label.id"));
        nameLabel.setLabelFor(nameField);
        idLabel.setLabelFor(idField);
        for (Label label : new Label[] {nameLabel, idLabel}) {
            // the field gives way, never the label ("Resident ID nu…" at 720 px)
            label.getStyleClass().add("form-label");
            label.setMinWidth(Region.USE_PREF_SIZE);
        }
        for (Label message : new Label[] {nameMessage, idMessage}) {
            message.setWrapText(true);
            message.setMaxWidth(Double.MAX_VALUE);
        }
        nameField.setId("nameField");
        idField.setId("idField");
        nameField.setPromptText(texts.get("prompt.name"));
        idField.setPromptText(texts.get("prompt.id"));
        nameField.setAccessibleText(texts.get("label.name"));
        idField.setAccessibleText(texts.get("label.id"));
        nameField.getStyleClass().add("name-field");
        idField.getStyleClass().add("id-field");
        nameField.textProperty().bindBidirectional(model.nameProperty());
        idField.textProperty().bindBidirectional(model.idTextProperty());
        bindMessage(idMessage, model.idProblemProperty().get());
        bindMessage(nameMessage, model.nameProblemProperty().get());
        model.idProblemProperty().addListener((obs, old, problem) -> bindMessage(idMessage, problem));
        model.nameProblemProperty().addListener((obs, old, problem) -> bindMessage(nameMessage, problem));
        idMessage.setId("idMessage");
        nameMessage.setId("nameMessage");

        Button verify = new Button(texts.get("button.verify"));
        verify.setId("verifyButton");
        verify.setDefaultButton(false);
        verify.disableProperty().bind(model.canVerifyBinding().not());
        verify.setOnAction(e -> model.verify());
        Button clear = new Button(texts.get("button.clear"));
        clear.setId("clearButton");
        clear.setOnAction(e -> clearAndRestart());

        GridPane form = new GridPane();
        form.getStyleClass().add("form");
        form.add(nameLabel, 0, 0);
        form.add(nameField, 1, 0);
        form.add(nameMessage, 1, 1);
        form.add(idLabel, 0, 2);
        form.add(idField, 1, 2);
        form.add(idMessage, 1, 3);
        GridPane.setHgrow(nameField, Priority.ALWAYS);
        GridPane.setHgrow(idField, Priority.ALWAYS);
        verify.setMinWidth(Region.USE_PREF_SIZE);
        clear.setMinWidth(Region.USE_PREF_SIZE);
        buttons.getChildren().addAll(verify, clear);
        buttons.getStyleClass().add("buttons");
        buttons.setAlignment(Pos.CENTER_LEFT);
        form.add(buttons, 1, 4);
        card.setMinHeight(Region.USE_PREF_SIZE);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        VBox body = new VBox(form, card, paperForm);
        body.getStyleClass().add("body");
        return body;
    }

    /**
     * The form and the card at their whole height: at the smallest window and normal text they fit; enlarged text
     * (Ctrl+plus) scrolls instead of squeezing a line into "…" or the card under the status bar.
     */
    private static ScrollPane scrolling() {
        ScrollPane scroll = new ScrollPane();
        scroll.getStyleClass().add("body-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFocusTraversable(false);
        return scroll;
    }

    /** Made at the first check, not at start: its skin and animation would delay the first frame. */
    private ProgressIndicator busySpinner() {
        ProgressIndicator indicator = new ProgressIndicator();
        indicator.setId("busyIndicator");
        indicator.getStyleClass().add("busy-indicator");
        indicator.visibleProperty().bind(model.busyProperty());
        // takes room only while a check runs: with the image button the idle row is full at 720 px in English
        indicator.managedProperty().bind(indicator.visibleProperty());
        indicator.setAccessibleText(texts.get("card.busy"));
        return indicator;
    }

    private void bindMessage(Label label, InputProblem problem) {
        label.getStyleClass().setAll("label", "input-message");
        label.setText(problem == null ? texts.get("input.ok") : texts.get("input." + problem));
        if (problem != null) {
            label.getStyleClass().add("input-error");
        }
        // a screen reader says the problem with the field it belongs to
        (label == idMessage ? idField : nameField).setAccessibleHelp(problem == null ? null : label.getText());
    }

    private void onKey(KeyEvent event) {
        if (event.isShortcutDown() && (event.getCode() == KeyCode.O || event.getCode() == KeyCode.P)) {
            event.consume();
            if (event.getCode() == KeyCode.O) {
                ecert.chooseImage();
            } else {
                model.paper().open();
            }
            return;
        }
        Node focused = getScene() == null ? null : getScene().getFocusOwner();
        boolean inPaper = model.paper().openProperty().get() && paperForm.holdsFocus(focused);
        if ((event.getCode() == KeyCode.ESCAPE || event.getCode() == KeyCode.ENTER) && inPaper
                && paperForm.popupShowing()) {
            return; // a date, a category or a suggested centre is being chosen
        }
        if (event.getCode() == KeyCode.ESCAPE) {
            event.consume();
            if (inPaper) {
                model.paper().cancel();
            } else {
                clearAndRestart();
            }
        } else if (event.getCode() == KeyCode.ENTER) {
            event.consume();
            if (focused instanceof ButtonBase && !(focused instanceof CheckBox)
                    && !"verifyButton".equals(focused.getId())) {
                // Enter on "Clear", a card's button or a status-bar link does that, not a check
                ((ButtonBase) focused).fire();
            } else if (inPaper) {
                paperForm.submit();
            } else if (model.scan().holderProperty().get() != null) {
                model.scan().confirm();
            } else if (nameField.isFocused() && model.idTextProperty().get().isBlank()) {
                idField.requestFocus();
            } else {
                model.verify();
            }
        }
    }

    private void clearAndRestart() {
        model.clear();
        nameField.requestFocus();
    }

    private void onBusy(boolean busy) {
        if (busy && spinner == null) {
            spinner = busySpinner();
            buttons.getChildren().add(spinner);
        }
        // the fields stay editable: typing while a check runs abandons it (the view model never shows its decision)
        refreshCard();
    }

    private void refreshCard() {
        if (model.busyProperty().get()) {
            card.showBusy();
        } else if (model.scan().readingProperty().get()) {
            card.showReading();
        } else if (model.scan().holderProperty().get() != null) {
            card.showHolder(model.scan().holderProperty().get(), confirmHolder, cancelHolder);
            confirmHolder.requestFocus();
            revealCard();
        } else if (model.scan().noticeProperty().get() != null) {
            card.showNotice(model.scan().noticeProperty().get());
        } else if (model.problemProperty().get() != null) {
            card.showProblem(model.problemProperty().get(), model.problemDetailProperty().get());
            revealCard();
        } else if (model.resultProperty().get() != null) {
            card.showResult(model.resultProperty().get(), model.legacyIdProperty().get());
            card.showCountdown(model.secondsToClearProperty().get());
            if (model.paperOfferedProperty().get()) {
                card.showActions(openPaper);
            }
            // the field to correct, selected: after an ID error the next key replaces the ID, not the name; the
            // field also carries the decision, so a screen reader announces it with the focus
            TextField next = model.idNeedsCorrection() ? idField : nameField;
            next.setAccessibleHelp(card.getAccessibleText());
            next.requestFocus();
            next.selectAll();
            revealCard();
            return;
        } else {
            card.showIdle();
            scroll.setVvalue(0);
        }
        if (model.nameProblemProperty().get() == null) {
            nameField.setAccessibleHelp(null);
        }
    }

    /**
     * With enlarged text the form and card may not fit: the answer is scrolled into view, its headline at the top
     * (at normal size everything fits and nothing moves).
     */
    private void revealCard() {
        if (getScene() == null) {
            return;
        }
        if (readability.percentProperty().get() <= Readability.NORMAL) {
            // up to 100 % form and a live query's card fit the smallest window (CardLayoutUITest): no extra layout
            // pass before the answer is painted. An e-certificate's or paper certificate's card has more lines (the
            // certificate, its lists, the paper offer): scrolled just enough for it to be read whole
            CheckResult shown = model.resultProperty().get();
            if (shown != null && shown.channel() != Channel.LIVE_QUERY) {
                scroll.applyCss();
                scroll.layout();
                reveal(card);
            }
            return;
        }
        scroll.applyCss();
        scroll.layout();
        scrollToCard();
    }

    /**
     * The paper form under the card, whole, once laid out: the view scrolls just enough for its last row (Record,
     * Back) to be in view; a form taller than the view (enlarged text) shows its title and first field instead.
     */
    private void revealPaperForm() {
        if (getScene() == null) {
            return;
        }
        scroll.applyCss();
        scroll.layout();
        reveal(paperForm);
    }

    /**
     * Scrolls (after a layout pass) just enough for {@code node}, a child of the body, to be whole in view; a node
     * taller than the view shows its top.
     */
    private void reveal(Region node) {
        Node content = scroll.getContent();
        double viewport = scroll.getViewportBounds().getHeight();
        double hidden = content.getLayoutBounds().getHeight() - viewport;
        if (hidden <= 0) {
            scroll.setVvalue(0);
            return;
        }
        javafx.geometry.Bounds bounds = node.getBoundsInParent();
        double top = scroll.getVvalue() * hidden;
        if (bounds.getHeight() > viewport) {
            top = bounds.getMinY();
        } else if (bounds.getMaxY() > top + viewport) {
            // the body's own margin under it too: the buttons do not touch the status bar
            top = bounds.getMaxY() + ((Region) content).snappedBottomInset() - viewport;
        } else if (bounds.getMinY() < top) {
            top = bounds.getMinY();
        }
        scroll.setVvalue(Math.max(0, Math.min(1, top / hidden)));
    }

    private void scrollToCard() {
        Node content = scroll.getContent();
        double hidden = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        scroll.setVvalue(hidden <= 0 ? 0 : Math.min(1, card.getBoundsInParent().getMinY() / hidden));
    }

    private Optional<String> policyLabel(String code) {
        Desk desk = model.deskProperty().get();
        return desk == null ? Optional.empty() : desk.categoryLabel(code, texts.locale());
    }

    /** Shows a discreet link in the status bar that opens the supervisor's screen. */
    public void setOnOpenSupervisor(Runnable action) {
        statusBar.setOnOpenSupervisor(action);
    }

    /** Shows the status bar's link to IT's settings screen. */
    public void setOnOpenSettings(Runnable action) {
        statusBar.setOnOpenSettings(action);
    }

    /** On a first run (no configuration at all) the demo banner offers to set up the real service. */
    public void setFirstRunSetup(Runnable action) {
        header.setFirstRunSetup(action);
    }

    /** A note that the user's file tried to change settings hospital IT fixed, naming them; {@code null} hides it. */
    public void setLockedNote(java.util.List<String> ignoredFields) {
        header.setLockedNote(ignoredFields);
    }

    /**
     * Shows a link in the status bar that copies the support text (see {@code Diagnostics}) for the running desk, or
     * {@code null} before it started, to the clipboard.
     */
    public void setDiagnostics(java.util.function.Function<Desk, String> text) {
        statusBar.setDiagnostics(text);
    }

    /** The text size (Ctrl+plus / Ctrl+minus / Ctrl+0) and high contrast (Ctrl+Shift+H) of this window. */
    public Readability readability() {
        return readability;
    }

    /** Tests put an image file in place of the platform's open dialog. */
    void setImageChooser(java.util.function.Function<javafx.stage.Window, Optional<java.nio.file.Path>> chooser) {
        ecert.setChooser(chooser);
    }

    /** Puts the cursor where the clerk starts. */
    public void focusFirstField() {
        nameField.requestFocus();
    }
}
