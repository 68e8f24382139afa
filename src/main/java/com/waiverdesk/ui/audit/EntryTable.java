package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.ui.common.Texts;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The entries, newest first. The table only makes cells for the rows on screen, and asks the model for the next page
 * when a row near the end of what is loaded comes into view, so a log of millions opens at once.
 */
final class EntryTable extends TableView<StoredEntry> {
    private static final List<String> DECISION_CLASSES = List.of("waive", "reduce", "charge", "cannot-verify",
            "invalid-input");

    private final AuditViewModel model;
    private final AuditWords words;

    EntryTable(AuditViewModel model, AuditWords words) {
        super(model.entries());
        this.model = model;
        this.words = words;
        Texts texts = words.texts();
        setId("entryTable");
        getStyleClass().add("audit-table");
        setAccessibleText(texts.get("audit.tab.entries"));
        getColumns().add(column(texts.get("audit.column.time"), 200, e -> words.time(e.workstationTime())));
        getColumns().add(column(texts.get("audit.column.operator"), 90, AuditEntry::operator));
        getColumns().add(column(texts.get("audit.column.workstation"), 95, AuditEntry::workstation));
        getColumns().add(column(texts.get("audit.column.id"), 150, AuditEntry::maskedId));
        getColumns().add(column(texts.get("audit.column.name"), 130, AuditEntry::name));
        getColumns().add(column(texts.get("audit.column.channel"), 200, e -> words.channel(e.channel())));
        getColumns().add(decisionColumn(texts.get("audit.column.decision"), words));
        TableColumn<StoredEntry, String> percent = column(texts.get("audit.column.percent"), 70,
                e -> e.depositPercent() == null ? words.none() : e.depositPercent() + "%");
        percent.getStyleClass().add("number-column");
        getColumns().add(percent);
        getColumns().add(column(texts.get("audit.column.result"), 115, e -> words.result(e.serviceResult())));
        getColumns().add(column(texts.get("audit.column.error"), 150, words::error));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setRowFactory(table -> new PagingRow<>(model.hasMoreProperty()::get, model::loadMore));
        Label empty = new Label();
        empty.setId("tablePlaceholder");
        empty.setWrapText(true);
        empty.textProperty().bind(Bindings.createStringBinding(() -> model.rejectedProperty().get() != null
                ? texts.get("audit.table.rejected", words.notice(model.rejectedProperty().get()))
                : model.loadingProperty().get() ? texts.get("audit.table.loading") : texts.get("audit.table.empty"),
                model.rejectedProperty(), model.loadingProperty()));
        setPlaceholder(empty);
        getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> model.selectedProperty().set(entry));
    }

    private TableColumn<StoredEntry, String> column(String title, double width, Function<AuditEntry, String> value) {
        TableColumn<StoredEntry, String> column = new TableColumn<>(title);
        // every column at least as wide as its usual content: a narrow window scrolls sideways instead of hiding text
        column.setPrefWidth(width);
        column.setMinWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue().entry())));
        return column;
    }

    /** The decision in words, coloured as on the clerk's card (also the review queue's). */
    static TableColumn<StoredEntry, DecisionKind> decisionColumn(String title, AuditWords words) {
        TableColumn<StoredEntry, DecisionKind> column = new TableColumn<>(title);
        column.setPrefWidth(125);
        column.setMinWidth(125);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().entry().decision()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(DecisionKind kind, boolean empty) {
                super.updateItem(kind, empty);
                getStyleClass().removeAll(DECISION_CLASSES);
                setText(empty || kind == null ? null : words.decision(kind));
                if (!empty && kind != null) {
                    getStyleClass().add(decisionClass(kind));
                }
            }
        });
        column.getStyleClass().add("decision-column");
        return column;
    }

    static String decisionClass(DecisionKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
