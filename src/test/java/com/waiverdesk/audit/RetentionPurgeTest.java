package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.waiverdesk.audit.ChainReport.BreakKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The audited retention purge: never younger than 180 days, anchored first, and what remains still verifies. */
class RetentionPurgeTest {
    /** Ten entries: five on 1 March, five on 1 April 2026 (Shanghai); "today" is 1 December 2026. */
    private static final Instant MARCH = Instant.parse("2026-03-01T02:00:00Z");
    private static final Instant APRIL = Instant.parse("2026-04-01T02:00:00Z");
    private static final LocalDate MID_MARCH = LocalDate.parse("2026-03-15");

    @TempDir
    Path dir;
    Path db;
    TestClock clock;

    @BeforeEach
    void writeTenEntries() throws Exception {
        db = dir.resolve("audit.db");
        clock = new TestClock(Instant.parse("2026-12-01T02:00:00Z"));
        try (SqliteAuditLog log = open()) {
            for (int i = 1; i <= 10; i++) {
                log.append(AuditFixtures.entryAt((i <= 5 ? MARCH : APRIL).plusSeconds(i), i));
            }
        }
    }

    @Test
    void purgesTheOldEntriesAndTheRestStillVerifies() throws Exception {
        String h5 = AuditFixtures.storedString(db, AuditChain.CHECKS, 5, "entry_hash");
        try (SqliteAuditLog log = open()) {
            PurgeResult result = log.purge(MID_MARCH, "supervisor-01", "WIN-SUP-01", 180);

            assertThat(result.purgedEntries()).isEqualTo(5);
            assertThat(result.throughSeq()).isEqualTo(5);
            assertThat(result.throughHash()).isEqualTo(h5);
            assertThat(result.anchorBefore().seq()).isEqualTo(10);
            assertThat(log.count()).isEqualTo(5);
            IntegrityReport report = log.verify(ProgressListener.NONE);
            assertThat(report.intact()).as("%s", report.firstProblem()).isTrue();
            assertThat(report.checks().entriesChecked()).isEqualTo(5);
            assertThat(log.append(AuditFixtures.failedEntry())).isEqualTo(11);
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void purgeIsRecordedWithWhoWhenAndTheAnchorWrittenFirst() throws Exception {
        try (SqliteAuditLog log = open()) {
            PurgeResult result = log.purge(MID_MARCH, "supervisor-01", "WIN-SUP-01", 200);

            assertThat(result.accessSeq()).isEqualTo(1);
        }
        List<String> anchors = Files.readAllLines(db.resolveSibling("audit.db.anchors"), StandardCharsets.US_ASCII);
        String purgeAnchor = anchors.stream().filter(l -> l.contains(" purged=5:")).findFirst().orElseThrow();
        assertThat(purgeAnchor).contains(" checks=10:");
        try (Connection c = AuditFixtures.jdbc(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT supervisor, workstation, before_day, retention_days, through_seq,"
                     + " purged_count, access_seq, anchor_line, time_ms FROM audit_purge")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("supervisor-01");
            assertThat(rs.getString(2)).isEqualTo("WIN-SUP-01");
            assertThat(rs.getString(3)).isEqualTo("2026-03-15");
            assertThat(rs.getInt(4)).isEqualTo(200);
            assertThat(rs.getLong(5)).isEqualTo(5);
            assertThat(rs.getLong(6)).isEqualTo(5);
            assertThat(rs.getLong(7)).isEqualTo(1);
            assertThat(rs.getString(8)).isEqualTo(purgeAnchor);
            assertThat(rs.getLong(9)).isEqualTo(clock.instant().toEpochMilli());
        }
        assertThat(AuditFixtures.storedString(db, AuditChain.ACCESS, 1, "action")).isEqualTo("PURGE");
        assertThat(AuditFixtures.storedString(db, AuditChain.ACCESS, 1, "detail")).contains("entries 1 to 5");
    }

    @ParameterizedTest(name = "retention {0} days, before {1}: allowed {2}")
    @CsvSource({
            "180, 2026-06-04, true",
            "180, 2026-06-05, false",
            "30,  2026-06-05, false",
            "0,   2026-06-04, true",
            "365, 2026-03-15, false",
            "365, 2025-12-01, true"})
    void neverPurgesEntriesYoungerThanTheRetentionAndNeverKeepsLessThan180Days(int retention, LocalDate before,
                                                                              boolean allowed) throws Exception {
        try (SqliteAuditLog log = open()) {
            if (allowed) {
                log.purge(before, "supervisor-01", "WIN-SUP-01", retention);
            } else {
                assertThatThrownBy(() -> log.purge(before, "supervisor-01", "WIN-SUP-01", retention))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kept at least");
                assertThat(log.count()).isEqualTo(10);
            }
        }
    }

    @Test
    void purgeWithNothingOldEnoughDeletesNothingButIsStillRecorded() throws Exception {
        try (SqliteAuditLog log = open()) {
            PurgeResult result = log.purge(LocalDate.parse("2026-02-01"), "supervisor-01", "WIN-SUP-01", 180);

            assertThat(result.purgedEntries()).isZero();
            assertThat(log.count()).isEqualTo(10);
            assertThat(log.verify(ProgressListener.NONE).intact()).isTrue();
        }
        assertThat(AuditFixtures.storedString(db, AuditChain.ACCESS, 1, "detail")).startsWith("nothing to purge");
    }

    @Test
    void purgeStopsAtTheFirstYoungEntryEvenIfOlderOnesFollow() throws Exception {
        try (SqliteAuditLog log = open()) {
            log.append(AuditFixtures.entryAt(MARCH, 11)); // after April's entries: a clock set back

            assertThat(log.purge(MID_MARCH, "supervisor-01", "WIN-SUP-01", 180).throughSeq()).isEqualTo(5);
            assertThat(log.count()).isEqualTo(6);
            assertThat(log.verify(ProgressListener.NONE).intact()).isTrue();
        }
    }

    @Test
    void purgingEverythingKeepsTheNumberingAndTheChainGoingOn() throws Exception {
        String h10 = AuditFixtures.storedString(db, AuditChain.CHECKS, 10, "entry_hash");
        try (SqliteAuditLog log = open()) {
            log.purge(LocalDate.parse("2026-05-01"), "supervisor-01", "WIN-SUP-01", 180);
            assertThat(log.count()).isZero();
            assertThat(log.head().seq()).isEqualTo(10);
            assertThat(log.verify(ProgressListener.NONE).intact()).isTrue();

            assertThat(log.append(AuditFixtures.failedEntry())).isEqualTo(11);
            assertThat(log.last().orElseThrow().prevHash()).isEqualTo(h10);
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void secondPurgeLaterStillVerifies() throws Exception {
        try (SqliteAuditLog log = open()) {
            log.purge(MID_MARCH, "supervisor-01", "WIN-SUP-01", 180);
            log.append(AuditFixtures.entryAt(Instant.parse("2026-05-01T02:00:00Z"), 11));
            clock.advance(java.time.Duration.ofDays(30));
            assertThat(log.purge(LocalDate.parse("2026-04-15"), "supervisor-02", "WIN-SUP-01", 180).throughSeq())
                    .isEqualTo(10);
        }
        IntegrityReport report = verify();
        assertThat(report.intact()).as("%s", report.firstProblem()).isTrue();
        assertThat(report.checks().entriesChecked()).isEqualTo(1);
    }

    @Test
    void entriesDeletedBeyondThePurgeShowAsDeleted() throws Exception {
        try (SqliteAuditLog log = open()) {
            log.purge(MID_MARCH, "supervisor-01", "WIN-SUP-01", 180);
        }
        SqliteShell.run(db, "DROP TRIGGER audit_entry_no_delete; DELETE FROM audit_entry WHERE seq <= 7;");

        assertBreak(verify(), 6, BreakKind.DELETED);
    }

    @Test
    void purgeRecordForgedInTheDatabaseIsNotEnough() throws Exception {
        String h3 = AuditFixtures.storedString(db, AuditChain.CHECKS, 3, "entry_hash");
        SqliteShell.run(db, "DROP TRIGGER audit_entry_no_delete; DELETE FROM audit_entry WHERE seq <= 3;"
                + " INSERT INTO audit_purge (time_ms, supervisor, workstation, before_day, retention_days, through_seq,"
                + " through_hash, purged_count, access_seq, anchor_line) VALUES (1, 'x', 'x', '2026-03-02', 180, 3, '"
                + h3 + "', 3, 0, '');");

        assertBreak(verify(), 1, BreakKind.DELETED);
    }

    @Test
    void purgeNeedsTheAnchorFile() throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
            assertThatThrownBy(() -> log.purge(MID_MARCH, "supervisor-01", "WIN-SUP-01", 180))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(log.count()).isEqualTo(10);
        }
    }

    @Test
    void statsTellCountsAgesSizeVersionAndLastAnchor() throws Exception {
        try (SqliteAuditLog log = open()) {
            log.purge(MID_MARCH, "supervisor-01", "WIN-SUP-01", 180);
            log.record(AuditFixtures.accessEvent(1));

            AuditStats stats = log.stats();

            assertThat(stats.entries()).isEqualTo(5);
            assertThat(stats.oldest()).isEqualTo(APRIL.plusSeconds(6));
            assertThat(stats.newest()).isEqualTo(APRIL.plusSeconds(10));
            assertThat(stats.accessEvents()).isEqualTo(2);
            assertThat(stats.sizeOnDiskBytes()).isPositive();
            assertThat(stats.schemaVersion()).isEqualTo(4);
            assertThat(stats.purgedThroughSeq()).isEqualTo(5);
            assertThat(stats.lastAnchor().seq()).isEqualTo(10);
            assertThat(stats.lastAnchor().accessSeq()).isEqualTo(1);
            assertThat(stats.anchorFile()).isEqualTo(db.resolveSibling("audit.db.anchors").toAbsolutePath());
        }
    }

    @Test
    void statsOfAnEmptyLogWithoutKeyHaveNoAgesAndNoAnchor() throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(dir.resolve("empty.db"))) {
            AuditStats stats = log.stats();
            assertThat(stats.entries()).isZero();
            assertThat(stats.oldest()).isNull();
            assertThat(stats.newest()).isNull();
            assertThat(stats.lastAnchor()).isNull();
            assertThat(stats.anchorFile()).isNull();
        }
    }

    private SqliteAuditLog open() throws AuditWriteException {
        return SqliteAuditLog.openUrl("jdbc:sqlite:" + db, AnchorFile.beside(db, AuditFixtures.KEY), clock);
    }

    private IntegrityReport verify() throws Exception {
        try (SqliteAuditLog log = open()) {
            return log.verify(ProgressListener.NONE);
        }
    }

    private static void assertBreak(IntegrityReport report, long seq, BreakKind kind) {
        assertThat(report.checks().breakFound()).hasValueSatisfying(b -> {
            assertThat(b.kind()).as(b.detail()).isEqualTo(kind);
            assertThat(b.seq()).as(b.detail()).isEqualTo(seq);
        });
    }
}
