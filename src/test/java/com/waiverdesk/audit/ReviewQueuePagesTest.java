package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workstation log's review queue a page at a time (keyset on seq): each waiting paper entry once, oldest first,
 * while reviews happen between the pages; no page larger than asked, however many wait.
 */
class ReviewQueuePagesTest {
    private static final Instant T = Instant.parse("2026-03-06T09:00:00.250Z");

    @TempDir
    Path dir;
    Path db;
    SqliteAuditLog log;

    @BeforeEach
    void open() throws Exception {
        db = dir.resolve("audit.db");
        log = SqliteAuditLog.open(db, AuditFixtures.KEY);
    }

    @AfterEach
    void close() {
        log.close();
    }

    /** Entries 1 to {@code n}: every third a live query, the others paper certificates; returns the paper seqs. */
    private List<Long> append(int n) throws Exception {
        List<Long> paper = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            long seq = log.append(i % 3 == 0 ? AuditFixtures.entry(i) : AuditFixtures.paperEntry(i));
            if (i % 3 != 0) {
                paper.add(seq);
            }
        }
        return paper;
    }

    private void review(long seq) throws Exception {
        log.recordReview(seq, seq % 2 == 0, "stamp checked against the original", T, "supervisor-01", "WIN-SUP-01");
    }

    @Test
    void eachWaitingEntryIsListedOnceOldestFirstWhileReviewsHappenBetweenPages() throws Exception {
        List<Long> paper = append(60);
        List<Long> expected = new ArrayList<>(paper);
        List<Long> listed = new ArrayList<>();
        int reviews = 0;
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            long after = 0;
            int pages = 0;
            do {
                ReviewPage page = reader.reviewQueue(after, 7);
                assertThat(page.entries()).hasSizeLessThanOrEqualTo(7);
                page.entries().forEach(e -> listed.add(e.seq()));
                after = page.nextAfterSeq();
                pages++;
                if (page.hasMore()) {
                    // one entry just listed, and one a later page would list: that one is then not listed
                    review(page.entries().get(2).seq());
                    long later = expected.get(Math.min(expected.indexOf(after) + 3, expected.size() - 1));
                    review(later);
                    expected.remove(Long.valueOf(later));
                    reviews += 2;
                }
            } while (after > 0);

            assertThat(listed).isEqualTo(expected);
            assertThat(pages).isGreaterThan(3);
            assertThat(reader.pendingReviews()).isEqualTo(paper.size() - reviews);
            assertThat(WholeReviewQueue.seqs(reader, 7)).hasSize(paper.size() - reviews);
        }
    }

    @Test
    void fiveThousandWaitingAreReadInPagesOfAtMostTheSizeAsked() throws Exception {
        for (int i = 1; i <= 5_000; i++) {
            log.append(AuditFixtures.paperEntry(i));
        }
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            assertThat(reader.pendingReviews()).isEqualTo(5_000);
            ReviewPage first = reader.reviewQueue(0, 100);
            assertThat(first.entries()).extracting(StoredEntry::seq).startsWith(1L, 2L).endsWith(100L).hasSize(100);
            assertThat(first.nextAfterSeq()).isEqualTo(100);

            List<Long> all = WholeReviewQueue.seqs(reader, ReviewPage.MAX_SIZE);
            assertThat(all).hasSize(5_000).doesNotHaveDuplicates().isSorted();
        }
    }

    @Test
    void aPageThatHoldsTheLastWaitingEntrySaysNoMoreFollow() throws Exception {
        List<Long> paper = append(9); // 6 paper entries
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            ReviewPage exactly = reader.reviewQueue(0, 6);
            assertThat(exactly.entries()).extracting(StoredEntry::seq).isEqualTo(paper);
            assertThat(exactly.hasMore()).isFalse();
            assertThat(reader.reviewQueue(paper.get(5), 6).entries()).isEmpty();
            assertThat(reader.reviewQueue(paper.get(1), 2).entries()).extracting(StoredEntry::seq)
                    .containsExactly(paper.get(2), paper.get(3));
        }
    }

    @Test
    void aPageOfNoneOrOfMoreThan999IsRefused() throws Exception {
        append(3);
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            assertThatThrownBy(() -> reader.reviewQueue(0, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> reader.reviewQueue(0, 1_000)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
