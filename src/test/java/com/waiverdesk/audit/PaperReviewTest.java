package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.waiverdesk.audit.ReviewRefusedException.Why;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reviews of paper-certificate entries: each is an event of the access chain, one per entry (the first counts), only
 * for paper entries, and a rejection says why; the queue holds the paper entries not yet reviewed, oldest first.
 */
class PaperReviewTest {
    private static final Instant T = Instant.parse("2026-03-06T09:00:00.250Z");

    @TempDir
    Path dir;
    Path db;
    SqliteAuditLog log;

    /** 1 live query, 2 paper, 3 e-certificate, 4 and 5 paper. */
    @BeforeEach
    void writeEntries() throws Exception {
        db = dir.resolve("audit.db");
        log = SqliteAuditLog.open(db, AuditFixtures.KEY);
        log.append(AuditFixtures.entry(1));
        log.append(AuditFixtures.paperEntry(2));
        log.append(AuditFixtures.ecertEntry(3));
        log.append(AuditFixtures.paperEntry(4));
        log.append(AuditFixtures.paperEntry(5));
    }

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void theQueueListsPaperEntriesWithoutAReviewOldestFirst() throws Exception {
        assertThat(queue()).containsExactly(2L, 4L, 5L);
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            assertThat(reader.reviewQueue(0, 1).entries().get(0).entry()).isEqualTo(AuditFixtures.paperEntry(2));
        }
    }

    @Test
    void anApprovalIsAnAccessEventThatNamesTheEntryAndLeavesTheQueue() throws Exception {
        long accessSeq = log.recordReview(4, true, "  original seen, stamp matches  ", T, "supervisor-01",
                "WIN-SUP-01");

        assertThat(accessSeq).isEqualTo(1);
        assertThat(queue()).containsExactly(2L, 5L);
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            assertThat(reader.review(4)).contains(new Review(true, "original seen, stamp matches", "supervisor-01", T,
                    "WIN-SUP-01"));
            assertThat(reader.review(2)).isEmpty();
            assertThat(reader.review(1)).isEmpty();
        }
        assertThat(SqliteShell.run(db, "SELECT seq, time, supervisor, workstation, action, detail FROM access_entry;")
                .strip()).isEqualTo("1|2026-03-06T09:00:00.250Z|supervisor-01|WIN-SUP-01|REVIEW_APPROVED|"
                + "entry 4; reason: original seen, stamp matches");
        assertThat(log.verify(ProgressListener.NONE).intact()).isTrue();
    }

    @Test
    void anApprovalMayGoWithoutAReason() throws Exception {
        log.recordReview(2, true, null, T, "supervisor-01", "WIN-SUP-01");
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            assertThat(reader.review(2).orElseThrow().reason()).isEmpty();
            assertThat(reader.review(2).orElseThrow().state()).isEqualTo("APPROVED");
        }
    }

    @Test
    void aRejectionWithoutAReasonIsRefusedAndNothingIsWritten() throws Exception {
        for (String blank : new String[] {null, "", "   \t"}) {
            ReviewRefusedException e = catchThrowableOfType(ReviewRefusedException.class,
                    () -> log.recordReview(2, false, blank, T, "supervisor-01", "WIN-SUP-01"));
            assertThat(e.why()).isEqualTo(Why.REASON_REQUIRED);
        }
        assertThat(accessEvents()).isZero();
        assertThat(queue()).containsExactly(2L, 4L, 5L);
    }

    @Test
    void aReasonOf500CharactersIsTakenAndALongerOneRefused() throws Exception {
        String longest = "核".repeat(499) + "😀"; // 500 characters, one of them outside the BMP
        ReviewRefusedException e = catchThrowableOfType(ReviewRefusedException.class,
                () -> log.recordReview(2, false, longest + "x", T, "supervisor-01", "WIN-SUP-01"));
        assertThat(e.why()).isEqualTo(Why.REASON_TOO_LONG);
        assertThat(accessEvents()).isZero();

        log.recordReview(2, false, longest, T, "supervisor-01", "WIN-SUP-01");
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            assertThat(reader.review(2).orElseThrow().reason()).isEqualTo(longest);
        }
    }

    @Test
    void theFirstReviewCountsAndASecondIsRefused() throws Exception {
        log.recordReview(5, false, "certificate number not issued by that centre", T, "supervisor-01", "WIN-SUP-01");

        ReviewRefusedException e = catchThrowableOfType(ReviewRefusedException.class,
                () -> log.recordReview(5, true, "changed my mind", T.plusSeconds(60), "supervisor-02", "WIN-SUP-02"));

        assertThat(e.why()).isEqualTo(Why.ALREADY_REVIEWED);
        assertThat(e).hasMessage("Audit entry 5 has been reviewed already; its first review stands.");
        assertThat(accessEvents()).isEqualTo(1);
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            assertThat(reader.review(5)).contains(new Review(false, "certificate number not issued by that centre",
                    "supervisor-01", T, "WIN-SUP-01"));
        }
    }

    @Test
    void aReviewCannotBeSlippedInAsAPlainAccessEvent() throws Exception {
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> log.record(AccessEvent.review(1, true,
                "ok", T, "supervisor-01", "WIN-SUP-01")))).hasMessageContaining("recordReview");
        assertThat(accessEvents()).isZero();
    }

    @Test
    void onlyPaperEntriesThatExistAreReviewed() throws Exception {
        assertThat(catchThrowableOfType(ReviewRefusedException.class, () -> log.recordReview(1, true, "ok", T,
                "supervisor-01", "WIN-SUP-01")).why()).isEqualTo(Why.NOT_PAPER);
        assertThat(catchThrowableOfType(ReviewRefusedException.class, () -> log.recordReview(3, false, "no", T,
                "supervisor-01", "WIN-SUP-01")).why()).isEqualTo(Why.NOT_PAPER);
        assertThat(catchThrowableOfType(ReviewRefusedException.class, () -> log.recordReview(99, true, "ok", T,
                "supervisor-01", "WIN-SUP-01")).why()).isEqualTo(Why.NO_SUCH_ENTRY);
        assertThat(accessEvents()).isZero();
    }

    /** Two windows on one file pressing at once: the write lock orders them, and the second finds the first. */
    @Test
    void twoSupervisorsReviewingAtOnceRecordOneReview() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (SqliteAuditLog other = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> results = new ArrayList<>();
            for (SqliteAuditLog l : List.of(log, other)) {
                boolean approve = l == log;
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        return l.recordReview(4, approve, "reason " + approve, T, "supervisor", "WIN");
                    } catch (ReviewRefusedException e) {
                        return e.why();
                    }
                }));
            }
            go.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : results) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsExactlyInAnyOrder(1L, Why.ALREADY_REVIEWED);
        } finally {
            pool.shutdownNow();
        }
        assertThat(accessEvents()).isEqualTo(1);
        assertThat(log.verify(ProgressListener.NONE).intact()).isTrue();
    }

    @Test
    void aReviewOfEntry21IsNotOneOfEntry2() throws Exception {
        for (int i = 6; i <= 21; i++) {
            log.append(AuditFixtures.paperEntry(i));
        }
        log.recordReview(21, false, "no such centre", T, "supervisor-01", "WIN-SUP-01");

        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            assertThat(reader.review(2)).isEmpty();
            assertThat(reader.review(21).orElseThrow().reason()).isEqualTo("no such centre");
            assertThat(WholeReviewQueue.seqs(reader, 4)).contains(2L).doesNotContain(21L);
        }
        log.recordReview(2, true, "fine", T, "supervisor-01", "WIN-SUP-01");
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            assertThat(reader.review(21).orElseThrow().approved()).isFalse();
            assertThat(reader.review(2).orElseThrow().approved()).isTrue();
        }
    }

    /** The chain is the only record of a review: removing one to review the entry again is caught by verify. */
    @Test
    void aReviewRemovedFromTheAccessChainIsCaught() throws Exception {
        log.recordReview(2, false, "forged stamp", T, "supervisor-01", "WIN-SUP-01");
        log.record(AuditFixtures.accessEvent(1));
        SqliteShell.run(db, "DROP TRIGGER access_entry_no_delete; DELETE FROM access_entry WHERE seq = 1;");

        assertThat(queue()).contains(2L);
        IntegrityReport report = log.verify(ProgressListener.NONE);
        assertThat(report.intact()).isFalse();
        assertThat(report.firstProblem().orElseThrow().place()).isEqualTo(IntegrityReport.Place.ACCESS_EVENTS);
        assertThat(report.firstProblem().orElseThrow().found().seq()).isEqualTo(1);
    }

    private List<Long> queue() throws Exception {
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            return WholeReviewQueue.seqs(reader, 2);
        }
    }

    private long accessEvents() throws Exception {
        return Long.parseLong(SqliteShell.run(db, "SELECT count(*) FROM access_entry;").strip());
    }
}
