package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several windows (instances) and threads append to one file at once: one linear chain, nothing lost. */
class ConcurrentAppendTest {
    @TempDir
    Path dir;

    @Test
    void instancesOpeningTheSameNewFileAtOnceShareOneSchemaAndOneChain() throws Exception {
        Path db = dir.resolve("audit.db");
        int threads = 4;
        int each = 15;

        List<Long> seqs = runAtOnce(threads, t -> () -> {
            List<Long> mine = new ArrayList<>();
            try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
                for (int i = 0; i < each; i++) {
                    mine.add(log.append(AuditFixtures.entry(t * 1000 + i)));
                }
            }
            return mine;
        });

        assertOneCompleteChain(db, seqs, threads * each);
    }

    @Test
    void threadsSharingTwoInstancesAppendWithoutLosingOrForkingEntries() throws Exception {
        Path db = dir.resolve("audit.db");
        int threads = 4;
        int each = 20;
        try (SqliteAuditLog first = SqliteAuditLog.open(db); SqliteAuditLog second = SqliteAuditLog.open(db)) {
            List<Long> seqs = runAtOnce(threads, t -> () -> {
                SqliteAuditLog log = t % 2 == 0 ? first : second;
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    mine.add(log.append(AuditFixtures.entry(t * 1000 + i)));
                }
                return mine;
            });

            assertOneCompleteChain(db, seqs, threads * each);
        }
    }

    private interface Task {
        Callable<List<Long>> forThread(int t);
    }

    /** Starts all threads on one latch so their appends overlap, and returns every seq they were given. */
    private static List<Long> runAtOnce(int threads, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<List<Long>> body = task.forThread(t);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return body.call();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOneCompleteChain(Path db, List<Long> seqs, int expected) throws Exception {
        assertThat(seqs).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, expected).boxed().collect(Collectors.toList()));
        try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
            assertThat(log.count()).isEqualTo(expected);
            assertThat(log.latest(expected)).extracting(e -> e.entry().requestId()).doesNotHaveDuplicates();
            ChainReport report = log.verifyChain();
            assertThat(report.intact()).as("first break: %s", report.firstBreak()).isTrue();
            assertThat(report.lastGoodSeq()).isEqualTo(expected);
        }
    }
}
