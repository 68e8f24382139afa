package com.waiverdesk.audit.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.HashChain;
import com.waiverdesk.audit.spool.AuditSpool.Batch;
import com.waiverdesk.audit.spool.AuditSpool.Row;
import com.waiverdesk.audit.spool.AuditSpool.RowKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditSpoolTest {
    @TempDir
    Path dir;

    @Test
    void rowsComeBackOldestFirstEachChainedToTheOneBefore() throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (AuditSpool spool = AuditSpool.open(dir.resolve("spool.db"))) {
            for (int i = 1; i <= 3; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                assertThat(spool.add(RowKind.ENTRY, id, 1000L + i, EntryJson.write(SpoolFixtures.entry(i))))
                        .isEqualTo(i);
            }
            Batch batch = spool.oldest(10);
            assertThat(batch.problem()).isNull();
            assertThat(batch.rows()).extracting(Row::entryId).containsExactlyElementsOf(ids);
            assertThat(batch.rows()).extracting(Row::spooledMs).containsExactly(1001L, 1002L, 1003L);
            assertThat(batch.rows().get(2).entry()).isEqualTo(SpoolFixtures.entry(3));
            assertThat(spool.waiting()).isEqualTo(3);
        }
        assertThat(column("SELECT prev_hash FROM spool_row ORDER BY n")).first().isEqualTo(HashChain.GENESIS);
        List<String> prev = column("SELECT prev_hash FROM spool_row ORDER BY n");
        List<String> hashes = column("SELECT row_hash FROM spool_row ORDER BY n");
        assertThat(prev.subList(1, 3)).isEqualTo(hashes.subList(0, 2));
    }

    @Test
    void chainGoesOnFromTheLastRemovedRowAcrossReopening() throws Exception {
        Path file = dir.resolve("spool.db");
        try (AuditSpool spool = AuditSpool.open(file)) {
            for (int i = 1; i <= 3; i++) {
                spool.add(RowKind.ENTRY, UUID.randomUUID(), i, EntryJson.write(SpoolFixtures.entry(i)));
            }
            for (Row row : spool.oldest(10).rows()) {
                assertThat(spool.remove(row, 100 + row.n())).isTrue();
            }
            assertThat(spool.waiting()).isZero();
        }
        try (AuditSpool spool = AuditSpool.open(file)) {
            long n = spool.add(RowKind.ENTRY, UUID.randomUUID(), 4, EntryJson.write(SpoolFixtures.entry(4)));
            assertThat(n).as("numbers are never given out twice").isEqualTo(4);
            Batch batch = spool.oldest(10);
            assertThat(batch.problem()).isNull();
            assertThat(batch.rows()).extracting(Row::n).containsExactly(4L);
            assertThat(spool.serverSeqOf(2)).contains(102L);
        }
        assertThat(column("SELECT prev_hash FROM spool_row")).containsExactly(
                column("SELECT last_hash FROM spool_head").get(0));
    }

    @Test
    void rowAlreadyRemovedByAnotherProcessIsNotRemovedAgain() throws Exception {
        Path file = dir.resolve("spool.db");
        try (AuditSpool one = AuditSpool.open(file); AuditSpool two = AuditSpool.open(file)) {
            one.add(RowKind.ENTRY, UUID.randomUUID(), 1, EntryJson.write(SpoolFixtures.entry(1)));
            Row row = one.oldest(1).rows().get(0);
            Row same = two.oldest(1).rows().get(0);
            assertThat(two.remove(same, 7L)).isTrue();
            assertThat(one.remove(row, 7L)).isFalse();
            assertThat(one.oldest(10)).isEqualTo(new Batch(List.of(), null));
        }
    }

    @Test
    void editedRowIsReportedAndNeitherReturnedNorRemoved() throws Exception {
        Path file = spoolOf(3);
        sql(file, "UPDATE spool_row SET body = replace(body, 'req-2', 'req-9') WHERE n = 2");
        try (AuditSpool spool = AuditSpool.open(file)) {
            Batch batch = spool.oldest(10);
            assertThat(batch.rows()).extracting(Row::n).containsExactly(1L);
            assertThat(batch.problem()).contains("changed outside WaiverDesk", "row 2 was altered", file.toString());
            assertThat(spool.waiting()).isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "row {0} removed")
    @CsvSource(delimiter = '|', value = {
        "1 | ''  | row 2 does not follow the last forwarded row (0)",
        "2 | 1   | row 3 does not follow row 1",
        "3 | 1 2 | the rows after row 2 were removed"})
    void removedRowIsReportedAndTheRowsBeforeItStillCount(long removed, String rowsBefore, String problem)
            throws Exception {
        Path file = spoolOf(3);
        sql(file, "DELETE FROM spool_row WHERE n = " + removed);
        try (AuditSpool spool = AuditSpool.open(file)) {
            Batch batch = spool.oldest(10);
            assertThat(batch.rows()).extracting(r -> Long.toString(r.n())).containsExactly(
                    rowsBefore.isEmpty() ? new String[0] : rowsBefore.split(" "));
            assertThat(batch.problem()).contains(problem);
        }
    }

    @Test
    void rowsRehashedAfterAnEditStillBreakTheChainAtTheEditedRow() throws Exception {
        // an editor who recomputes the edited row's hash must recompute every later row and the head too
        Path file = spoolOf(2);
        sql(file, "UPDATE spool_row SET row_hash = '" + "1".repeat(64) + "' WHERE n = 1");
        try (AuditSpool spool = AuditSpool.open(file)) {
            assertThat(spool.oldest(10).problem()).contains("row 1 was altered");
        }
    }

    @Test
    void spoolFileIsReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("sub").resolve("spool.db");
        AuditSpool.open(file).close();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void settingsAreKeptAndReplaced() throws Exception {
        Path file = dir.resolve("spool.db");
        byte[] key = new byte[] {0, 1, (byte) 0xff, 42};
        try (AuditSpool spool = AuditSpool.open(file)) {
            assertThat(spool.setting("id-hash-key")).isEmpty();
            spool.putSetting("id-hash-key", key);
            spool.putSetting("policy", "first".getBytes(StandardCharsets.UTF_8));
            spool.putSetting("policy", "second".getBytes(StandardCharsets.UTF_8));
        }
        try (AuditSpool spool = AuditSpool.open(file)) {
            assertThat(spool.setting("id-hash-key")).hasValueSatisfying(v -> assertThat(v).isEqualTo(key));
            assertThat(spool.setting("policy").map(v -> new String(v, StandardCharsets.UTF_8))).contains("second");
        }
    }

    @Test
    void closedSpoolRefusesRowsWithAClearSentence() throws Exception {
        AuditSpool spool = AuditSpool.open(dir.resolve("spool.db"));
        spool.close();
        assertThatThrownBy(() -> spool.add(RowKind.ENTRY, UUID.randomUUID(), 1, "{}"))
                .isInstanceOf(AuditWriteException.class).hasMessageContaining("audit spool").hasMessageContaining(
                        "closed");
    }

    @Test
    void fileThatIsNoDatabaseIsReportedAsDamaged() throws Exception {
        Path file = dir.resolve("spool.db");
        Files.writeString(file, "not a database, but long enough to look like a header of one".repeat(20));
        assertThatThrownBy(() -> AuditSpool.open(file)).isInstanceOf(AuditWriteException.class)
                .hasMessageContaining("damaged or is not a WaiverDesk audit spool")
                .extracting(e -> ((AuditWriteException) e).kind()).isEqualTo(AuditWriteException.Kind.CORRUPT);
    }

    private Path spoolOf(int rows) throws AuditWriteException {
        Path file = dir.resolve("spool.db");
        try (AuditSpool spool = AuditSpool.open(file)) {
            for (int i = 1; i <= rows; i++) {
                spool.add(RowKind.ENTRY, UUID.randomUUID(), i, EntryJson.write(SpoolFixtures.entry(i)));
            }
        }
        return file;
    }

    private List<String> column(String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("spool.db"));
             Statement s = c.createStatement(); var rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    static void sql(Path file, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
