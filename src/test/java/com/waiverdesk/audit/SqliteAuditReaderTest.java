package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.waiverdesk.domain.DecisionKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Opening, single entries, live appends, clocks out of order, local days and damaged rows. */
class SqliteAuditReaderTest {
    @TempDir
    Path dir;

    @Test
    void pagesNewestFirstAndSaysWhenThereIsNoMore() throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.openWith(db, 25).close();
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            AuditPage first = reader.page(AuditFilter.all(), Long.MAX_VALUE, 10);
            AuditPage second = reader.page(AuditFilter.all(), first.nextBeforeSeq(), 10);
            AuditPage last = reader.page(AuditFilter.all(), second.nextBeforeSeq(), 10);

            assertThat(first.entries()).extracting(StoredEntry::seq).startsWith(25L, 24L).hasSize(10);
            assertThat(first.nextBeforeSeq()).isEqualTo(16);
            assertThat(second.entries()).extracting(StoredEntry::seq).startsWith(15L).endsWith(6L);
            assertThat(last.entries()).extracting(StoredEntry::seq).containsExactly(5L, 4L, 3L, 2L, 1L);
            assertThat(last.hasMore()).isFalse();
        }
    }

    @Test
    void readsOneEntryWithItsChainLinksAndNothingForAnUnknownSeq() throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.openWith(db, 3).close();
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            StoredEntry second = reader.entry(2).orElseThrow();
            StoredEntry first = reader.entry(1).orElseThrow();

            assertThat(second.entry()).isEqualTo(AuditFixtures.entry(2));
            assertThat(second.prevHash()).isEqualTo(first.entryHash());
            assertThat(first.prevHash()).isEqualTo(HashChain.GENESIS);
            assertThat(reader.entry(4)).isEmpty();
        }
    }

    @Test
    void seesEntriesAppendedWhileItIsOpen() throws Exception {
        Path db = dir.resolve("audit.db");
        try (SqliteAuditLog log = AuditFixtures.openWith(db, 2);
             SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            assertThat(reader.count(AuditFilter.all())).isEqualTo(2);

            log.append(AuditFixtures.failedEntry());

            assertThat(reader.count(AuditFilter.all())).isEqualTo(3);
            assertThat(reader.page(AuditFilter.all(), Long.MAX_VALUE, 1).entries().get(0).entry().decision())
                    .isEqualTo(DecisionKind.CANNOT_VERIFY);
        }
    }

    @Test
    void pagingLeavesNoReadOpenSoTheNextPageSeesNewEntriesAndTheLogCanCheckpoint() throws Exception {
        Path db = dir.resolve("audit.db");
        try (SqliteAuditLog log = AuditFixtures.openWith(db, 2);
             SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            assertThat(reader.page(AuditFilter.all(), Long.MAX_VALUE, 10).entries()).hasSize(2);

            log.append(AuditFixtures.failedEntry());

            assertThat(reader.page(AuditFilter.all(), Long.MAX_VALUE, 10).entries()).extracting(StoredEntry::seq)
                    .containsExactly(3L, 2L, 1L);
            try (java.sql.Connection c = AuditFixtures.jdbc(db); java.sql.Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                rs.next();
                assertThat(rs.getInt(1)).as("checkpoint blocked by a reader").isZero();
            }
        }
    }

    @Test
    void findsEntriesOfAWorkstationWhoseClockWasWrong() throws Exception {
        Path db = dir.resolve("audit.db");
        Instant base = Instant.parse("2026-03-01T08:00:00Z");
        try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
            for (int i = 0; i < 40; i++) {
                // every fifth entry comes from a window whose clock runs a day behind
                Instant t = base.plusSeconds(600L * i).minusSeconds(i % 5 == 0 ? 86_400 : 0);
                log.append(at(AuditFixtures.entry(i), t));
            }
        }
        AuditFilter dayBefore = new AuditFilter(base.minusSeconds(86_400).toEpochMilli(), base.toEpochMilli(),
                null, null, null, null, null, null, null);
        for (QueryPlanner.Tuning tuning : List.of(QueryPlanner.Tuning.MEASURED, new QueryPlanner.Tuning(2, 2, 2, 2))) {
            try (SqliteAuditReader reader = SqliteAuditReader.open(db, tuning)) {
                assertThat(reader.page(dayBefore, Long.MAX_VALUE, 50).entries()).extracting(StoredEntry::seq)
                        .containsExactly(36L, 31L, 26L, 21L, 16L, 11L, 6L, 1L);
                assertThat(reader.count(dayBefore)).isEqualTo(8);
            }
        }
    }

    @Test
    void chartsCountEachCheckOnTheLocalDayOfTheGivenZone() throws Exception {
        Path db = dir.resolve("audit.db");
        try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
            log.append(at(AuditFixtures.entry(1), Instant.parse("2026-03-01T15:59:00Z")));
            log.append(at(AuditFixtures.failedEntry(), Instant.parse("2026-03-01T16:01:00Z")));
        }
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            AuditCharts shanghai = reader.charts(AuditFilter.all(), ZoneId.of("Asia/Shanghai"));
            AuditCharts utc = reader.charts(AuditFilter.all(), ZoneOffset.UTC);

            assertThat(shanghai.perDay()).containsExactly(
                    new AuditCharts.DayCount(LocalDate.of(2026, 3, 1), DecisionKind.WAIVE, 1),
                    new AuditCharts.DayCount(LocalDate.of(2026, 3, 2), DecisionKind.CANNOT_VERIFY, 1));
            assertThat(utc.failureRate()).containsExactly(
                    new AuditCharts.DayFailures(LocalDate.of(2026, 3, 1), 2, 1));
            assertThat(utc.perOperator()).containsExactly(new AuditCharts.OperatorCount("clerk-07", 1),
                    new AuditCharts.OperatorCount("clerk-08", 1));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"J_hn | ''", "o_n | Jo_n Doe", "0% | Ann 100%", "% | Ann 100%",
        "ann | ANNA;Ann 100%", "N D | Jo_n Doe", "jo | Jo_n Doe;John Smith"})
    void matchesNameFragmentsLiterallyFoldingOnlyLatinCase(String fragment, String expected) throws Exception {
        Path db = dir.resolve("audit.db");
        try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
            for (String name : List.of("John Smith", "Jo_n Doe", "Ann 100%", "ANNA")) {
                AuditEntry e = AuditFixtures.entry(1);
                log.append(new AuditEntry(e.workstationTime(), e.serviceTime(), e.operator(), e.workstation(),
                        e.maskedId(), e.idHash(), name, e.decision(), e.depositPercent(), e.reason(), e.categories(),
                        e.serviceResult(), e.requestId(), e.errorCode(), e.latencyMillis()));
            }
        }
        AuditFilter filter = new AuditFilter(null, null, null, null, null, null, null, fragment, null);
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            assertThat(reader.page(filter, Long.MAX_VALUE, 10).entries()).extracting(s -> s.entry().name())
                    .containsExactlyElementsOf(expected.isEmpty() ? List.of() : List.of(expected.split(";")));
        }
    }

    @Test
    void findsANameFirstWrittenAfterTheLastSearch() throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.openWith(db, 3).close();
        AuditFixtures.sql(db, "CREATE INDEX IF NOT EXISTS audit_entry_name ON audit_entry (name)");
        AuditFilter fragment = new AuditFilter(null, null, null, null, null, null, null, "新", null);
        try (SqliteAuditReader reader = SqliteAuditReader.open(db);
             SqliteAuditLog log = SqliteAuditLog.open(db)) {
            assertThat(reader.page(fragment, Long.MAX_VALUE, 10).entries()).isEmpty();
            AuditEntry e = AuditFixtures.entry(9);
            log.append(new AuditEntry(e.workstationTime(), e.serviceTime(), e.operator(), e.workstation(),
                    e.maskedId(), e.idHash(), "王新", e.decision(), e.depositPercent(), e.reason(), e.categories(),
                    e.serviceResult(), e.requestId(), e.errorCode(), e.latencyMillis()));

            assertThat(reader.page(fragment, Long.MAX_VALUE, 10).entries()).extracting(StoredEntry::seq)
                    .containsExactly(4L);
            assertThat(reader.count(fragment)).isEqualTo(1);
        }
    }

    @Test
    void refusesAMissingFileWithoutCreatingIt() {
        Path db = dir.resolve("nowhere.db");

        assertThatThrownBy(() -> SqliteAuditReader.open(db)).isInstanceOf(AuditReadException.class)
                .hasMessageContaining("no file");
        assertThat(db).doesNotExist();
    }

    @Test
    void refusesADatabaseOfAnotherProgram() throws Exception {
        Path db = dir.resolve("other.db");
        AuditFixtures.sql(db, "CREATE TABLE t (x)");

        assertThatThrownBy(() -> SqliteAuditReader.open(db)).isInstanceOf(AuditReadException.class)
                .hasMessageContaining("not a WaiverDesk audit database")
                .extracting(e -> ((AuditReadException) e).kind()).isEqualTo(AuditWriteException.Kind.CORRUPT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"decision = 'FREE_FOR_ALL'", "latency_ms = 1.5", "categories = 'not json'",
        "categories = '[null]'", "service_time = 'yesterday'", "service_time = '2026-02-29T16:00:00.5+08:00'",
        "service_time = '2026-03-01T16:00:00.5+18:30'", "ws_time_ms = 'noon'"})
    void reportsADamagedRowAsCorruptNamingItWithoutItsContent(String edit) throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.openWith(db, 3).close();
        AuditFixtures.sql(db, "DROP TRIGGER audit_entry_no_update", "UPDATE audit_entry SET " + edit + " WHERE seq = 2");
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            assertThatThrownBy(() -> reader.page(AuditFilter.all(), Long.MAX_VALUE, 10))
                    .isInstanceOf(AuditReadException.class)
                    .hasMessageContaining("entry 2")
                    .hasMessageNotContaining(AuditFixtures.NAME)
                    .extracting(e -> ((AuditReadException) e).kind()).isEqualTo(AuditWriteException.Kind.CORRUPT);
            assertThat(reader.entry(1)).isPresent();
        }
    }

    @Test
    void readsTextThatIsNotUtf8WithReplacementCharactersAsItAlwaysHas() throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.openWith(db, 3).close();
        AuditFixtures.sql(db, "DROP TRIGGER audit_entry_no_update",
                "UPDATE audit_entry SET name = CAST(x'e5bca0ff80e4b889' AS TEXT) WHERE seq = 2");
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            assertThat(reader.entry(2).orElseThrow().entry().name()).isEqualTo("张\uFFFD\uFFFD三");
            assertThat(reader.page(AuditFilter.all(), Long.MAX_VALUE, 10).entries()).hasSize(3);
        }
    }

    @Test
    void reportsABinaryValueAsCorrupt() throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.openWith(db, 3).close();
        AuditFixtures.sql(db, "DROP TRIGGER audit_entry_no_update", "UPDATE audit_entry SET name = x'00ff' WHERE seq = 2");
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            assertThatThrownBy(() -> reader.entry(2)).isInstanceOf(AuditReadException.class)
                    .hasMessageContaining("binary value")
                    .extracting(e -> ((AuditReadException) e).kind()).isEqualTo(AuditWriteException.Kind.CORRUPT);
        }
    }

    @Test
    void neverWritesTheFile() throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.openWith(db, 3).close();
        byte[] before = Files.readAllBytes(db);
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            reader.page(AuditFilter.all(), Long.MAX_VALUE, 10);
            reader.charts(AuditFilter.all(), ZoneOffset.UTC);
        }

        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void failsPlainlyOnceClosed() throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.openWith(db, 1).close();
        SqliteAuditReader reader = SqliteAuditReader.open(db);
        reader.close();

        assertThatThrownBy(() -> reader.count(AuditFilter.all())).isInstanceOf(AuditReadException.class)
                .hasMessageContaining("Could not count");
    }

    private static AuditEntry at(AuditEntry e, Instant time) {
        return new AuditEntry(time, e.serviceTime(), e.operator(), e.workstation(), e.maskedId(), e.idHash(),
                e.name(), e.decision(), e.depositPercent(), e.reason(), e.categories(), e.serviceResult(),
                e.requestId(), e.errorCode(), e.latencyMillis());
    }
}
