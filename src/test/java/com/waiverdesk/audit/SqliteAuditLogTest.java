package com.waiverdesk.audit;

import static com.waiverdesk.audit.AuditFixtures.entry;
import static com.waiverdesk.audit.AuditFixtures.jdbc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.waiverdesk.domain.ResidentId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqliteAuditLogTest {
    @TempDir
    Path dir;

    @Test
    void appendedEntryIsVisibleToAFreshConnectionAsSoonAsAppendReturns() throws Exception {
        Path db = dir.resolve("audit.db");
        try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
            long seq = log.append(entry(1));

            try (Connection other = jdbc(db);
                 PreparedStatement ps = other.prepareStatement("SELECT request_id FROM audit_entry WHERE seq = ?")) {
                ps.setLong(1, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("req-1");
                }
            }
        }
    }

    @Test
    void sequenceStartsAtOneAndIncrementsByOne() throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(dir.resolve("audit.db"))) {
            assertThat(List.of(log.append(entry(1)), log.append(entry(2)), log.append(entry(3))))
                    .containsExactly(1L, 2L, 3L);
            assertThat(log.count()).isEqualTo(3);
        }
    }

    @Test
    void firstEntryLinksToGenesisAndEachLaterEntryToItsPredecessor() throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.openWith(db, 4).close();

        List<String[]> links = new ArrayList<>();
        try (Connection c = jdbc(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT prev_hash, entry_hash FROM audit_entry ORDER BY seq")) {
            while (rs.next()) {
                links.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        assertThat(links).hasSize(4);
        assertThat(links.get(0)[0]).isEqualTo(HashChain.GENESIS).hasSize(64);
        for (int i = 1; i < links.size(); i++) {
            assertThat(links.get(i)[0]).isEqualTo(links.get(i - 1)[1]);
        }
        assertThat(links).extracting(l -> l[1]).doesNotHaveDuplicates().allMatch(h -> h.matches("[0-9a-f]{64}"));
    }

    @Test
    void readsBackEveryFieldNewestFirst() throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(dir.resolve("audit.db"))) {
            log.append(entry(1));
            log.append(AuditFixtures.failedEntry());

            List<StoredEntry> latest = log.latest(5);

            assertThat(latest).extracting(StoredEntry::seq).containsExactly(2L, 1L);
            assertThat(latest.get(0).entry()).isEqualTo(AuditFixtures.failedEntry());
            assertThat(latest.get(1).entry()).isEqualTo(entry(1));
            assertThat(latest.get(0).prevHash()).isEqualTo(latest.get(1).entryHash());
            assertThat(log.last()).contains(latest.get(0));
        }
    }

    @Test
    void emptyLogHasNoLastEntry() throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(dir.resolve("audit.db"))) {
            assertThat(log.count()).isZero();
            assertThat(log.last()).isEmpty();
        }
    }

    @Test
    void reopenedLogContinuesTheSameChain() throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.openWith(db, 2).close();

        try (SqliteAuditLog log = SqliteAuditLog.open(db.toString())) {
            assertThat(log.append(entry(3))).isEqualTo(3);
            assertThat(log.verifyChain().intact()).isTrue();
        }
    }

    @Test
    void databaseFilesNeverHoldTheFullResidentId() throws Exception {
        Path db = dir.resolve("audit.db");
        try (SqliteAuditLog log = AuditFixtures.openWith(db, 3)) {
            log.append(AuditFixtures.failedEntry());
            // read while open, so the WAL file (not yet checkpointed) is searched as well
            String bytes = allBytes(db);

            assertThat(bytes).contains(ResidentId.mask(AuditFixtures.FULL_ID))
                    .contains(AuditFixtures.HASHER.hash(AuditFixtures.FULL_ID))
                    .doesNotContain(AuditFixtures.FULL_ID)
                    .doesNotContain(AuditFixtures.FULL_ID.substring(0, 17));
        }
        assertThat(allBytes(db)).doesNotContain(AuditFixtures.FULL_ID.substring(0, 17));
    }

    @Test
    void recordsSchemaVersionAndApplicationId() throws Exception {
        Path db = dir.resolve("audit.db");
        SqliteAuditLog.open(db).close();

        try (Connection c = jdbc(db); Statement s = c.createStatement()) {
            assertThat(intQuery(s, "PRAGMA user_version")).isEqualTo(4);
            assertThat(intQuery(s, "PRAGMA application_id")).isEqualTo(0x57444155);
        }
    }

    @Test
    void runsInWalModeWithFullSync() throws Exception {
        Path db = dir.resolve("audit.db");
        try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
            SqliteAuditLog.Settings settings = log.settings();

            assertThat(settings.journalMode()).isEqualToIgnoringCase("wal");
            assertThat(settings.synchronous()).isEqualTo(2);
            assertThat(settings.schemaVersion()).isEqualTo(4);
        }
        try (Connection c = jdbc(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void createsMissingFolders() throws Exception {
        Path db = dir.resolve("a/b/c/audit.db");
        try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
            log.append(entry(1));
        }
        assertThat(db).isRegularFile();
    }

    @Test
    void keepsWorkstationTimeAlsoAsReadableUtcText() throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.openWith(db, 1).close();

        try (Connection c = jdbc(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ws_time, ws_time_ms FROM audit_entry")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("2026-03-01T08:00:01.123Z");
            assertThat(rs.getLong(2)).isEqualTo(entry(1).workstationTime().toEpochMilli());
        }
    }

    @Test
    void refusesAccidentalUpdateOrDeleteOfEntries() throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.openWith(db, 1).close();

        assertThatThrownBy(() -> AuditFixtures.sql(db, "UPDATE audit_entry SET decision = 'CHARGE'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> AuditFixtures.sql(db, "DELETE FROM audit_entry"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
    }

    @Test
    void appendAfterCloseFailsAsUnavailable() throws Exception {
        SqliteAuditLog log = SqliteAuditLog.open(dir.resolve("audit.db"));
        log.close();

        assertThatThrownBy(() -> log.append(entry(1))).isInstanceOf(AuditWriteException.class)
                .extracting(e -> ((AuditWriteException) e).kind()).isEqualTo(AuditWriteException.Kind.UNAVAILABLE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ws_time_ms BETWEEN 1 AND 2                        | audit_entry_time",
            "operator = 'clerk-07' AND ws_time_ms BETWEEN 1 AND 2    | audit_entry_operator",
            "workstation = 'WIN-ADM-03' AND ws_time_ms BETWEEN 1 AND 2 | audit_entry_workstation",
            "decision = 'WAIVE' AND ws_time_ms BETWEEN 1 AND 2       | audit_entry_decision",
            "id_hash = 'ab'                                          | audit_entry_id_hash",
            "ws_time_ms BETWEEN 1 AND 2 AND name LIKE '%三%'         | audit_entry_time"})
    void supervisorFiltersUseAnIndex(String where, String index) throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.openWith(db, 3).close();

        StringBuilder plan = new StringBuilder();
        try (Connection c = jdbc(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN QUERY PLAN SELECT * FROM audit_entry WHERE " + where
                     + " ORDER BY ws_time_ms DESC")) {
            while (rs.next()) {
                plan.append(rs.getString("detail")).append('\n');
            }
        }
        assertThat(plan.toString()).contains("USING INDEX " + index).doesNotContain("TEMP B-TREE");
    }

    private static int intQuery(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String allBytes(Path db) throws Exception {
        StringBuilder all = new StringBuilder();
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Path file = Path.of(db + suffix);
            if (Files.exists(file)) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        // ISO-8859-1 maps each byte to one char, so an ASCII ID found here is found in the raw bytes
        return all.toString();
    }
}
