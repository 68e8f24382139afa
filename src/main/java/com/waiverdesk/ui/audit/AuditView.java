package com.waiverdesk.ui.audit;

import com.waiverdesk.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The supervisor's audit trail once signed in: filters on top, the entries with their detail (or the charts) in the
 * middle, the review queue of paper certificates in its own tab, the jobs at the bottom. Ctrl+F goes to the filters,
 * Ctrl+D to the table, Ctrl+R to the review queue; F5 searches again (reads the queue again in its tab).
 */
final class AuditView extends BorderPane {
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination TABLE = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REVIEW = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);

    private final FilterBar filters;
    private final EntryTable table;

    AuditView(AuditViewModel model, AuditWords words, PathChooser paths) {
        Texts texts = words.texts();
        getStyleClass().add("audit");
        setId("auditView");
        filters = new FilterBar(model, words);
        table = new EntryTable(model, words);

        Label title = new Label(texts.get("audit.title"));
        title.getStyleClass().add("app-title");
        Label who = new Label(texts.get("audit.signedIn", model.login().signedInAsProperty().get()));
        who.setId("signedInAs");
        who.getStyleClass().add("audit-signed-in");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button change = new Button(texts.get("audit.button.changePassphrase"));
        change.setId("changePassphraseButton");
        change.setOnAction(e -> new ChangePassphraseDialog(model.login(), words, getScene().getWindow()).show());
        // an audit server login's password is the server's (IT changes it), not a passphrase file's
        change.setVisible(!model.login().onServer());
        change.setManaged(change.isVisible());
        HBox header = new HBox(title, who, spacer, change);
        header.getStyleClass().add("audit-header");
        header.setAlignment(Pos.CENTER_LEFT);
        setTop(new VBox(header, filters));

        SplitPane split = new SplitPane(table, new DetailPane(model, model.focus(), words, "detailPane"));
        // the detail under the table: the table keeps the full width its nine columns need
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        Tab entries = new Tab(texts.get("audit.tab.entries"), split);
        entries.setId("entriesTab");
        Tab charts = new Tab(texts.get("audit.tab.charts"), new ChartsPane(model, words));
        charts.setId("chartsTab");
        ReviewPane queue = new ReviewPane(model, words);
        Tab review = new Tab(texts.get("audit.tab.review.reading"), queue);
        review.setId("reviewTab");
        // the count in the tab's title: the supervisor sees there is work waiting without opening it
        review.textProperty().bind(Bindings.createStringBinding(() -> {
            Long pending = model.reviewQueue().countProperty().get();
            return pending == null ? texts.get("audit.tab.review.reading") : texts.get("audit.tab.review", pending);
        }, model.reviewQueue().countProperty()));
        TabPane tabs = new TabPane(entries, review, charts);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("audit-tabs");
        model.chartsShownProperty().bind(charts.selectedProperty());
        setCenter(tabs);
        setBottom(new ActionBar(model, words, paths));

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (FIND.match(e)) {
                filters.focusFirst();
                e.consume();
            } else if (TABLE.match(e)) {
                tabs.getSelectionModel().select(entries);
                table.requestFocus();
                e.consume();
            } else if (REVIEW.match(e)) {
                tabs.getSelectionModel().select(review);
                queue.focusTable();
                e.consume();
            } else if (e.getCode() == KeyCode.F5) {
                if (review.isSelected()) {
                    model.reviewQueue().refresh();
                } else {
                    model.search();
                }
                e.consume();
            }
        });
    }

    void focusFirstFilter() {
        filters.focusFirst();
    }
}
