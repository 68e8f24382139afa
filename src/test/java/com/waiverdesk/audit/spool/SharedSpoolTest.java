package com.waiverdesk.audit.spool;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.audit.spool.FakeServer.Behaviour;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes' worth of desks (each its own connection to one spool file) spooling and forwarding together. */
class SharedSpoolTest {
    private static final int ENTRIES = 200;

    @TempDir
    Path dir;

    @Test
    void twoLogsForwardingOneSpoolAtOnceSendEachEntryOnceInOrder() throws Exception {
        FakeServer server = new FakeServer();
        server.behave(Behaviour.FAIL);
        Path file = dir.resolve("spool.db");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (SpoolingAuditLog one = open(server, file); SpoolingAuditLog two = open(server, file)) {
            List<String> spooled = new ArrayList<>();
            for (int i = 1; i <= ENTRIES; i++) {
                assertThat((i % 2 == 0 ? two : one).append(SpoolFixtures.entry(i))).isNegative();
                spooled.add("req-" + i);
            }
            server.behave(Behaviour.COMMIT);

            CountDownLatch go = new CountDownLatch(1);
            Future<Integer> byOne = threads.submit(() -> {
                go.await();
                return one.forward();
            });
            Future<Integer> byTwo = threads.submit(() -> {
                go.await();
                return two.forward();
            });
            go.countDown();

            assertThat(byOne.get(60, TimeUnit.SECONDS) + byTwo.get(60, TimeUnit.SECONDS))
                    .as("each row removed by one of them").isEqualTo(ENTRIES);
            assertThat(server.requestIds()).as("each entry once, in the order spooled").isEqualTo(spooled);
            assertThat(server.offers()).hasSizeGreaterThanOrEqualTo(ENTRIES);
            assertThat(one.waiting()).isZero();
            assertThat(two.spool().oldest(10).problem()).isNull();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void entriesOfBothLogsWaitBehindEachOtherInOneOrder() throws Exception {
        FakeServer server = new FakeServer();
        server.behave(Behaviour.FAIL);
        Path file = dir.resolve("spool.db");
        try (SpoolingAuditLog one = open(server, file); SpoolingAuditLog two = open(server, file)) {
            assertThat(one.append(SpoolFixtures.entry(1))).isEqualTo(-1);
            assertThat(two.append(SpoolFixtures.entry(2))).isEqualTo(-2);
            assertThat(one.append(SpoolFixtures.entry(3))).isEqualTo(-3);
            server.behave(Behaviour.COMMIT);

            assertThat(two.append(SpoolFixtures.entry(4))).isEqualTo(4);

            assertThat(server.requestIds()).containsExactly("req-1", "req-2", "req-3", "req-4");
        }
    }

    private static SpoolingAuditLog open(FakeServer server, Path file) throws Exception {
        return new SpoolingAuditLog(server, AuditSpool.open(file), Clock.systemUTC(), Duration.ofSeconds(5));
    }
}
