package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AuditReadException;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.ReviewRefusedException;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.ui.common.BackgroundRunner;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The supervisor's review queue without a toolkit: the paper-certificate entries no one has reviewed, oldest first,
 * their count, the one selected (with its detail), and approve or reject through {@link AuditActions#review} on the
 * background runner; the queue is read again after each review, whatever its outcome.
 */
public final class ReviewQueue {
    private static final System.Logger LOG = System.getLogger(ReviewQueue.class.getName());
    /** The access log's words for a look at the queue. */
    static final String SEARCH_DETAIL = "review queue (paper entries pending review)";

    private final AuditServices services;
    private final BackgroundRunner runner;
    private final AccessRecorder recorder;
    private final Supplier<String> supervisor;
    private final Consumer<AuditNotice> notices;
    private final EntryFocus focus;
    /** Told after each review, so another detail pane showing the entry reads its review again. */
    private final Runnable afterReview;
    private final ObservableList<StoredEntry> pending = FXCollections.observableArrayList();
    private final ObservableList<StoredEntry> readOnlyPending = FXCollections.unmodifiableObservableList(pending);
    /** {@code null} until the queue was read. */
    private final ReadOnlyObjectWrapper<Integer> count = new ReadOnlyObjectWrapper<>(this, "count");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    /** Bumped by every read, so a late answer of an older one is dropped. */
    private int generation;

    ReviewQueue(AuditServices services, BackgroundRunner runner, AccessRecorder recorder, Supplier<String> supervisor,
                Consumer<AuditNotice> notices, EntryFocus focus, Runnable afterReview) {
        this.services = services;
        this.runner = runner;
        this.recorder = recorder;
        this.supervisor = supervisor;
        this.notices = notices;
        this.focus = focus;
        this.afterReview = afterReview;
    }

    /** F5 or the refresh button: a look at the entries, recorded in the access log before it runs. */
    public void refresh() {
        load(true, 0);
    }

    /**
     * Reads the queue; the selection goes to the entry now at {@code keepIndex} (the next one after a review).
     *
     * @param record whether this is a look to record (not the read at sign-in, which OPEN_AUDIT covers, nor the
     *               read after a review, which the review's own event covers)
     */
    void load(boolean record, int keepIndex) {
        if (supervisor.get() == null) {
            return;
        }
        int read = ++generation;
        String who = supervisor.get();
        loading.set(true);
        runner.run(() -> {
            if (record) {
                recorder.recordOrRefuse(who, AccessEvent.Action.SEARCH, SEARCH_DETAIL);
            }
            return services.reader().reviewQueue();
        }, entries -> {
            if (read == generation) {
                show(entries, keepIndex);
            }
        }, error -> {
            if (read == generation) {
                loading.set(false);
                if (!(error instanceof AccessRecorder.NotRecorded)) {
                    LOG.log(System.Logger.Level.WARNING, "could not read the review queue", error);
                }
                notices.accept(error instanceof AuditReadException || error instanceof AccessRecorder.NotRecorded
                        ? AuditViewModel.noticeFor(error) : AuditNotice.of(AuditNotice.Kind.READ_FAILED, "UNAVAILABLE"));
            }
        });
    }

    private void show(List<StoredEntry> entries, int keepIndex) {
        loading.set(false);
        StoredEntry was = focus.selectedProperty().get();
        pending.setAll(entries);
        count.set(entries.size());
        StoredEntry next = entries.contains(was) ? was
                : entries.isEmpty() ? null : entries.get(Math.min(Math.max(keepIndex, 0), entries.size() - 1));
        if (next != was) {
            focus.selectedProperty().set(next);
        }
    }

    /**
     * Approves or rejects the selected entry. A rejection without a reason is refused here, before the store is asked
     * (which would refuse it too); an approval's reason may be empty and is recorded as given.
     */
    public void review(boolean approve, String reason) {
        StoredEntry entry = focus.selectedProperty().get();
        String who = supervisor.get();
        if (entry == null || who == null || busy.get()) {
            return;
        }
        String why = reason == null ? "" : reason.strip();
        if (!approve && why.isEmpty()) {
            notices.accept(AuditNotice.of(AuditNotice.Kind.REVIEW_REASON_MISSING));
            return;
        }
        if (why.codePointCount(0, why.length()) > ReviewRefusedException.MAX_REASON_LENGTH) {
            notices.accept(AuditNotice.of(AuditNotice.Kind.REVIEW_REASON_TOO_LONG,
                    ReviewRefusedException.MAX_REASON_LENGTH));
            return;
        }
        int index = pending.indexOf(entry);
        busy.set(true);
        notices.accept(null);
        runner.run(() -> services.actions().review(entry.seq(), approve, why, who), review -> {
            busy.set(false);
            notices.accept(AuditNotice.of(approve ? AuditNotice.Kind.APPROVED : AuditNotice.Kind.REJECTED,
                    entry.seq()));
            afterReview.run();
            load(false, index);
        }, error -> {
            busy.set(false);
            notices.accept(noticeFor(entry.seq(), error));
            load(false, index);
        });
    }

    static AuditNotice noticeFor(long seq, Throwable error) {
        if (error instanceof ReviewRefusedException) {
            switch (((ReviewRefusedException) error).why()) {
                case ALREADY_REVIEWED:
                    return AuditNotice.of(AuditNotice.Kind.REVIEW_TAKEN, seq);
                case NOT_PAPER:
                    return AuditNotice.of(AuditNotice.Kind.REVIEW_NOT_PAPER, seq);
                case REASON_REQUIRED:
                    return AuditNotice.of(AuditNotice.Kind.REVIEW_REASON_MISSING);
                case REASON_TOO_LONG:
                    return AuditNotice.of(AuditNotice.Kind.REVIEW_REASON_TOO_LONG,
                            ReviewRefusedException.MAX_REASON_LENGTH);
                case NO_SUCH_ENTRY:
                    return AuditNotice.of(AuditNotice.Kind.REVIEW_GONE, seq);
                default:
                    break;
            }
        }
        // a refusal this screen does not know yet, or a store problem: said as not recorded, the detail in the log
        LOG.log(System.Logger.Level.ERROR, "the review of audit entry " + seq + " was not recorded", error);
        String kind = error instanceof AuditWriteException ? ((AuditWriteException) error).kind().name()
                : "UNAVAILABLE";
        return AuditNotice.of(AuditNotice.Kind.REVIEW_FAILED, seq, kind);
    }

    /** The pending paper entries, oldest first. */
    public ObservableList<StoredEntry> pending() {
        return readOnlyPending;
    }

    /** How many entries wait for review; {@code null} before the queue was read. */
    public ReadOnlyObjectProperty<Integer> countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Set while a review is being recorded: the approve and reject buttons wait. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The queue's selected entry and what is read about it. */
    public EntryFocus focus() {
        return focus;
    }
}
