package com.waiverdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditKey;
import com.waiverdesk.audit.ProofDetail;
import com.waiverdesk.audit.SqliteAuditLog;
import com.waiverdesk.audit.SqliteAuditReader;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.audit.server.LogMigration;
import com.waiverdesk.audit.server.ServerAuditLog;
import com.waiverdesk.audit.server.ServerConnections;
import com.waiverdesk.audit.server.ServerUrl;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.testing.PgCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code audit migrate --from PATH --to URL}: a workstation's local log, written by the real {@code check} command
 * (the built-in demo service), verified and appended to a private PostgreSQL server ({@link PgCluster}) once, however
 * often it runs; the server's chain then verifies with {@code audit verify}. Synthetic people and logins.
 */
class AuditMigratePgTest extends PgCommandTest {
    private static final String DESK_PW = "synthetic-desk-pw-2";
    private static final String SUPERVISOR_PW = "synthetic-supervisor-pw-2";

    private Path local;
    private String desk;
    private String supervisor;

    @Override
    List<String> passwords() {
        return List.of(DESK_PW, SUPERVISOR_PW);
    }

    @BeforeEach
    void serverWithADeskAndASupervisor() throws Exception {
        local = dir.resolve("workstation").resolve("audit.db");
        desk = "desk_m" + testNumber;
        supervisor = "sup_m" + testNumber;
        initWith(desk, DESK_PW, supervisor, SUPERVISOR_PW);
    }

    /** The real check command into the workstation's log (the demo service answers). */
    private void check(String name, String id) {
        ServerCli.Run run = cli.run("check", "--name", name, "--id", id, "--audit-db", local.toString(), "--config",
                cli.config());
        assertThat(run.exit()).as(run.err()).isZero();
    }

    /** As the window's own desk login, as docs/hospital-deployment.md has IT do it. */
    private ServerCli.Run migrate() throws Exception {
        return cli.run("audit", "migrate", "--from", local.toString(), "--to", pg.jdbcUrl(database, desk),
                "--password-file", cli.passwordFile("desk-pw", DESK_PW).toString());
    }

    private ServerCli.Run verifyOnServer() throws Exception {
        return cli.run("audit", "verify", "--audit-db", pg.jdbcUrl(database, desk), "--user",
                supervisor, "--password-file", cli.passwordFile("sup-pw", SUPERVISOR_PW).toString());
    }

    /** One row of the server's chain, as a superuser reads it. */
    private record Row(long seq, UUID entryId, String writer, Long spooledMs, long wsTimeMs, String name,
                       String decision, Long followsSeq) {
    }

