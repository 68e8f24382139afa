package com.waiverdesk.audit;

import static com.waiverdesk.audit.AuditFixtures.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.waiverdesk.audit.ChainReport.BreakKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tampers with a real log through plain JDBC, as someone with the file could, and checks verify finds it. */
class ChainTamperingTest {
    private static final String UNGUARD = "DROP TRIGGER audit_entry_no_update";
    private static final String UNGUARD_DELETE = "DROP TRIGGER audit_entry_no_delete";
    private static final String COLUMNS = String.join(", ", EntryColumns.NAMES);

    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void writeFiveEntries() throws Exception {
        db = dir.resolve("audit.db");
        AuditFixtures.openWith(db, 5).close();
    }

    @Test
    void untouchedLogVerifies() throws Exception {
        ChainReport report = verify();

        assertThat(report.intact()).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(5);
        assertThat(report.lastGoodSeq()).isEqualTo(5);
        try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
            assertThat(report.lastGoodHash()).isEqualTo(log.last().orElseThrow().entryHash());
        }
    }

    @Test
    void emptyLogVerifies() throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(dir.resolve("empty.db"))) {
            ChainReport report = log.verifyChain();
            assertThat(report.intact()).isTrue();
            assertThat(report.entriesChecked()).isZero();
            assertThat(report.lastGoodHash()).isEqualTo(HashChain.GENESIS);
        }
    }

    @Test
    void findsAnEditedDecision() throws Exception {
        sql(db, UNGUARD, "UPDATE audit_entry SET decision = 'CHARGE' WHERE seq = 3");

        assertBreak(verify(), 3, BreakKind.EDITED);
    }

    @Test
    void findsAValueAddedWhereThereWasNone() throws Exception {
        sql(db, UNGUARD, "UPDATE audit_entry SET error_code = '' WHERE seq = 2");

        assertBreak(verify(), 2, BreakKind.EDITED);
    }

    @Test
    void findsAnEditedRowWhoseHashWasRecomputedAtTheNextLink() throws Exception {
        List<Object> values = storedValues(3);
        values.set(EntryColumns.NAMES.indexOf("name"), "李四");
        String prev = storedString(3, "prev_hash");
        sql(db, UNGUARD, "UPDATE audit_entry SET name = '李四', entry_hash = '"
                + HashChain.hash(3, values, prev) + "' WHERE seq = 3");

        assertBreak(verify(), 4, BreakKind.BROKEN_LINK);
    }

    @Test
    void findsADeletedMiddleRow() throws Exception {
        sql(db, UNGUARD_DELETE, "DELETE FROM audit_entry WHERE seq = 3");

        assertBreak(verify(), 4, BreakKind.GAP);
    }

    @Test
    void findsADeletedFirstRow() throws Exception {
        sql(db, UNGUARD_DELETE, "DELETE FROM audit_entry WHERE seq = 1");

        assertBreak(verify(), 2, BreakKind.GAP);
    }

    @Test
    void findsARowInsertedInTheMiddleEvenWithACorrectlyComputedHash() throws Exception {
        insertForgedRowAt3(true);

        assertBreak(verify(), 4, BreakKind.BROKEN_LINK);
    }

    @Test
    void findsARowInsertedInTheMiddleWithAMadeUpHash() throws Exception {
        insertForgedRowAt3(false);

        assertBreak(verify(), 3, BreakKind.EDITED);
    }

    @Test
    void findsARowAppendedWithAWrongLink() throws Exception {
        List<Object> values = storedValues(2);
        String wrongPrev = storedString(2, "entry_hash");
        insertRow(6, values, wrongPrev, HashChain.hash(6, values, wrongPrev));

        assertBreak(verify(), 6, BreakKind.BROKEN_LINK);
    }

    @Test
    void rowWithAValueTheProgramNeverWritesIsReportedNotCrashedOn() throws Exception {
        sql(db, UNGUARD, "UPDATE audit_entry SET decision = 'MAYBE' WHERE seq = 5");

        assertBreak(verify(), 5, BreakKind.EDITED);
        try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
            assertThatThrownBy(() -> log.latest(1)).isInstanceOf(AuditReadException.class)
                    .extracting(e -> ((AuditReadException) e).kind()).isEqualTo(AuditWriteException.Kind.CORRUPT);
        }
    }

    private void insertForgedRowAt3(boolean computeHash) throws Exception {
        // make room at seq 3 the way a tamperer would: move the tail up by one
        sql(db, UNGUARD, "UPDATE audit_entry SET seq = seq + 1000 WHERE seq >= 3",
                "UPDATE audit_entry SET seq = seq - 999 WHERE seq >= 1000");
        List<Object> values = storedValues(2);
        values.set(EntryColumns.NAMES.indexOf("request_id"), "forged");
        String prev = storedString(2, "entry_hash");
        insertRow(3, values, prev, computeHash ? HashChain.hash(3, values, prev) : "e".repeat(64));
    }

    private ChainReport verify() throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
            return log.verifyChain();
        }
    }

    private static void assertBreak(ChainReport report, long seq, BreakKind kind) {
        assertThat(report.intact()).isFalse();
        assertThat(report.breakFound()).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(seq);
            assertThat(b.kind()).isEqualTo(kind);
            assertThat(b.detail()).isNotBlank().doesNotContain(AuditFixtures.NAME);
        });
    }

    private List<Object> storedValues(long seq) throws SQLException {
        try (Connection c = AuditFixtures.jdbc(db);
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_entry WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return new ArrayList<>(EntryColumns.read(rs, 1));
            }
        }
    }

    private String storedString(long seq, String column) throws SQLException {
        try (Connection c = AuditFixtures.jdbc(db);
             PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM audit_entry WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private void insertRow(long seq, List<Object> values, String prev, String hash) throws SQLException {
        try (Connection c = AuditFixtures.jdbc(db); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_entry (seq, " + COLUMNS + ", prev_hash, entry_hash) VALUES (?"
                        + ", ?".repeat(values.size() + 2) + ")")) {
            ps.setLong(1, seq);
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 2, values.get(i));
            }
            ps.setString(values.size() + 2, prev);
            ps.setString(values.size() + 3, hash);
            ps.executeUpdate();
        }
    }
}
