package com.waiverdesk.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.Review;
import com.waiverdesk.audit.StoredEntry;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The review queue without a toolkit: what waits, approve and reject, and each refusal in the supervisor's words. */
class ReviewQueueTest {
    private final AuditFixture fx = new AuditFixture();
    private final StepRunner runner = new StepRunner();
    private AuditViewModel model;
    private ReviewQueue queue;

    @BeforeEach
    void threePaperEntriesWait() {
        PaperEntries.makePaper(fx, 250, "SH-P-0250");
        PaperEntries.makePaper(fx, 120, "SH-P-0120");
        PaperEntries.makePaper(fx, 7, "SH-P-0007");
        model = fx.signedIn(runner);
        queue = model.reviewQueue();
    }

    private static long[] seqs(Iterable<StoredEntry> entries) {
        java.util.List<Long> all = new java.util.ArrayList<>();
        entries.forEach(e -> all.add(e.seq()));
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void theQueueIsReadAtSignInOldestFirstWithItsCountAndWithoutASearchEvent() {
        assertThat(seqs(queue.pending())).containsExactly(7, 120, 250);
        assertThat(queue.countProperty().get()).isEqualTo(3L);
        assertThat(queue.hasMoreProperty().get()).isFalse();
        assertThat(queue.focus().selectedProperty().get().seq()).isEqualTo(7);
        assertThat(fx.access.actions()).containsExactly(AccessEvent.Action.OPEN_AUDIT);
    }

    @Test
    void refreshingIsALookAtTheEntriesAndIsRecordedFirst() {
        int reads = fx.reader.queueReads.get();
        queue.refresh();
        runner.runAll();

        assertThat(fx.access.actions()).containsExactly(AccessEvent.Action.OPEN_AUDIT, AccessEvent.Action.SEARCH);
        assertThat(fx.access.events.get(1).detail()).isEqualTo(ReviewQueue.SEARCH_DETAIL);
        assertThat(fx.reader.queueReads.get()).isEqualTo(reads + 1);
    }

    @Test
    void aRefreshThatCannotBeRecordedDoesNotReadTheQueue() {
        int reads = fx.reader.queueReads.get();
        fx.access.failWith(AuditWriteException.Kind.DISK_FULL);
        queue.refresh();
        runner.runAll();

        assertThat(fx.reader.queueReads.get()).isEqualTo(reads);
        assertThat(model.noticeProperty().get().kind()).isEqualTo(AuditNotice.Kind.NOT_RECORDED);
    }

    @Test
    void approvingRecordsTheSupervisorsReviewThenTheEntryLeavesAndTheNextIsSelected() {
        int reads = fx.reader.queueReads.get();
        queue.review(true, "  original seen, stamp matches  ");
        assertThat(queue.busyProperty().get()).isTrue();
        runner.runAll();

        assertThat(fx.actions.reviews).containsExactly("APPROVE 7 original seen, stamp matches by Head nurse Zhou");
        assertThat(model.noticeProperty().get()).isEqualTo(AuditNotice.of(AuditNotice.Kind.APPROVED, 7L));
        assertThat(queue.busyProperty().get()).isFalse();
        assertThat(seqs(queue.pending())).containsExactly(120, 250);
        assertThat(queue.countProperty().get()).as("read again from the store").isEqualTo(2L);
        assertThat(queue.focus().selectedProperty().get().seq()).isEqualTo(120);
        assertThat(fx.reader.queueReads.get()).as("the pages shown are not read again").isEqualTo(reads);
    }

    @Test
    void theCountFollowsReviewsOfOtherSupervisors() {
        fx.reader.reviews.put(250L, new Review(true, "", "Dr Li", Instant.EPOCH, "ADM-SUP-2"));
        queue.review(true, "");
        runner.runAll();

        assertThat(seqs(queue.pending())).as("until the next look, the list is what was read").containsExactly(120,
                250);
        assertThat(queue.countProperty().get()).isEqualTo(1L);
    }

    @Test
    void aPaperEntryRecordedAfterTheLastPageIsListedOnceTheCountShowsIt() {
        StoredEntry row = fx.reader.rows.get(0);
        fx.reader.rows.add(new StoredEntry(301, PaperEntries.paper(row.entry().workstationTime(),
                SyntheticEntries.IDS[1], "李建国", "SH-P-0301", null), "p301", "h301"));
        queue.review(true, "");
        runner.runAll();

        assertThat(seqs(queue.pending())).containsExactly(120, 250, 301);
        assertThat(queue.countProperty().get()).isEqualTo(3L);
        assertThat(queue.hasMoreProperty().get()).isFalse();
    }

    @Test
    void anApprovalNeedsNoReason() {
        queue.review(true, null);
        runner.runAll();

        assertThat(fx.actions.reviews).containsExactly("APPROVE 7  by Head nurse Zhou");
    }

    @Test
    void aRejectionWithoutAReasonIsRefusedBeforeTheStoreIsAsked() {
        queue.review(false, "   ");
        runner.runAll();

        assertThat(fx.actions.calls).doesNotContain("review");
        assertThat(model.noticeProperty().get().kind()).isEqualTo(AuditNotice.Kind.REVIEW_REASON_MISSING);
    }

    @Test
    void anEntryAnotherSupervisorReviewedMeanwhileSaysSoAndLeavesTheQueue() {
        fx.actions.reviewed.add(7L);
        fx.reader.reviews.put(7L, new Review(true, "", "Dr Li", Instant.EPOCH, "ADM-SUP-2"));
        int counts = fx.reader.queueCounts.get();
        queue.review(false, "stamp missing");
        runner.runAll();

        assertThat(fx.actions.reviews).isEmpty();
        assertThat(model.noticeProperty().get()).isEqualTo(AuditNotice.of(AuditNotice.Kind.REVIEW_TAKEN, 7L));
        assertThat(seqs(queue.pending())).containsExactly(120, 250);
        assertThat(queue.focus().selectedProperty().get().seq()).isEqualTo(120);
        assertThat(fx.reader.queueCounts.get()).isEqualTo(counts + 1);
        assertThat(queue.countProperty().get()).isEqualTo(2L);
    }

    @Test
    void aStorageProblemSaysTheReviewWasNotRecorded() {
        fx.actions.reviewFailure = AuditWriteException.Kind.READ_ONLY;
        queue.review(true, "");
        runner.runAll();

        assertThat(model.noticeProperty().get())
                .isEqualTo(AuditNotice.of(AuditNotice.Kind.REVIEW_FAILED, 7L, "READ_ONLY"));
        assertThat(model.noticeProperty().get().kind().isProblem()).isTrue();
        assertThat(queue.busyProperty().get()).isFalse();
        assertThat(seqs(queue.pending())).as("still waiting").containsExactly(7, 120, 250);
        assertThat(queue.focus().selectedProperty().get().seq()).isEqualTo(7);
    }

    @Test
    void theDetailOfAQueuedEntrySaysPendingAndOfAReviewedOneWhoReviewedIt() {
        assertThat(queue.focus().reviewProperty().get().status()).isEqualTo(ReviewState.Status.PENDING);

        Instant at = Instant.parse("2025-03-01T03:10:00Z");
        fx.reader.reviews.put(120L, new Review(false, "centre unknown", "Head nurse Zhou", at, "ADM-SUP"));
        model.selectedProperty().set(fx.reader.rows.get(119));
        runner.runAll();

        assertThat(model.focus().reviewProperty().get())
                .isEqualTo(new ReviewState(ReviewState.Status.REVIEWED, false, "centre unknown", "Head nurse Zhou", at,
                        "ADM-SUP"));
        model.selectedProperty().set(fx.reader.rows.get(0));
        runner.runAll();
        assertThat(model.focus().reviewProperty().get().status()).isEqualTo(ReviewState.Status.NOT_PAPER);
    }

    @Test
    void aReasonOfMoreThan500CharactersIsRefusedBeforeTheStoreIsAsked() {
        queue.review(false, "章".repeat(501));
        runner.runAll();

        assertThat(fx.actions.calls).doesNotContain("review");
        assertThat(model.noticeProperty().get())
                .isEqualTo(AuditNotice.of(AuditNotice.Kind.REVIEW_REASON_TOO_LONG, 500));
    }

    @Test
    void aReasonIsCountedInCharactersNotJavaCharsSo500EmojiAreAccepted() {
        queue.review(false, "\uD83D\uDCDD".repeat(500));
        runner.runAll();

        assertThat(fx.actions.reviews).hasSize(1);
        assertThat(model.noticeProperty().get()).isEqualTo(AuditNotice.of(AuditNotice.Kind.REJECTED, 7L));
    }

    @Test
    void anEntryPurgedMeanwhileSaysItIsGone() {
        assertThat(ReviewQueue.noticeFor(7, new com.waiverdesk.audit.ReviewRefusedException(
                com.waiverdesk.audit.ReviewRefusedException.Why.NO_SUCH_ENTRY, 7)))
                .isEqualTo(AuditNotice.of(AuditNotice.Kind.REVIEW_GONE, 7L));
        assertThat(ReviewQueue.noticeFor(7, new com.waiverdesk.audit.ReviewRefusedException(
                com.waiverdesk.audit.ReviewRefusedException.Why.NOT_PAPER, 7)))
                .isEqualTo(AuditNotice.of(AuditNotice.Kind.REVIEW_NOT_PAPER, 7L));
    }
}
