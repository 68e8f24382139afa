package com.waiverdesk.audit.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.spool.FakeServer.Behaviour;
import com.waiverdesk.audit.spool.FakeServer.Stored;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolingAuditLogTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:30:00Z");
    private static final Duration BUDGET = Duration.ofMillis(300);

    @TempDir
    Path dir;
    private final FakeServer server = new FakeServer();
    private SpoolingAuditLog log;

    @BeforeEach
    void open() throws Exception {
        log = new SpoolingAuditLog(server, AuditSpool.open(dir.resolve("spool.db")), Clock.fixed(NOW,
                ZoneOffset.UTC), BUDGET);
    }

    @AfterEach
    void close() {
        server.release();
        log.close();
    }

    @Test
    void entryGoesStraightToTheServerWhenNothingWaits() throws Exception {
        long seq = log.append(SpoolFixtures.entry(1));

        assertThat(seq).isEqualTo(1);
        assertThat(server.entries()).singleElement().satisfies(s -> {
            assertThat(s.entry()).isEqualTo(SpoolFixtures.entry(1));
            assertThat(s.spooledMs()).as("appended at decision time").isNull();
        });
        assertThat(log.waiting()).isZero();
    }

    @Test
    void entriesTheServerRefusedAreForwardedInOrderWithTheTimeTheyWereSpooled() throws Exception {
        server.behave(Behaviour.FAIL);
        List<Long> handles = List.of(log.append(SpoolFixtures.entry(1)), log.append(SpoolFixtures.entry(2)),
                log.append(SpoolFixtures.entry(3)));
        assertThat(handles).containsExactly(-1L, -2L, -3L);
        assertThat(log.waiting()).isEqualTo(3);

        server.behave(Behaviour.COMMIT);
        assertThat(log.forward()).isEqualTo(3);

        assertThat(server.requestIds()).containsExactly("req-1", "req-2", "req-3");
        assertThat(server.entries()).extracting(Stored::spooledMs).containsOnly(NOW.toEpochMilli());
        assertThat(log.waiting()).isZero();
    }

    @Test
    void newEntryGoesBehindTheWaitingOnesAfterTheyAreForwarded() throws Exception {
        server.behave(Behaviour.FAIL);
        log.append(SpoolFixtures.entry(1));
        log.append(SpoolFixtures.entry(2));
        server.behave(Behaviour.COMMIT);

        long seq = log.append(SpoolFixtures.entry(3));

        assertThat(seq).isEqualTo(3);
        assertThat(server.requestIds()).containsExactly("req-1", "req-2", "req-3");
        assertThat(server.entries().get(2).spooledMs()).isNull();
        assertThat(log.waiting()).isZero();
    }

    @Test
    void newEntryIsSpooledBehindWhenTheWaitingOnesCannotBeForwarded() throws Exception {
        server.behave(Behaviour.FAIL);
        log.append(SpoolFixtures.entry(1));
        int callsBefore = server.calls.get();

        assertThat(log.append(SpoolFixtures.entry(2))).isEqualTo(-2);

        assertThat(server.calls.get() - callsBefore).as("one forwarding attempt, no direct append").isEqualTo(1);
        server.behave(Behaviour.COMMIT);
        log.forward();
        assertThat(server.requestIds()).containsExactly("req-1", "req-2");
    }

    @Test
    void entryCommittedWhoseAnswerWasLostIsForwardedUnderTheSameIdAndKeptOnce() throws Exception {
        server.behave(Behaviour.COMMIT_THEN_THROW);
        long handle = log.append(SpoolFixtures.entry(1));
        assertThat(handle).isNegative();
        assertThat(server.entries()).hasSize(1);

        server.behave(Behaviour.COMMIT);
        assertThat(log.forward()).isEqualTo(1);

        assertThat(server.offers()).hasSize(2).containsOnly(server.entries().get(0).id());
        assertThat(server.entries()).hasSize(1);
        assertThat(log.waiting()).isZero();
    }

    @Test
    void hangingServerCostsTheBudgetAndTheEntryIsSpooled() throws Exception {
        server.behave(Behaviour.HANG);
        long start = System.nanoTime();

        long handle = log.append(SpoolFixtures.entry(1));

        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(handle).isEqualTo(-1);
        assertThat(server.returned.get()).as("the server call still hangs").isZero();
        assertThat(tookMs).isGreaterThanOrEqualTo(BUDGET.toMillis()).isLessThan(BUDGET.toMillis() + 5_000);
        assertThat(log.waiting()).isEqualTo(1);
    }

    @Test
    void whileACallHangsNoFurtherCallIsStartedAndEntriesGoToTheSpool() throws Exception {
        server.behave(Behaviour.HANG);
        log.append(SpoolFixtures.entry(1));

        assertThat(log.append(SpoolFixtures.entry(2))).isEqualTo(-2);
        assertThat(log.append(SpoolFixtures.entry(3))).isEqualTo(-3);

        assertThat(server.calls.get()).isEqualTo(1);
    }

    @Test
    void lateCommitOfAHungCallAndTheForwardedCopyMakeOneEntry() throws Exception {
        server.behave(Behaviour.HANG);
        log.append(SpoolFixtures.entry(1));
        server.release();
        assertThat(server.awaitReturns(1)).isTrue();
        assertThat(server.entries()).as("the late commit").hasSize(1);

        server.behave(Behaviour.COMMIT);
        assertThat(forwardOnceTheLateCallIsDone()).isEqualTo(1);

        assertThat(server.offers()).hasSize(2);
        assertThat(server.requestIds()).containsExactly("req-1");
    }

    @Test
    void entryIsRefusedWhenNeitherServerNorSpoolTakesIt() throws Exception {
        server.behave(Behaviour.FAIL);
        log.spool().close();

        assertThatThrownBy(() -> log.append(SpoolFixtures.entry(1))).isInstanceOf(AuditWriteException.class)
                .hasMessageContaining("Neither the audit server nor the local audit spool")
                .hasMessageContaining("fake server offline").hasMessageContaining("closed");
    }

    @Test
    void entryGoesToTheServerEvenWhenTheSpoolCannotBeRead() throws Exception {
        log.spool().close();

        assertThat(log.append(SpoolFixtures.entry(1))).isEqualTo(1);
    }

    @Test
    void notShownMarkOfADirectEntryGoesToTheServer() throws Exception {
        long seq = log.append(SpoolFixtures.entry(1));

        assertThat(log.markNotShown(seq, NOW, "clerk-07", "WIN-ADM-03")).isZero();

        assertThat(server.marks()).containsExactly(Map.entry(server.entries().get(0).id(), NOW));
    }

    @Test
    void notShownMarkOfASpooledEntryWaitsBehindItAndFollowsItToTheServer() throws Exception {
        server.behave(Behaviour.FAIL);
        long handle = log.append(SpoolFixtures.entry(1));

        long mark = log.markNotShown(handle, NOW, "clerk-07", "WIN-ADM-03");
        assertThat(mark).isEqualTo(-2);

        server.behave(Behaviour.COMMIT);
        assertThat(log.forward()).isEqualTo(2);
        assertThat(server.marks()).containsOnlyKeys(server.entries().get(0).id());
        assertThat(server.marksBeforeTheirEntry()).isEmpty();
    }

    @Test
    void notShownMarkOfAForwardedEntryFindsItsIdByTheHandle() throws Exception {
        server.behave(Behaviour.FAIL);
        long handle = log.append(SpoolFixtures.entry(1));
        server.behave(Behaviour.COMMIT);
        log.forward();

        assertThat(log.markNotShown(handle, NOW, "clerk-07", "WIN-ADM-03")).isZero();
        assertThat(server.marks()).containsOnlyKeys(server.entries().get(0).id());
    }

    @Test
    void notShownMarkOfAnUnknownEntryIsRefused() {
        assertThatThrownBy(() -> log.markNotShown(99, NOW, "clerk-07", "WIN-ADM-03"))
                .isInstanceOf(AuditWriteException.class).hasMessageContaining("was not written by this program run");
    }

    @Test
    void paperEntryFollowingASpooledCheckPointsAtItsServerSeq() throws Exception {
        server.append(UUID.randomUUID(), SpoolFixtures.entry(0), null); // the server's seq 1 is another's
        server.behave(Behaviour.FAIL);
        long handle = log.append(SpoolFixtures.entry(1));
        log.append(SpoolFixtures.paperEntry(2, handle));
        server.behave(Behaviour.COMMIT);
        log.forward();
        AuditEntry later = SpoolFixtures.paperEntry(3, handle);
        log.append(later);

        List<Stored> stored = server.entries();
        assertThat(stored.get(1).entry().requestId()).isEqualTo("req-1");
        assertThat(stored.get(2).entry().proof().followsSeq()).isEqualTo(2);
        assertThat(stored.get(3).entry().proof().followsSeq()).as("appended after forwarding").isEqualTo(2);
        assertThat(stored.get(3).entry().withProof(later.proof())).isEqualTo(later);
    }

    @Test
    void brokenChainIsReportedAndItsRowsAreNeitherSentNorDeleted() throws Exception {
        server.behave(Behaviour.FAIL);
        for (int i = 1; i <= 3; i++) {
            log.append(SpoolFixtures.entry(i));
        }
        AuditSpoolTest.sql(dir.resolve("spool.db"),
                "UPDATE spool_row SET body = replace(body, 'clerk-07', 'clerk-99') WHERE n = 2");
        server.behave(Behaviour.COMMIT);

        assertThatThrownBy(log::forward).isInstanceOf(AuditWriteException.class)
                .hasMessageContaining("Forwarded 1 waiting audit entries, then stopped")
                .hasMessageContaining("row 2 was altered")
                .extracting(e -> ((AuditWriteException) e).kind()).isEqualTo(AuditWriteException.Kind.CORRUPT);
        assertThat(server.requestIds()).containsExactly("req-1");
        assertThat(log.waiting()).isEqualTo(2);

        long handle = log.append(SpoolFixtures.entry(4));
        assertThat(handle).as("kept behind the broken rows, not sent past them").isEqualTo(-4);
        assertThat(server.requestIds()).containsExactly("req-1");
    }

    @Test
    void listenerIsToldTheWaitingCountAfterEachChange() throws Exception {
        List<Integer> told = new CopyOnWriteArrayList<>();
        log.onWaitingChanged(told::add);
        server.behave(Behaviour.FAIL);
        log.append(SpoolFixtures.entry(1));
        log.append(SpoolFixtures.entry(2));
        server.behave(Behaviour.COMMIT);
        log.forward();

        assertThat(told).containsExactly(0, 1, 2, 1, 0);
    }

    @Test
    void forwarderEmptiesTheSpoolOnceTheServerIsBack() throws Exception {
        server.behave(Behaviour.FAIL);
        log.append(SpoolFixtures.entry(1));
        log.append(SpoolFixtures.entry(2));
        CountDownLatch empty = new CountDownLatch(1);
        log.onWaitingChanged(count -> {
            if (count == 0) {
                empty.countDown();
            }
        });

        server.behave(Behaviour.COMMIT);
        try (Forwarder forwarder = Forwarder.start(log, Duration.ofMillis(20))) {
            assertThat(empty.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(server.requestIds()).containsExactly("req-1", "req-2");
    }

    /** The server returned; the worker that called it notes so a moment later, and until then no call starts. */
    private int forwardOnceTheLateCallIsDone() throws AuditWriteException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return log.forward();
            } catch (AuditWriteException e) {
                if (!e.getMessage().contains("not yet answered") || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.yield();
            }
        }
    }
}
