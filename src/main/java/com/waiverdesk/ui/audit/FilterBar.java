package com.waiverdesk.ui.audit;

import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.MatchResult;
import com.waiverdesk.ui.common.Texts;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import javafx.util.converter.LocalDateStringConverter;
import org.controlsfx.control.CheckComboBox;

/** The search fields; Enter in any of them, or the Search button, applies them all together. */
final class FilterBar extends FlowPane {
    /** Days as the log and the exports write them, whatever the computer's locale. */
    static final StringConverter<LocalDate> ISO_DAYS = new LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ISO_LOCAL_DATE);

    private final AuditViewModel model;
    private final Texts texts;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final TextField name = new TextField();

    FilterBar(AuditViewModel model, AuditWords words) {
        this.model = model;
        this.texts = words.texts();
        AuditFilterForm form = model.form();
        getStyleClass().add("audit-filters");
        from.setId("fromDate");
        to.setId("toDate");
        from.valueProperty().bindBidirectional(form.fromProperty());
        to.valueProperty().bindBidirectional(form.toProperty());
        for (DatePicker picker : List.of(from, to)) {
            picker.setConverter(ISO_DAYS);
            picker.setPromptText("yyyy-mm-dd");
            picker.getStyleClass().add("audit-date");
        }
        TextField operator = text("operatorFilter", form.operatorProperty());
        TextField workstation = text("workstationFilter", form.workstationProperty());
        CheckComboBox<String> error = CheckFilter.of("errorFilter", model.errorKeys(), words::errorChoice,
                form.errorCodes(), texts.get("audit.filter.all"));
        bind(name, "nameFilter", form.nameFragmentProperty());
        TextField id = text("idFilter", form.residentIdProperty());
        id.setPromptText(texts.get("audit.filter.id.prompt"));
        id.setTooltip(new Tooltip(texts.get("audit.filter.id.hint")));
        id.getStyleClass().add("audit-id-filter");
        CheckComboBox<DecisionKind> decision = CheckFilter.of("decisionFilter",
                FXCollections.observableArrayList(DecisionKind.values()), words::decision, form.decisions(),
                texts.get("audit.filter.all"));
        CheckComboBox<Channel> channel = CheckFilter.of("channelFilter",
                FXCollections.observableArrayList(Channel.values()), words::channel, form.channels(),
                texts.get("audit.filter.all"));
        ChoiceBox<MatchResult> result = choice("resultFilter", MatchResult.values(), words::result,
                form.serviceResultProperty());

        Button search = new Button(texts.get("audit.filter.search"));
        search.setId("searchButton");
        search.getStyleClass().add("audit-search");
        search.setOnAction(e -> apply());
        Button clear = new Button(texts.get("audit.filter.clear"));
        clear.setId("clearFiltersButton");
        clear.setOnAction(e -> {
            form.clear();
            apply();
        });
        // days are whole days of the workstation's zone: say which, since the log's times carry their offset
        Label zone = new Label(texts.get("audit.filter.zone", words.offsetNow(model.now())));
        zone.setId("filterZone");
        zone.getStyleClass().add("audit-filter-zone");
        HBox buttons = new HBox(search, clear);
        buttons.getStyleClass().add("audit-buttons");

        getChildren().addAll(
                pair(label(texts.get("audit.filter.from"), from), from, label(texts.get("audit.filter.to"), to), to,
                        zone),
                pair(label(texts.get("audit.filter.name"), name), name),
                pair(label(texts.get("audit.filter.id"), id), id),
                pair(label(texts.get("audit.filter.decision"), decision), decision),
                pair(label(texts.get("audit.filter.channel"), channel), channel),
                pair(label(texts.get("audit.filter.operator"), operator), operator),
                pair(label(texts.get("audit.filter.workstation"), workstation), workstation),
                pair(label(texts.get("audit.filter.result"), result), result),
                pair(label(texts.get("audit.filter.error"), error), error),
                buttons);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                apply();
            }
        });
    }

    /** Takes what is typed in a date field even before it lost focus, then searches. */
    private void apply() {
        for (DatePicker picker : List.of(from, to)) {
            String typed = picker.getEditor().getText();
            try {
                picker.setValue(typed == null || typed.isBlank() ? null : picker.getConverter().fromString(typed));
            } catch (DateTimeParseException e) {
                picker.getEditor().setText(picker.getValue() == null ? "" : picker.getConverter()
                        .toString(picker.getValue()));
            }
        }
        model.search();
    }

    private static TextField text(String id, StringProperty value) {
        TextField field = new TextField();
        bind(field, id, value);
        return field;
    }

    private static void bind(TextField field, String id, StringProperty value) {
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        field.getStyleClass().add("audit-filter-field");
    }

    private <T> ChoiceBox<T> choice(String id, T[] values, Function<T, String> wording, ObjectProperty<T> value) {
        // the first entry, null, is "all": the form's null means "do not filter"
        List<T> items = new ArrayList<>();
        items.add(null);
        items.addAll(List.of(values));
        ChoiceBox<T> box = new ChoiceBox<>(FXCollections.observableArrayList(items));
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return wording.apply(item);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        });
        box.getSelectionModel().select(0);
        box.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) ->
                value.set(index.intValue() <= 0 ? null : items.get(index.intValue())));
        value.addListener((obs, old, now) -> box.getSelectionModel().select(items.indexOf(now)));
        return box;
    }

    /** A label and its field(s), kept together when the bar wraps. */
    private static HBox pair(Node... nodes) {
        HBox box = new HBox(nodes);
        box.getStyleClass().add("audit-filter-pair");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label label(String text, Node field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        field.setAccessibleText(text);
        return label;
    }

    void focusFirst() {
        name.requestFocus();
    }
}
