package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AuditReadException;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.ReviewPage;
import com.waiverdesk.audit.ReviewRefusedException;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.ui.common.BackgroundRunner;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The supervisor's review queue without a toolkit: the paper-certificate entries no one has reviewed, oldest first, a
 * page at a time (the first at sign-in, the next when the table nears the end of what is loaded: never the whole
 * queue), their count, the one selected (with its detail), and approve or reject through {@link AuditActions#review}
 * on the background runner. A reviewed entry leaves the list where it stands, the next one is selected, and the count
 * is read again, so it stays right when other supervisors review too.
 */
public final class ReviewQueue {
    private static final System.Logger LOG = System.getLogger(ReviewQueue.class.getName());
    /** The access log's words for a look at the queue (the audit server's functions use the same). */
    static final String SEARCH_DETAIL = "review queue (paper entries pending review)";
    static final int PAGE_SIZE = 100;
    /** Refusals that say the entry is no longer waiting (reviewed by someone else, purged, not paper after all). */
    private static final Set<ReviewRefusedException.Why> GONE = EnumSet.of(ReviewRefusedException.Why.ALREADY_REVIEWED,
            ReviewRefusedException.Why.NO_SUCH_ENTRY, ReviewRefusedException.Why.NOT_PAPER);

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
    private final ReadOnlyObjectWrapper<Long> count = new ReadOnlyObjectWrapper<>(this, "count");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    /** Bumped by every read from the start, so a late answer of an older one is dropped. */
    private int generation;
    /** The key of the next page: the seq of the last entry loaded. */
    private long afterSeq;
    /** Set when the reviewed entry was the last loaded one: the next page's first is the one to select. */
    private boolean selectNextArrival;

    private record Look(ReviewPage page, long count) {
    }

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
        load(true);
    }

    /**
     * Reads the first page and the count; the selection stays on its entry if that is still on the page, else goes
     * to the oldest.
     *
     * @param record whether this is a look to record (not the read at sign-in, which OPEN_AUDIT covers)
     */
    void load(boolean record) {
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
            ReviewPage first = services.reader().reviewQueue(0, PAGE_SIZE);
            return new Look(first, services.reader().pendingReviews());
        }, look -> {
            if (read == generation) {
                show(look);
            }
        }, error -> failed(read, error));
    }

    /** The table nears the end of the loaded entries: reads the next page, if there is one and none is on its way. */
    public void loadMore() {
        if (supervisor.get() == null || loading.get() || !hasMore.get()) {
            return;
        }
        int read = generation;
        long after = afterSeq;
        loading.set(true);
        runner.run(() -> services.reader().reviewQueue(after, PAGE_SIZE), page -> {
            if (read == generation) {
                append(page);
            }
        }, error -> failed(read, error));
    }

    private void show(Look look) {
        loading.set(false);
        selectNextArrival = false;
        List<StoredEntry> entries = look.page().entries();
        StoredEntry was = focus.selectedProperty().get();
        pending.setAll(entries);
        afterSeq = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
        hasMore.set(look.page().hasMore());
        StoredEntry next = was != null && entries.contains(was) ? was : entries.isEmpty() ? null : entries.get(0);
        if (next != was) {
            focus.selectedProperty().set(next);
        }
        counted(look.count());
    }

    private void append(ReviewPage page) {
        loading.set(false);
        List<StoredEntry> entries = page.entries();
        pending.addAll(entries);
        if (!entries.isEmpty()) {
            afterSeq = entries.get(entries.size() - 1).seq();
        }
        hasMore.set(page.hasMore());
        if (selectNextArrival || focus.selectedProperty().get() == null) {
            selectNextArrival = false;
            if (!entries.isEmpty()) {
                focus.selectedProperty().set(entries.get(0));
            } else if (!pending.isEmpty()) {
                focus.selectedProperty().set(pending.get(pending.size() - 1));
            }
        }
    }

    /**
     * The count just read. More waiting than are loaded while no page is said to follow: entries came after the last
     * page was read, and the next page brings them.
     */
    private void counted(long n) {
        count.set(n);
        if (!hasMore.get() && n > pending.size()) {
            hasMore.set(true);
            loadMore();
        }
    }

    private void failed(int read, Throwable error) {
        if (read != generation) {
            return;
        }
        loading.set(false);
        if (!(error instanceof AccessRecorder.NotRecorded)) {
            LOG.log(System.Logger.Level.WARNING, "could not read the review queue", error);
        }
        notices.accept(error instanceof AuditReadException || error instanceof AccessRecorder.NotRecorded
                ? AuditViewModel.noticeFor(error) : AuditNotice.of(AuditNotice.Kind.READ_FAILED, "UNAVAILABLE"));
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
        busy.set(true);
        notices.accept(null);
        runner.run(() -> services.actions().review(entry.seq(), approve, why, who), review -> {
            busy.set(false);
            notices.accept(AuditNotice.of(approve ? AuditNotice.Kind.APPROVED : AuditNotice.Kind.REJECTED,
                    entry.seq()));
            afterReview.run();
            leave(entry);
        }, error -> {
            busy.set(false);
            notices.accept(noticeFor(entry.seq(), error));
            if (error instanceof ReviewRefusedException && GONE.contains(((ReviewRefusedException) error).why())) {
                leave(entry);
            } else {
                recount();
            }
        });
    }

    /**
     * The entry is no longer waiting: it leaves the list, the one that took its place is selected (the next page's
     * first when it was the last loaded), and the count is read again.
     */
    private void leave(StoredEntry entry) {
        int index = pending.indexOf(entry);
        // read before the removal, which a table bound to the list answers by selecting a neighbour of its own choice
        StoredEntry selected = focus.selectedProperty().get();
        if (index >= 0) {
            pending.remove(index);
        }
        if (selected == null || selected.equals(entry)) {
            int at = Math.max(index, 0);
            if (at < pending.size()) {
                focus.selectedProperty().set(pending.get(at));
            } else if (hasMore.get()) {
                focus.selectedProperty().set(null);
                selectNextArrival = true;
                loadMore();
            } else {
                focus.selectedProperty().set(pending.isEmpty() ? null : pending.get(pending.size() - 1));
            }
        }
        recount();
    }

    private void recount() {
        int read = generation;
        runner.run(() -> services.reader().pendingReviews(), n -> {
            if (read == generation) {
                counted(n);
            }
        }, error -> {
            // the count shown stays as it was until the next read; the review's own notice says what happened
            LOG.log(System.Logger.Level.WARNING, "could not count the review queue", error);
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

    /** The pending paper entries loaded so far, oldest first. */
    public ObservableList<StoredEntry> pending() {
        return readOnlyPending;
    }

    /** How many entries wait for review (loaded or not); {@code null} before the queue was read. */
    public ReadOnlyObjectProperty<Long> countProperty() {
        return count.getReadOnlyProperty();
    }

    /** Whether entries after the loaded ones wait: the table asks for them ({@link #loadMore}) as it nears its end. */
    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
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
