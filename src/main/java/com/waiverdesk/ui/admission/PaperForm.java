package com.waiverdesk.ui.admission;

import com.waiverdesk.ui.common.Texts;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;

/**
 * The paper certificate's form under the card: what the clerk copies from the paper, the confirmation that the
 * original was seen, Enter records and Esc goes back to the card. Lays out and binds to {@link PaperFormModel}.
 */
final class PaperForm extends VBox {
    private final PaperDesk paper;
    private final Texts texts;
    private final TextField number = new TextField();
    private final TextField centre = new TextField();
    private final DatePicker issued = new DatePicker();
    private final ComboBox<String> category = new ComboBox<>();
    private final CheckBox originalSeen = new CheckBox();
    private final Label message = new Label();
    private final Label terms = new Label();
    private final AutoCompletionBinding<String> suggestions;

    PaperForm(PaperDesk paper, Texts texts, ResultText words) {
        this.paper = paper;
        this.texts = texts;
        PaperFormModel form = paper.form();
        setId("paperForm");
        getStyleClass().add("paper-form");
        Label title = new Label(texts.get("paper.title"));
        title.getStyleClass().add("paper-title");
        title.setWrapText(true);
        number.setId("paperNumber");
        centre.setId("paperCentre");
        issued.setId("paperIssued");
        category.setId("paperCategory");
        originalSeen.setId("paperOriginalSeen");
        message.setId("paperMessage");
        terms.setId("paperTerms");
        number.textProperty().bindBidirectional(form.numberProperty());
        centre.textProperty().bindBidirectional(form.centreProperty());
        issued.setEditable(true);
        issued.setPromptText(texts.get("paper.issued.prompt"));
        issued.setConverter(isoDates());
        issued.getEditor().textProperty().bindBidirectional(form.issuedTextProperty());
        category.setItems(form.categories());
        category.valueProperty().bindBidirectional(form.categoryProperty());
        category.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : words.categoryLabel(code);
            }

            @Override
            public String fromString(String text) {
                return null;
            }
        });
        category.setMaxWidth(Double.MAX_VALUE);
        originalSeen.setText(texts.get("paper.originalSeen"));
        originalSeen.selectedProperty().bindBidirectional(form.originalSeenProperty());
        originalSeen.setWrapText(true);
        suggestions = TextFields.bindAutoCompletion(centre, request -> {
            String typed = request.getUserText().strip();
            return typed.isEmpty() ? List.of() : form.centres().stream()
                    .filter(known -> known.toLowerCase(Locale.ROOT).contains(typed.toLowerCase(Locale.ROOT)))
                    .limit(8).toList();
        });
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setMaxWidth(Double.MAX_VALUE);
        terms.setWrapText(true);
        terms.setMinHeight(Region.USE_PREF_SIZE);
        terms.getStyleClass().add("paper-terms");
        form.problemProperty().addListener((obs, old, problem) -> showProblem(problem));
        paper.maxAgeDaysProperty().addListener((obs, old, days) -> showTerms(days.intValue()));
        showProblem(null);
        showTerms(0);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form");
        row(grid, 0, texts.get("paper.number"), number);
        row(grid, 1, texts.get("paper.centre"), centre);
        row(grid, 2, texts.get("paper.issued"), issued);
        row(grid, 3, texts.get("paper.category"), category);
        grid.add(originalSeen, 1, 4);
        Button record = new Button(texts.get("paper.record"));
        record.setId("paperRecordButton");
        record.setOnAction(e -> submit());
        Button cancel = new Button(texts.get("paper.cancel"));
        cancel.setId("paperCancelButton");
        cancel.setOnAction(e -> paper.cancel());
        record.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane buttons = new FlowPane(record, cancel);
        buttons.getStyleClass().add("buttons");
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, terms, grid, message, buttons);
        visibleProperty().bind(paper.openProperty());
        managedProperty().bind(visibleProperty());
    }

    private void row(GridPane grid, int row, String text, Region field) {
        Label label = new Label(text);
        label.getStyleClass().add("form-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setLabelFor(field);
        field.setAccessibleText(label.getText());
        field.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(field, Priority.ALWAYS);
        grid.add(label, 0, row);
        grid.add(field, 1, row);
    }

    private void showProblem(PaperFormModel.Problem problem) {
        message.getStyleClass().setAll("label", "input-message");
        if (problem == null) {
            message.setText(texts.get("input.ok"));
            return;
        }
        message.getStyleClass().add("input-error");
        message.setText(problemText(problem));
        Node field = fieldOf(problem);
        field.requestFocus();
        field.setAccessibleHelp(message.getText());
    }

    /** The desk's own sentences for what it would refuse too (input.PAPER_*); an unreadable date is the form's. */
    private String problemText(PaperFormModel.Problem problem) {
        switch (problem) {
            case NUMBER_EMPTY:
                return texts.get("input.PAPER_NUMBER_EMPTY");
            case CENTRE_EMPTY:
                return texts.get("input.PAPER_CENTRE_EMPTY");
            case ISSUED_EMPTY:
                return texts.get("input.PAPER_ISSUED_EMPTY");
            case ISSUED_UNREADABLE:
                return texts.get("paper.issuedUnreadable");
            case ISSUED_IN_FUTURE:
                return texts.get("input.PAPER_ISSUED_IN_FUTURE");
            case CATEGORY_EMPTY:
                return texts.get("input.PAPER_CATEGORY_EMPTY");
            default:
                return texts.get("input.PAPER_ORIGINAL_NOT_SEEN");
        }
    }

    private Node fieldOf(PaperFormModel.Problem problem) {
        switch (problem) {
            case NUMBER_EMPTY:
                return number;
            case CENTRE_EMPTY:
                return centre;
            case ISSUED_EMPTY:
            case ISSUED_UNREADABLE:
            case ISSUED_IN_FUTURE:
                return issued.getEditor();
            case CATEGORY_EMPTY:
                return category;
            default:
                return originalSeen;
        }
    }

    private void showTerms(int maxAgeDays) {
        terms.setText(maxAgeDays > 0 ? texts.get("paper.terms", maxAgeDays) : "");
        terms.setVisible(maxAgeDays > 0);
        terms.managedProperty().bind(terms.visibleProperty());
    }

    /** Dates as ISO text; what the clerk types in another common way is read too, an unreadable one is no date. */
    private static StringConverter<LocalDate> isoDates() {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                return PaperFormModel.parseDate(text);
            }
        };
    }

    /** Whether a popup of the form (a date, a category, a suggested centre) is open: Enter and Esc are its own. */
    boolean popupShowing() {
        return issued.isShowing() || category.isShowing() || suggestions.getAutoCompletionPopup().isShowing();
    }

    /**
     * Records the entry. A typed date is committed first, as the picker would on leaving it: otherwise its rewriting
     * of "2026/11/2" as "2026-11-02", when the focus moves to the field to correct, would wipe the message.
     */
    void submit() {
        LocalDate typed = PaperFormModel.parseDate(issued.getEditor().getText());
        if (typed != null) {
            issued.setValue(typed);
            issued.getEditor().setText(DateTimeFormatter.ISO_LOCAL_DATE.format(typed));
        }
        paper.submit();
    }

    boolean holdsFocus(Node focused) {
        for (Node node = focused; node != null; node = node.getParent()) {
            if (node == this) {
                return true;
            }
        }
        return false;
    }

    void focusFirstField() {
        number.requestFocus();
    }
}
