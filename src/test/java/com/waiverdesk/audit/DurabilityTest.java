package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process with SIGKILL at random moments, many times over one log: afterwards the log opens,
 * verifies, and holds every entry the process reported as written (a desk shows a decision only after that).
 */
class DurabilityTest {
    private static final int ROUNDS = 15;

    @TempDir
    Path dir;

    @Test
    void logSurvivesKillsAtRandomMomentsWithEveryReportedEntry() throws Exception {
        Path db = dir.resolve("audit.db");
        Random random = new Random(20_261_128L);
        Set<Long> reportedChecks = new TreeSet<>();
        Set<Long> reportedAccess = new TreeSet<>();
        for (int round = 1; round <= ROUNDS; round++) {
            // the moment: after a random number of reported writes, while the child is writing the next one
            int linesBeforeKill = 1 + random.nextInt(40);
            Path stderr = dir.resolve("child-" + round + ".err");
            Process child = start(db, round, stderr);
            BlockingQueue<String> lines = ChildJvm.lines(child);
            for (int seen = 0; seen < linesBeforeKill; seen++) {
                String line = lines.poll(60, TimeUnit.SECONDS);
                assertThat(line).as("round %d: child output (stderr: %s)", round, readQuietly(stderr))
                        .isNotNull().isNotEqualTo(ChildJvm.END);
                record(line, reportedChecks, reportedAccess);
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // lines the child printed before it died are still in the pipe, and count too
            for (String line = lines.poll(30, TimeUnit.SECONDS); !ChildJvm.END.equals(line); line = lines.poll(30,
                    TimeUnit.SECONDS)) {
                assertThat(line).as("round %d: end of the child's output", round).isNotNull();
                record(line, reportedChecks, reportedAccess);
            }
        }

        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            IntegrityReport report = log.verify(ProgressListener.NONE);
            assertThat(report.intact()).as("%s", report.firstProblem()).isTrue();
        }
        assertThat(seqs(db, "audit_entry")).containsAll(reportedChecks);
        assertThat(seqs(db, "access_entry")).containsAll(reportedAccess);
        assertThat(reportedChecks.size() + reportedAccess.size()).isGreaterThanOrEqualTo(ROUNDS);
    }

    private static Process start(Path db, int round, Path stderr) throws IOException {
        return ChildJvm.start(AppendUntilKilled.class, stderr, db.toString(), Integer.toString(round));
    }

    private static void record(String line, Set<Long> checks, Set<Long> access) {
        assertThat(line).matches("[CA] \\d+");
        (line.startsWith("C") ? checks : access).add(Long.parseLong(line.substring(2)));
    }

    private static List<Long> seqs(Path db, String table) throws Exception {
        List<Long> seqs = new ArrayList<>();
        try (Connection c = AuditFixtures.jdbc(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq FROM " + table)) {
            while (rs.next()) {
                seqs.add(rs.getLong(1));
            }
        }
        return seqs;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