    private List<Row> serverRows() throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = pg.superuserConnection(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, entry_id, writer, spooled_ms, ws_time_ms, name, decision,"
                     + " follows_seq FROM waiverdesk.audit_entry ORDER BY seq")) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), (UUID) rs.getObject(2), rs.getString(3), (Long) rs.getObject(4),
                        rs.getLong(5), rs.getString(6), rs.getString(7), (Long) rs.getObject(8)));
            }
        }
        return rows;
    }

    private long notShownMarkOf(long serverSeq) throws SQLException {
        try (Connection c = pg.superuserConnection(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM waiverdesk.access_entry WHERE action ="
                     + " 'DECISION_NOT_SHOWN' AND entry_seq = " + serverSeq)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void migrateImportsAVerifiedLogOnceAndTheServerChainVerifies() throws Exception {
        // two entries a desk wrote on the server first, so the local seqs are not the server's
        try (ServerAuditLog deskLog = new ServerAuditLog(new ServerConnections(ServerUrl.parse(pg.jdbcUrl(database,
                desk)), DESK_PW.toCharArray(), Duration.ofSeconds(10)))) {
            deskLog.append(UUID.randomUUID(), deskEntry(1), null);
            deskLog.append(UUID.randomUUID(), deskEntry(2), null);
        }
        check("王秀英", "310101195203140028");
        check("张美玲", "310105197609200064");
        check("王秀云", "310101195203140028");
        try (SqliteAuditLog log = SqliteAuditLog.open(local, AuditKey.load(local.resolveSibling("audit.key")))) {
            StoredEntry charged = log.latest(1).get(0);
            log.append(paperAfter(charged.entry(), charged.seq()));
            log.markNotShown(1, Instant.parse("2026-03-02T08:00:00Z"), "clerk-09", "WIN-ADM-09");
        }
        List<StoredEntry> localEntries = new ArrayList<>();
        try (SqliteAuditReader reader = SqliteAuditReader.open(local)) {
            for (long seq = 1; seq <= 4; seq++) {
                localEntries.add(reader.entry(seq).orElseThrow());
            }
        }

        ServerCli.Run first = migrate();
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("intact, entries 1 to 4",
                "imported: 4, already on the server: 0, decision-not-shown marks: 1",
                "written by " + desk + " with spooled_ms = their workstation time");

        List<Row> rows = serverRows();
        // seq 3 went to the migration's probe of the next seq, rolled back: the chain records it as a gap
        assertThat(rows).extracting(Row::seq).containsExactly(1L, 2L, 4L, 5L, 6L, 7L);
        for (int i = 0; i < 4; i++) {
            Row row = rows.get(i + 2);
            AuditEntry source = localEntries.get(i).entry();
            assertThat(row.name()).isEqualTo(source.name());
            assertThat(row.decision()).isEqualTo(source.decision().name());
            assertThat(row.wsTimeMs()).isEqualTo(source.workstationTime().toEpochMilli());
            assertThat(row.spooledMs()).as("held locally since its decision").isEqualTo(row.wsTimeMs());
            assertThat(row.writer()).isEqualTo(desk);
            // the marker: a name-based UUID of the local entry's hash, which links it to its original
            assertThat(row.entryId()).isEqualTo(UUID.nameUUIDFromBytes(("waiverdesk-migrated-entry-1:"
                    + localEntries.get(i).entryHash()).getBytes(StandardCharsets.US_ASCII)));
            assertThat(row.entryId().version()).isEqualTo(3);
        }
        assertThat(rows.get(0).spooledMs()).as("the desk's own entry").isNull();
        assertThat(rows.get(0).entryId().version()).as("a desk's own id is random").isEqualTo(4);
        assertThat(rows.get(5).followsSeq()).as("the paper entry follows the server's copy of local entry 3")
                .isEqualTo(6L);
        assertThat(notShownMarkOf(4)).as("local entry 1 is server entry 4").isEqualTo(1);

        ServerCli.Run verified = verifyOnServer();
        assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("check entries: 6", "intact: every entry and every anchor verifies");

        ServerCli.Run second = migrate();
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("imported: 0, already on the server: 4");
        assertThat(serverRows()).hasSize(6);
        assertThat(notShownMarkOf(4)).isEqualTo(1);

        check("王秀英", "310101195203140028");
        ServerCli.Run third = cli.run("audit", "migrate", "--from", local.toString(), "--to", ownerUrl(),
                "--password-file", ownerPasswordFile());
        assertThat(third.exit()).as(third.err()).isZero();
        assertThat(third.out()).contains("intact, entries 1 to 5", "imported: 1, already on the server: 4");
        assertThat(serverRows()).hasSize(7);
        assertThat(serverRows().get(6).writer()).as("IT's login may migrate too").isEqualTo(OWNER);
        assertThat(verifyOnServer().out()).contains("check entries: 7", "intact");
    }

    private ServerCli.Run carryReviewsAs(String login, String password) throws Exception {
        return cli.run("audit", "migrate", "--reviews", "--from", local.toString(), "--to",
                pg.jdbcUrl(database, login), "--password-file", cli.passwordFile(login + "-pw", password).toString());
    }

    /** The server's review of the migrated copy of local entry {@code stored}: action|writer|detail, or null. */
    private String serverReviewOf(StoredEntry stored) throws SQLException {
        try (Connection c = pg.superuserConnection(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT a.action || '|' || a.writer || '|' || a.detail"
                     + " FROM waiverdesk.access_entry a JOIN waiverdesk.audit_entry e ON e.seq = a.entry_seq"
                     + " WHERE a.action IN ('REVIEW_APPROVED', 'REVIEW_REJECTED')"
                     + " AND e.entry_id = '" + LogMigration.entryId(stored) + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void aSupervisorCarriesTheLocalReviewsOverOnceAndADeskLoginMayNot() throws Exception {
        check("赵明远", "310109198501010058");
        check("刘德顺", "310106196411050031");
        List<StoredEntry> paper = new ArrayList<>();
        try (SqliteAuditLog log = SqliteAuditLog.open(local, AuditKey.load(local.resolveSibling("audit.key")))) {
            List<StoredEntry> checked = log.latest(2);
            StoredEntry first = checked.get(1);
            StoredEntry second = checked.get(0);
            for (StoredEntry charged : List.of(first, second, second)) {
                log.append(paperAfter(charged.entry(), charged.seq()));
                paper.add(log.latest(1).get(0));
            }
            log.recordReview(paper.get(0).seq(), true, "", Instant.parse("2026-03-03T09:00:00Z"), "李主管",
                    "WIN-SUP-1");
            log.recordReview(paper.get(1).seq(), false, "印章模糊", Instant.parse("2026-03-03T09:05:00Z"), "李主管",
                    "WIN-SUP-1");
        }

        ServerCli.Run early = carryReviewsAs(supervisor, SUPERVISOR_PW);
        assertThat(early.exit()).as("the entries are not there yet").isEqualTo(AuditServerCommand.EXIT_NOT_DONE);
        assertThat(early.out()).contains("reviews in the local log: 2; recorded on the server now: 0, reviewed"
                + " there already: 0, entry not on the server: 2");
        assertThat(early.err()).contains("import the entries first");

        assertThat(migrate().exit()).isZero();
        ServerCli.Run byDesk = carryReviewsAs(desk, DESK_PW);
        assertThat(byDesk.exit()).as("a clerk's login records no review").isEqualTo(ServerTarget.EXIT_LOGIN_REFUSED);
        assertThat(serverReviewOf(paper.get(0))).isNull();

        ServerCli.Run carried = carryReviewsAs(supervisor, SUPERVISOR_PW);
        assertThat(carried.exit()).as(carried.err()).isZero();
        assertThat(carried.out()).contains("reviews in the local log: 2; recorded on the server now: 2, reviewed"
                + " there already: 0, entry not on the server: 0");
        assertThat(serverReviewOf(paper.get(0))).startsWith("REVIEW_APPROVED|" + supervisor + "|")
                .contains("local review by 李主管 at WIN-SUP-1, 2026-03-03T09:00:00Z");
        assertThat(serverReviewOf(paper.get(1))).startsWith("REVIEW_REJECTED|" + supervisor + "|")
                .contains("local review by 李主管 at WIN-SUP-1, 2026-03-03T09:05:00Z: 印章模糊");
        assertThat(serverReviewOf(paper.get(2))).as("pending locally, pending on the server").isNull();

        ServerCli.Run again = carryReviewsAs(supervisor, SUPERVISOR_PW);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("recorded on the server now: 0, reviewed there already: 2");
        assertThat(verifyOnServer().out()).contains("intact");
    }

    @Test
    void anAlteredLocalLogIsRefusedWithExitFiveAndNothingIsImported() throws Exception {
        check("王秀英", "310101195203140028");
        check("张美玲", "310105197609200064");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + local); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_entry_no_update");
            s.execute("UPDATE audit_entry SET decision = 'WAIVE', deposit_percent = 0 WHERE seq = 2");
        }
        ServerCli.Run run = migrate();
        assertThat(run.exit()).as(run.err()).isEqualTo(AuditCommand.EXIT_ALTERED);
        assertThat(run.out()).contains("ALTERED: CHECK_ENTRIES, first bad entry 2: EDITED");
        assertThat(run.err()).contains("was altered: nothing was imported");
        assertThat(serverRows()).isEmpty();
    }

    @Test
    void aMissingLocalLogOrAServerWithoutSchemaIsSaidWithExitSeven() throws Exception {
        ServerCli.Run missing = migrate();
        assertThat(missing.exit()).isEqualTo(AuditCommand.EXIT_NO_DATABASE);
        assertThat(missing.err()).contains("there is no audit database at " + local);

        check("王秀英", "310101195203140028");
        String bare = "bare_" + testNumber;
        pg.createDatabase(bare, OWNER);
        ServerCli.Run noSchema = cli.run("audit", "migrate", "--from", local.toString(), "--to",
                pg.jdbcUrl(bare, OWNER), "--password-file", ownerPasswordFile());
        assertThat(noSchema.exit()).isEqualTo(AuditCommand.EXIT_NO_DATABASE);
        assertThat(noSchema.err()).contains("has no WaiverDesk audit schema in " + bare,
                "`waiverdesk audit server init`");
    }

    private static AuditEntry deskEntry(int i) {
        return new AuditEntry(Instant.parse("2026-03-01T08:00:00.123Z").plusSeconds(i), null, "clerk-01",
                "WIN-ADM-01", "110105********002X", null, "张三", DecisionKind.CHARGE, 100, "NO_RECORD", List.of(),
                "NO_RECORD", "req-desk-" + i, null, 30);
    }

    /** A paper certificate recorded after the charged check {@code seq} (synthetic number and centre). */
    private static AuditEntry paperAfter(AuditEntry charged, long seq) {
        return new AuditEntry(charged.workstationTime().plusSeconds(60), null, charged.operator(),
                charged.workstation(), charged.maskedId(), charged.idHash(), charged.name(), DecisionKind.WAIVE, 0,
                "PAPER_PROVISIONAL_WAIVE", List.of("SUBSISTENCE_ALLOWANCE"), null, null, null, 2, charged.source(),
                ProofDetail.paper("沪民证字20260417", "徐汇区凌云街道社区事务受理服务中心", LocalDate.parse("2026-02-20"),
                        "SUBSISTENCE_ALLOWANCE", seq));
    }
}
