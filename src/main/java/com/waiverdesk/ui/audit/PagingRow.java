package com.waiverdesk.ui.audit;

import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.TableRow;

/**
 * A table row that, when it shows one of the last loaded entries, asks for the next page: a keyset-paged table (the
 * entries, the review queue) loads as it scrolls, never whole.
 */
final class PagingRow<T> extends TableRow<T> {
    /** How close to the end of the loaded rows the next page is fetched. */
    static final int PREFETCH_ROWS = 30;

    private final BooleanSupplier hasMore;
    private final Runnable loadMore;

    PagingRow(BooleanSupplier hasMore, Runnable loadMore) {
        this.hasMore = hasMore;
        this.loadMore = loadMore;
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        // only a row on screen: the table also fills an invisible row, with any index, to measure row heights
        if (!empty && item != null && getIndex() >= getTableView().getItems().size() - PREFETCH_ROWS
                && isVisible() && getParent() != null && getParent().isVisible() && hasMore.getAsBoolean()) {
            // not during the table's layout pass: the new page changes the items
            Platform.runLater(loadMore);
        }
    }
}
