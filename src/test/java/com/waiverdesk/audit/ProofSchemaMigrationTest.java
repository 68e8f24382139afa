package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.domain.Channel;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log written at schema version 3 (before proofs were recorded) opens in this one: upgraded in place, its entries
 * verifying and reading back as the live queries they were, and new entries' proofs covered by the chain.
 */
class ProofSchemaMigrationTest {
    private static final String UNGUARD = "DROP TRIGGER audit_entry_no_update;\n";

    @TempDir
    Path dir;
    Path db;
    String lastV3Hash;
    List<AuditEntry> written;

    /** The version 3 DDL, then three entries appended the way version 3 did (20 columns), all with sqlite3. */
    @BeforeEach
    void writeAVersion3Log() throws Exception {
        db = dir.resolve("audit.db");
        String ddl;
        try (InputStream in = ProofSchemaMigrationTest.class.getResourceAsStream("schema-v3.sql")) {
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        written = List.of(AuditFixtures.entry(1), AuditFixtures.sourcedEntry(2), AuditFixtures.sourcedEntry(3));
        StringBuilder sql = new StringBuilder(ddl);
        String prev = HashChain.GENESIS;
        for (int seq = 1; seq <= 3; seq++) {
            List<Object> values = EntryColumns.toColumns(written.get(seq - 1))
                    .subList(0, EntryColumns.VERSION_3_COLUMNS);
            String hash = HashChain.hash(seq, values, prev);
            sql.append(SqliteShell.insert(AuditChain.CHECKS, seq, values, prev, hash));
            prev = hash;
        }
        SqliteShell.run(db, sql.toString());
        lastV3Hash = prev;
        assertThat(SqliteShell.run(db, "PRAGMA user_version;").strip()).isEqualTo("3");
    }

    @Test
    void upgradesToVersion4AndOldEntriesVerifyAndReadAsLiveQueries() throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            assertThat(log.settings().schemaVersion()).isEqualTo(4);
            IntegrityReport report = log.verify(ProgressListener.NONE);
            assertThat(report.intact()).as("%s", report.firstProblem()).isTrue();
            assertThat(report.checks().lastGoodHash()).isEqualTo(lastV3Hash);
            assertThat(log.latest(3)).extracting(StoredEntry::entry)
                    .containsExactly(written.get(2), written.get(1), written.get(0));
            assertThat(log.latest(3)).allSatisfy(e -> {
                assertThat(e.entry().proof()).isNull();
                assertThat(e.entry().channel()).isEqualTo(Channel.LIVE_QUERY);
            });
        }
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            assertThat(reader.count(AuditFilter.all().withChannels(List.of(Channel.LIVE_QUERY)))).isEqualTo(3);
            assertThat(reader.count(AuditFilter.all().withChannels(List.of(Channel.PAPER)))).isZero();
            assertThat(reader.charts(AuditFilter.all(), ZoneId.of("Asia/Shanghai")).perChannel())
                    .containsExactly(new AuditCharts.ChannelCount(Channel.LIVE_QUERY, 3));
            assertThat(reader.reviewQueue(0, 10).entries()).isEmpty();
            assertThat(reader.pendingReviews()).isZero();
            assertThat(reader.review(2)).isEmpty();
        }
    }

    @Test
    void newEntriesRecordTheirProofAndTheWholeChainVerifies() throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            assertThat(log.append(AuditFixtures.paperEntry(4))).isEqualTo(4);
            assertThat(log.append(AuditFixtures.ecertEntry(5))).isEqualTo(5);
            assertThat(log.last().orElseThrow().entry()).isEqualTo(AuditFixtures.ecertEntry(5));
        }
        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            IntegrityReport report = log.verify(ProgressListener.NONE);
            assertThat(report.intact()).as("%s", report.firstProblem()).isTrue();
            assertThat(report.checks().lastGoodSeq()).isEqualTo(5);
            assertThat(log.latest(2)).extracting(e -> e.entry().proof())
                    .containsExactly(AuditFixtures.ECERT, AuditFixtures.PAPER);
        }
        // as someone with the sqlite3 client reads the file: the proof's fields, and no QR text or ID anywhere
        assertThat(SqliteShell.run(db, "SELECT channel, cert_id, cert_kid, trust_list_age_s, revocation_list_age_s,"
                + " paper_number, paper_centre, paper_issued, paper_category, follows_seq, holder_from_certificate,"
                + " seq FROM audit_entry WHERE seq >= 3 ORDER BY seq;").strip()).isEqualTo(String.join("\n",
                "|||||||||||3",
                "PAPER|||||沪民证字20260417|徐汇区凌云街道社区事务受理服务中心|2026-02-20|SUBSISTENCE_ALLOWANCE|3|0|4",
                "ECERT_OFFLINE|SHC-2026-000042|issuer-2026-01|3600|1800||||||1|5"));
        assertThat(SqliteShell.run(db, ".dump audit_entry")).doesNotContain(AuditFixtures.FULL_ID)
                .doesNotContain("SHEC1.");
    }

    @Test
    void aProofWrittenIntoAnOlderEntryBreaksTheChainThere() throws Exception {
        SqliteAuditLog.open(db, AuditFixtures.KEY).close();
        SqliteShell.run(db, UNGUARD + "UPDATE audit_entry SET channel = 'PAPER', paper_number = 'X1',"
                + " holder_from_certificate = 0 WHERE seq = 2;");
        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            IntegrityReport report = log.verify(ProgressListener.NONE);
            assertThat(report.intact()).isFalse();
            assertThat(report.firstProblem().orElseThrow().found().seq()).isEqualTo(2);
        }
    }

    @Test
    void theReviewQueueIsReadThroughTheChannelAndReviewIndexes() throws Exception {
        SqliteAuditLog.open(db, AuditFixtures.KEY).close();

        // a page: the paper seqs from the channel index alone, then each row by its seq, in order (no sort of rows)
        String page = SqliteShell.run(db, "EXPLAIN QUERY PLAN "
                + SqliteAuditReader.reviewPageSql("audit_entry_channel").replaceFirst("\\?", "0")
                        .replaceFirst("\\?", "101") + ";");
        assertThat(page).contains("SEARCH audit_entry USING INTEGER PRIMARY KEY (rowid=?)")
                .contains("SEARCH audit_entry USING COVERING INDEX audit_entry_channel (channel=?)")
                .contains("SEARCH access_entry USING INDEX access_entry_review (detail>? AND detail<?)")
                .doesNotContain("SCAN").doesNotContain("TEMP B-TREE FOR ORDER BY");

        String count = SqliteShell.run(db, "EXPLAIN QUERY PLAN "
                + SqliteAuditReader.pendingCountSql("audit_entry_channel") + ";");
        assertThat(count).contains("SEARCH audit_entry USING COVERING INDEX audit_entry_channel (channel=?)")
                .contains("SEARCH access_entry USING INDEX access_entry_review (detail>? AND detail<?)")
                .doesNotContain("SCAN");
    }

    @Test
    void aReaderOnALogNotYetUpgradedHasNoPaperEntries() throws Exception {
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            assertThat(reader.reviewQueue(0, 10).entries()).isEmpty();
            assertThat(reader.pendingReviews()).isZero();
            assertThat(reader.review(1)).isEmpty();
            assertThat(reader.charts(AuditFilter.all(), ZoneId.of("Asia/Shanghai")).perChannel()).isEmpty();
        }
    }
}
