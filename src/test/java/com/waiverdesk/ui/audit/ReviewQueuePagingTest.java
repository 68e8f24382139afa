package com.waiverdesk.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.audit.Review;
import com.waiverdesk.audit.StoredEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A review queue of 5,000 paper certificates, read a page at a time: the model holds the pages the table asked for,
 * never the whole queue, and reviews between pages neither repeat nor skip an entry.
 */
class ReviewQueuePagingTest {
    private static final int WAITING = 5_000;
    private static final long FIRST = AuditFixture.ROWS + 1;
    private final AuditFixture fx = new AuditFixture();
    private final StepRunner runner = new StepRunner();
    private ReviewQueue queue;

    @BeforeEach
    void fiveThousandPaperEntriesWait() {
        Instant t = SyntheticEntries.NEWEST;
        for (long seq = FIRST; seq < FIRST + WAITING; seq++) {
            t = t.plus(Duration.ofMinutes(3));
            fx.reader.rows.add(paper(seq, t));
        }
        queue = fx.signedIn(runner).reviewQueue();
    }

    private static StoredEntry paper(long seq, Instant time) {
        return new StoredEntry(seq, PaperEntries.paper(time, SyntheticEntries.IDS[(int) (seq % 4)], "王秀英",
                "JA-" + seq, null), "p" + seq, "h" + seq);
    }

    private static List<Long> seqs(List<StoredEntry> entries) {
        return entries.stream().map(StoredEntry::seq).toList();
    }

    private static List<Long> range(long from, long toExclusive) {
        return LongStream.range(from, toExclusive).boxed().toList();
    }

    private void more() {
        queue.loadMore();
        runner.runAll();
    }

    @Test
    void signingInReadsTheFirstPageAndTheCountNotTheQueue() {
        assertThat(seqs(queue.pending())).isEqualTo(range(FIRST, FIRST + ReviewQueue.PAGE_SIZE));
        assertThat(queue.countProperty().get()).isEqualTo((long) WAITING);
        assertThat(queue.hasMoreProperty().get()).isTrue();
        assertThat(queue.focus().selectedProperty().get().seq()).isEqualTo(FIRST);
        assertThat(fx.reader.queuePageSizes).containsOnly(ReviewQueue.PAGE_SIZE);
        assertThat(fx.reader.queueRowsHandedOut.get()).isEqualTo(ReviewQueue.PAGE_SIZE);
    }

    @Test
    void scrollingReadsOnePageAtATimeAndHoldsOnlyWhatWasShown() {
        more();
        more();
        more();

        assertThat(seqs(queue.pending())).isEqualTo(range(FIRST, FIRST + 4L * ReviewQueue.PAGE_SIZE));
        assertThat(fx.reader.queueReads.get()).isEqualTo(4);
        assertThat(fx.reader.queuePageSizes).containsOnly(ReviewQueue.PAGE_SIZE);
        assertThat(fx.reader.queueRowsHandedOut.get()).isEqualTo(queue.pending().size());
        assertThat(queue.countProperty().get()).isEqualTo((long) WAITING);
        assertThat(queue.focus().selectedProperty().get().seq()).as("the selection stays").isEqualTo(FIRST);
    }

    @Test
    void aSecondAskWhileAPageIsOnItsWayIsNotASecondRead() {
        queue.loadMore();
        queue.loadMore();
        assertThat(runner.size()).isEqualTo(1);
        runner.runAll();
        assertThat(queue.pending()).hasSize(2 * ReviewQueue.PAGE_SIZE);
    }

    @Test
    void toTheEndWithReviewsOnTheWayEachWaitingEntryIsListedOnceInOrder() {
        List<Long> listed = new ArrayList<>(seqs(queue.pending()));
        queue.pending().addListener((ListChangeListener<StoredEntry>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(e -> listed.add(e.seq()));
            }
        });
        // another supervisor reviews fifty entries no page has reached yet
        for (long seq = 1_000; seq < 1_050; seq++) {
            fx.reader.reviews.put(seq, new Review(true, "", "Dr Li", Instant.EPOCH, "ADM-SUP-2"));
        }
        int mine = 0;
        int pages = 1;
        while (queue.hasMoreProperty().get()) {
            // this supervisor approves the selected entry and one near the end of what is loaded, then scrolls on
            queue.review(true, "");
            runner.runAll();
            queue.focus().selectedProperty().set(queue.pending().get(queue.pending().size() - 3));
            queue.review(true, "");
            runner.runAll();
            mine += 2;
            more();
            pages++;
            assertThat(pages).as("pages read").isLessThanOrEqualTo(WAITING / ReviewQueue.PAGE_SIZE + 1);
        }

        List<Long> expected = new ArrayList<>(range(FIRST, FIRST + WAITING));
        expected.removeIf(seq -> seq >= 1_000 && seq < 1_050);
        assertThat(listed).isEqualTo(expected);
        assertThat(fx.actions.reviews).hasSize(mine).doesNotHaveDuplicates();
        assertThat(queue.countProperty().get()).isEqualTo(WAITING - 50L - mine);
        assertThat(queue.pending()).hasSize(WAITING - 50 - mine);
        assertThat(fx.reader.queuePageSizes).containsOnly(ReviewQueue.PAGE_SIZE);
    }

    @Test
    void reviewingTheLastLoadedEntrySelectsTheFirstOfTheNextPage() {
        StoredEntry last = queue.pending().get(ReviewQueue.PAGE_SIZE - 1);
        queue.focus().selectedProperty().set(last);
        queue.review(false, "stamp of another district");
        runner.runAll();

        assertThat(queue.pending()).doesNotContain(last).hasSize(2 * ReviewQueue.PAGE_SIZE - 1);
        assertThat(queue.focus().selectedProperty().get().seq()).isEqualTo(FIRST + ReviewQueue.PAGE_SIZE);
        assertThat(queue.countProperty().get()).isEqualTo(WAITING - 1L);
    }

    @Test
    void aRefreshStartsAgainFromTheOldest() {
        more();
        more();
        queue.refresh();
        runner.runAll();

        assertThat(seqs(queue.pending())).isEqualTo(range(FIRST, FIRST + ReviewQueue.PAGE_SIZE));
        assertThat(queue.hasMoreProperty().get()).isTrue();
    }
}
