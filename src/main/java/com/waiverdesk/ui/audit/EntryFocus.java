package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.AuditReader;
import com.waiverdesk.audit.ChainReport;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.ui.common.BackgroundRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * One entry a detail pane shows (the entry table's selection, the review queue's) with what is read about it from
 * the access chain on the background runner: whether the desk showed its decision, and a paper entry's review.
 */
public final class EntryFocus {
    private final AuditReader reader;
    private final BackgroundRunner runner;
    private final ObjectProperty<StoredEntry> selected = new SimpleObjectProperty<>(this, "selected");
    /** {@code null} while read or with nothing selected. */
    private final ReadOnlyObjectWrapper<Boolean> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyObjectWrapper<ReviewState> review = new ReadOnlyObjectWrapper<>(this, "review");
    private final ObjectBinding<ChainStatus> chainStatus;

    EntryFocus(AuditReader reader, BackgroundRunner runner, ObservableValue<ChainReport> chainReport) {
        this.reader = reader;
        this.runner = runner;
        chainStatus = Bindings.createObjectBinding(() -> selected.get() == null ? null
                : ChainStatus.of(chainReport.getValue(), selected.get().seq()), selected, chainReport);
        selected.addListener((obs, old, entry) -> reread());
    }

    /** Reads again what the access chain says of the entry (after a review of it). */
    void reread() {
        StoredEntry entry = selected.get();
        shown.set(null);
        review.set(entry == null ? null : ReviewState.reading(entry));
        if (entry == null) {
            return;
        }
        runner.run(() -> !reader.notShown(entry.seq()), wasShown -> {
            if (selected.get() == entry) {
                shown.set(wasShown);
            }
        }, error -> { });
        if (review.get().status() == ReviewState.Status.READING) {
            runner.run(() -> ReviewState.read(reader, entry), state -> {
                if (selected.get() == entry) {
                    review.set(state);
                }
            }, error -> {
                if (selected.get() == entry) {
                    review.set(ReviewState.unreadable());
                }
            });
        }
    }

    public ObjectProperty<StoredEntry> selectedProperty() {
        return selected;
    }

    /** Whether the desk showed the entry's decision ({@code false}: the clerk moved on before it appeared). */
    public ReadOnlyObjectProperty<Boolean> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** A paper entry's review (or that it is pending); {@link ReviewState.Status#NOT_PAPER} for other entries. */
    public ReadOnlyObjectProperty<ReviewState> reviewProperty() {
        return review.getReadOnlyProperty();
    }

    public ObjectBinding<ChainStatus> chainStatusBinding() {
        return chainStatus;
    }
}
