package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.ProofDetail;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.ui.common.FocusReturn;
import com.waiverdesk.ui.common.Texts;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The review queue: the paper entries waiting for the supervisor, oldest first, a page at a time as the table scrolls,
 * with the selected one's detail below. In the table Enter or A approves, R rejects (each through a small dialog asking
 * the reason), F5 reads it again from the oldest.
 */
final class ReviewPane extends SplitPane {
    private final ReviewQueue queue;
    private final AuditWords words;
    private final TableView<StoredEntry> table;

    ReviewPane(AuditViewModel model, AuditWords words) {
        this.queue = model.reviewQueue();
        this.words = words;
        Texts texts = words.texts();
        setId("reviewPane");
        setOrientation(Orientation.VERTICAL);
        table = new TableView<>(queue.pending());
        table.setId("reviewTable");
        table.getStyleClass().add("audit-table");
        table.setAccessibleText(texts.get("audit.tab.review.reading"));
        table.getColumns().add(column(texts.get("audit.column.time"), 200, e -> words.time(e.workstationTime())));
        table.getColumns().add(column(texts.get("audit.column.id"), 150, AuditEntry::maskedId));
        table.getColumns().add(column(texts.get("audit.column.name"), 130, AuditEntry::name));
        table.getColumns().add(paper(texts.get("audit.queue.column.number"), 130, ProofDetail::paperNumber));
        table.getColumns().add(paper(texts.get("audit.queue.column.centre"), 170, ProofDetail::paperCentre));
        table.getColumns().add(paper(texts.get("audit.queue.column.issued"), 100, p -> p.paperIssued() == null
                ? null : p.paperIssued().toString()));
        table.getColumns().add(paper(texts.get("audit.queue.column.category"), 120, p -> p.paperCategory() == null
                ? null : words.category(p.paperCategory())));
        table.getColumns().add(EntryTable.decisionColumn(texts.get("audit.queue.column.decision"), words));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new PagingRow<>(queue.hasMoreProperty()::get, queue::loadMore));
        Label empty = new Label();
        empty.setId("reviewPlaceholder");
        empty.textProperty().bind(Bindings.createStringBinding(() -> queue.loadingProperty().get()
                ? texts.get("audit.queue.loading") : texts.get("audit.queue.empty"), queue.loadingProperty()));
        table.setPlaceholder(empty);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> {
            if (entry != null) {
                queue.focus().selectedProperty().set(entry);
            }
        });
        queue.focus().selectedProperty().addListener((obs, old, entry) -> {
            if (table.getSelectionModel().getSelectedItem() != entry) {
                table.getSelectionModel().select(entry);
            }
        });
        // A and R act on KEY_TYPED, the last event of their key press (on KEY_PRESSED the letter that follows went
        // into the dialog's reason field), and only after a plain A or R went down here: not the 'r' of Ctrl+R, which
        // brought the focus to this table
        KeyCode[] armed = {null};
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean plain = !(e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown());
            armed[0] = plain && (e.getCode() == KeyCode.A || e.getCode() == KeyCode.R) ? e.getCode() : null;
            if (e.getCode() == KeyCode.ENTER && plain) {
                e.consume();
                ask(true);
            }
        });
        table.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            KeyCode key = armed[0];
            armed[0] = null;
            if (key != null) {
                e.consume();
                ask(key == KeyCode.A);
            }
        });

        Button approve = button("approveButton", texts.get("audit.queue.approve"), () -> ask(true));
        Button reject = button("rejectButton", texts.get("audit.queue.reject"), () -> ask(false));
        reject.getStyleClass().add("danger");
        for (Button b : new Button[] {approve, reject}) {
            b.disableProperty().bind(queue.busyProperty().or(queue.focus().selectedProperty().isNull()));
        }
        Button refresh = button("refreshQueueButton", texts.get("audit.queue.refresh"), queue::refresh);
        // under the table, how far the loaded pages reach while more wait than are loaded (the tab counts them all)
        Label shown = new Label();
        shown.setId("reviewShown");
        shown.getStyleClass().add("audit-queue-shown");
        shown.textProperty().bind(Bindings.createStringBinding(() -> queue.countProperty().get() == null ? ""
                : texts.get("audit.queue.shown", queue.pending().size(), queue.countProperty().get()),
                queue.pending(), queue.countProperty()));
        shown.visibleProperty().bind(Bindings.createBooleanBinding(() -> queue.countProperty().get() != null
                && queue.countProperty().get() > queue.pending().size(), queue.pending(), queue.countProperty()));
        shown.managedProperty().bind(shown.visibleProperty());
        Label hint = new Label(texts.get("audit.queue.hint"));
        hint.getStyleClass().add("audit-queue-hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(approve, reject, refresh, spacer, hint);
        bar.getStyleClass().addAll("audit-buttons", "audit-queue-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(bar, table, shown);
        VBox.setVgrow(table, Priority.ALWAYS);
        getItems().addAll(top, new DetailPane(model, queue.focus(), words, "reviewDetailPane"));
        setDividerPositions(0.5);
    }

    /**
     * Asks the reason, then records the review; the dialog closes on Esc with nothing recorded. It opens after the key
     * event that asked for it, not inside it (no nested event loop in a key handler: see DialogButtons' GTK crash).
     */
    private void ask(boolean approve) {
        Platform.runLater(() -> {
            StoredEntry entry = queue.focus().selectedProperty().get();
            if (entry == null || queue.busyProperty().get() || getScene() == null) {
                return;
            }
            new ReviewDialog(entry, approve, words, getScene().getWindow()).showAndWait()
                    .ifPresent(reason -> queue.review(approve, reason));
            table.requestFocus();
        });
    }

    void focusTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().select(0);
        }
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        FocusReturn.whenEnabledAgain(button);
        return button;
    }

    private static TableColumn<StoredEntry, String> column(String title, double width,
                                                           Function<AuditEntry, String> value) {
        TableColumn<StoredEntry, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue().entry())));
        return column;
    }

    private TableColumn<StoredEntry, String> paper(String title, double width, Function<ProofDetail, String> value) {
        return column(title, width, e -> e.proof() == null ? words.none() : orNone(value.apply(e.proof())));
    }

    private String orNone(String text) {
        return text == null ? words.none() : text;
    }
}
