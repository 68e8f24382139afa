package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log written by the first release (schema 1) opens in this one: upgraded in place, its chain intact and going on. */
class SchemaMigrationTest {
    @TempDir
    Path dir;
    Path db;
    String lastV1Hash;

    /** Creates the file with the shipped DDL and appends three entries the way version 1 did, all with sqlite3. */
    @BeforeEach
    void writeAVersion1Log() throws Exception {
        db = dir.resolve("audit.db");
        String ddl;
        try (InputStream in = SchemaMigrationTest.class.getResourceAsStream("schema-v1.sql")) {
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder sql = new StringBuilder(ddl);
        String prev = HashChain.GENESIS;
        for (int seq = 1; seq <= 3; seq++) {
            List<Object> values = EntryColumns.toColumns(AuditFixtures.entry(seq))
                    .subList(0, EntryColumns.VERSION_1_COLUMNS);
            String hash = HashChain.hash(seq, values, prev);
            sql.append(SqliteShell.insert(AuditChain.CHECKS, seq, values, prev, hash));
            prev = hash;
        }
        SqliteShell.run(db, sql.toString());
        lastV1Hash = prev;
        assertThat(SqliteShell.run(db, "PRAGMA user_version;").strip()).isEqualTo("1");
    }

    @Test
    void upgradesToTheCurrentVersionAndKeepsTheOldChainVerifying() throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            assertThat(log.settings().schemaVersion()).isEqualTo(4);

            IntegrityReport report = log.verify(ProgressListener.NONE);

            assertThat(report.intact()).as("%s", report.firstProblem()).isTrue();
            assertThat(report.checks().entriesChecked()).isEqualTo(3);
            assertThat(report.checks().lastGoodHash()).isEqualTo(lastV1Hash);
            assertThat(log.latest(3)).extracting(e -> e.entry()).containsExactly(
                    AuditFixtures.entry(3), AuditFixtures.entry(2), AuditFixtures.entry(1));
        }
    }

    @Test
    void newEntriesAndAccessEventsChainOnAfterTheUpgrade() throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            assertThat(log.append(AuditFixtures.failedEntry())).isEqualTo(4);
            assertThat(log.record(AuditFixtures.accessEvent(1))).isEqualTo(1);
            assertThat(log.last().orElseThrow().prevHash()).isEqualTo(lastV1Hash);
        }
        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            IntegrityReport report = log.verify(ProgressListener.NONE);
            assertThat(report.intact()).as("%s", report.firstProblem()).isTrue();
            assertThat(report.checks().lastGoodSeq()).isEqualTo(4);
            assertThat(report.access().lastGoodSeq()).isEqualTo(1);
            assertThat(report.lastAnchor().seq()).isEqualTo(4);
        }
    }

    @Test
    void entriesAfterTheUpgradeRecordTheirSourceAndTheWholeChainVerifies() throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            assertThat(log.append(AuditFixtures.sourcedEntry(4))).isEqualTo(4);
        }
        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            IntegrityReport report = log.verify(ProgressListener.NONE);
            assertThat(report.intact()).as("%s", report.firstProblem()).isTrue();
            assertThat(log.latest(2)).extracting(e -> e.entry().source())
                    .containsExactly(AuditFixtures.SOURCE, null);
        }
        assertThat(SqliteShell.run(db, "SELECT policy_id, policy_sha256, service_url, demo_service, program_version"
                + " FROM audit_entry WHERE seq = 4;").strip())
                .isEqualTo("SH-2018-DEPOSIT|" + "ab".repeat(32) + "|https://verify.example.gov.cn:8443/gw/|0|1.4.0");
    }

    @Test
    void aSourceWrittenIntoAnOlderEntryBreaksTheChainThere() throws Exception {
        SqliteAuditLog.open(db, AuditFixtures.KEY).close();
        SqliteShell.run(db, "DROP TRIGGER audit_entry_no_update;"
                + " UPDATE audit_entry SET program_version = '9.9' WHERE seq = 2;");
        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            IntegrityReport report = log.verify(ProgressListener.NONE);
            assertThat(report.intact()).isFalse();
            assertThat(report.firstProblem().orElseThrow().found().seq()).isEqualTo(2);
        }
    }

    @Test
    void upgradeAddsTablesThatAreAppendOnlyLikeTheFirst() throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            log.record(AuditFixtures.accessEvent(1));
        }

        assertThat(SqliteShell.run(db, "SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name;"))
                .contains("access_entry_no_update", "access_entry_no_delete", "audit_purge_no_update",
                        "audit_purge_no_delete", "audit_entry_no_update", "audit_entry_no_delete");
        assertThatThrownBy(() -> AuditFixtures.sql(db, "UPDATE access_entry SET detail = 'x'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> AuditFixtures.sql(db, "DELETE FROM audit_meta"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
    }

    @Test
    void version1LogThatCannotBeWrittenIsRefusedClearly() throws Exception {
        AuditWriteException e = catchThrowableOfType(AuditWriteException.class,
                () -> SqliteAuditLog.open("jdbc:sqlite:file:" + db + "?mode=ro"));

        assertThat(e).isNotNull().hasMessageStartingWith("Could not open the audit database");
        assertThat(e.kind()).isEqualTo(AuditWriteException.Kind.READ_ONLY);
    }
}
