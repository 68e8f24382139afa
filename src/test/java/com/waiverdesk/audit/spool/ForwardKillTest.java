package com.waiverdesk.audit.spool;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.audit.spool.FakeServer.Behaviour;
import com.waiverdesk.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a forwarding process with SIGKILL, once right after the server committed an entry and before the spool's
 * row was removed, once wherever it happens to be, and again: afterwards forwarding resumes, and the server holds
 * every spooled entry exactly once, in the order spooled.
 */
class ForwardKillTest {
    private static final int ENTRIES = 40;

    @TempDir
    Path dir;

    @Test
    void killDuringForwardingNeitherLosesNorDuplicates() throws Exception {
        Path spool = dir.resolve("spool.db");
        Path serverFile = dir.resolve("server.db");
        List<String> spooled = spoolWhileTheServerIsDown(spool);

        // k > 0: the child stops after its k-th commit, before removing the row; k < 0: killed after -k commits
        int[] rounds = {2, -3, 1, -2};
        for (int round = 0; round < rounds.length; round++) {
            int k = rounds[round];
            Path stderr = dir.resolve("child-" + round + ".err");
            Process child = start(spool, serverFile, Math.max(k, 0), stderr);
            BlockingQueue<String> lines = ChildJvm.lines(child);
            String lastCommitted = null;
            for (int seen = 0; seen < Math.abs(k); ) {
                String line = lines.poll(60, TimeUnit.SECONDS);
                assertThat(line).as("round %d: child output (stderr: %s)", round, Files.exists(stderr)
                        ? Files.readString(stderr) : "").isNotNull().isNotEqualTo(ChildJvm.END);
                if (line.equals("done")) {
                    break;
                }
                assertThat(line).startsWith("committed ");
                lastCommitted = line.substring("committed ".length());
                seen++;
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            if (k > 0) {
                assertThat(oldestWaiting(spool)).as("round %d: committed on the server, still in the spool", round)
                        .isEqualTo(UUID.fromString(lastCommitted));
            }
        }

        try (FileServer server = new FileServer(serverFile, id -> { });
             SpoolingAuditLog log = new SpoolingAuditLog(server, AuditSpool.open(spool), Clock.systemUTC(),
                     Duration.ofSeconds(5))) {
            log.forward();
            assertThat(log.waiting()).isZero();
            assertThat(server.requestIds()).as("each spooled entry once, in order").isEqualTo(spooled);
            assertThat(server.offers().size()).as("some entries were offered twice").isGreaterThan(ENTRIES);
        }
    }

    private static List<String> spoolWhileTheServerIsDown(Path spool) throws Exception {
        FakeServer down = new FakeServer();
        down.behave(Behaviour.FAIL);
        try (SpoolingAuditLog log = new SpoolingAuditLog(down, AuditSpool.open(spool), Clock.systemUTC(),
                Duration.ofSeconds(1))) {
            for (int i = 1; i <= ENTRIES; i++) {
                assertThat(log.append(SpoolFixtures.entry(i))).isNegative();
            }
        }
        return IntStream.rangeClosed(1, ENTRIES).mapToObj(i -> "req-" + i).toList();
    }

    private static UUID oldestWaiting(Path spool) throws Exception {
        try (AuditSpool s = AuditSpool.open(spool)) {
            AuditSpool.Batch batch = s.oldest(1);
            assertThat(batch.problem()).isNull();
            assertThat(batch.rows()).as("rows still waiting").isNotEmpty();
            return batch.rows().get(0).entryId();
        }
    }

    private static Process start(Path spool, Path server, int pauseAfter, Path stderr) throws IOException {
        return ChildJvm.start(ForwardUntilKilled.class, stderr, spool.toString(), server.toString(),
                Integer.toString(pauseAfter));
    }
}
