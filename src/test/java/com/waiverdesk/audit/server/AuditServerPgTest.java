package com.waiverdesk.audit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.ChainReport;
import com.waiverdesk.audit.IntegrityReport;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.testing.AuditServerFixture;
import com.waiverdesk.testing.PgCluster;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit server's schema on a real private PostgreSQL: what a desk login may not do (each refused by the server
 * itself), what append_entry assigns, that the Java verifier agrees with the server's PL/pgSQL hashes and finds what
 * the owner altered. Expected values are written here, not taken from the code under test.
 */
class AuditServerPgTest {
    private static final String DB = "audit";
    private static final String OWNER_PW = "owner-synthetic-pw";
    private static final String DESK_PW = "desk-synthetic-pw-1";
    private static final String SUPERVISOR_PW = "supervisor-synthetic-pw";
    /** The tables the privilege tests must at least find in the schema (they try every table there is). */
    private static final List<String> TABLES = List.of("settings", "chain_head", "audit_entry", "access_entry",
            "audit_purge", "audit_anchor", "policy_version", "flyway_schema_history", "audit_seal", "seal_gap");
    private static AuditServerFixture server;
    private static PgCluster pg;
    private static ServerConnections it;

    @BeforeAll
    static void server() throws SQLException {
        server = AuditServerFixture.start(DB, OWNER_PW);
        pg = server.pg();
        it = server.owner();
        String version = server.init();
        assertThat(version).matches("[1-9][0-9]*");
        assertThat(server.init()).as("a second init changes nothing").isEqualTo(version);
        assertThat(server.addLogin("desk-a", ServerAdmin.Kind.DESK, DESK_PW)).isTrue();
        assertThat(server.addLogin("desk-b", ServerAdmin.Kind.DESK, DESK_PW)).isTrue();
        assertThat(server.addLogin("sup-1", ServerAdmin.Kind.SUPERVISOR, SUPERVISOR_PW)).isTrue();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Connection as(String login, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("password", password);
        return DriverManager.getConnection(pg.jdbcUrl(DB, login), p);
    }

    private static AuditEntry entry(String workstation, String masked) {
        return new AuditEntry(Instant.parse("2026-12-01T02:03:04.005Z"), null, "clerk-7", workstation, masked,
                "ab".repeat(32), "测试甲", DecisionKind.WAIVE, 0, "VERIFIED", List.of("MINIMUM_LIVING"), "MATCH",
                "req-1", null, 42L);
    }

    @Test
    void aDeskLoginCannotChangeOrReadAnyTable() throws SQLException {
        Map<String, String> tables = server.schemaTables(DB);
        assertThat(tables).containsKeys(TABLES.toArray(String[]::new));
        try (Connection desk = as("desk-a", DESK_PW); Statement s = desk.createStatement()) {
            for (String table : tables.keySet()) {
                String column = tables.get(table);
                for (String sql : List.of("UPDATE waiverdesk." + table + " SET " + column + " = " + column,
                        "DELETE FROM waiverdesk." + table, "TRUNCATE waiverdesk." + table,
                        "INSERT INTO waiverdesk." + table + " DEFAULT VALUES", "SELECT * FROM waiverdesk." + table)) {
                    assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
                }
            }
            for (String sql : List.of("SELECT waiverdesk.append_access(1, 'x', 'x', 'PURGE', 'x', NULL)",
                    "SELECT waiverdesk.record_action(1, 'x', 'SEARCH', 'x')",
                    "SELECT * FROM waiverdesk.chain_rows(1, 'x')", "SELECT waiverdesk.purge_before(0, 1, 'x')",
                    "SELECT waiverdesk.anchor()", "SELECT * FROM waiverdesk.access_rows()",
                    "SELECT * FROM waiverdesk.chain_links(1, 'x')", "SELECT * FROM waiverdesk.seal_gaps()",
                    "SELECT waiverdesk.seal_locked(NULL)", "SELECT nextval('waiverdesk.audit_entry_seq')",
                    "SELECT setval('waiverdesk.audit_entry_seq', 1)")) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
            }
            assertThatThrownBy(() -> s.execute("CREATE TABLE waiverdesk.mine (x int)"))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aSupervisorLoginCannotChangeOrReadAnyTableDirectly() throws SQLException {
        Map<String, String> tables = server.schemaTables(DB);
        assertThat(tables).containsKeys(TABLES.toArray(String[]::new));
        try (Connection sup = as("sup-1", SUPERVISOR_PW); Statement s = sup.createStatement()) {
            for (String table : tables.keySet()) {
                for (String sql : List.of("DELETE FROM waiverdesk." + table, "TRUNCATE waiverdesk." + table,
                        "SELECT * FROM waiverdesk." + table)) {
                    assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class);
                }
            }
            assertThatThrownBy(() -> s.execute("SELECT waiverdesk.append_entry(gen_random_uuid(), 1, NULL, 'o',"
                    + " 'w', 'm', NULL, 'n', 'WAIVE', NULL, 'r', '[]', NULL, NULL, NULL, 1, NULL, NULL, NULL, NULL,"
                    + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)"))
                    .as("a supervisor cannot write check entries").isInstanceOf(SQLException.class);
        }
    }

    @Test
    void theServerAssignsSeqTimeAndWriterAndTheSameIdIsStoredOnce() throws Exception {
        ServerAuditLog desk = new ServerAuditLog(it.as("desk-a", DESK_PW.toCharArray()));
        UUID id = UUID.randomUUID();
        long before = System.currentTimeMillis();
        long seq = desk.append(id, entry("W-forged-name", "3101**********0011"), null);
        long again = desk.append(id, entry("W-forged-name", "3101**********0011"), 123L);
        desk.close();
        assertThat(again).isEqualTo(seq);
        try (Connection c = pg.superuserConnection(DB); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), min(writer), min(received_us), min(spooled_ms)"
                     + " FROM waiverdesk.audit_entry WHERE entry_id = '" + id + "'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
            assertThat(rs.getString(2)).as("the login, whatever workstation name the desk wrote").isEqualTo("desk-a");
            assertThat(rs.getLong(3) / 1000).isBetween(before - 5_000, System.currentTimeMillis() + 5_000);
            assertThat(rs.getObject(4)).as("the first delivery's, not the second's").isNull();
        }
    }

    @Test
    void aSupervisorsStatementsStopOnTheServerWhenTheProgramStopsWaiting() throws Exception {
        ServerConnections supervisor = it.as("sup-1", SUPERVISOR_PW.toCharArray());
        try (Connection plain = supervisor.open(); Connection bounded = supervisor.boundedOnServer().open();
             Statement p = plain.createStatement(); Statement b = bounded.createStatement();
             ResultSet none = p.executeQuery("SHOW statement_timeout");
             ResultSet some = b.executeQuery("SHOW statement_timeout")) {
            none.next();
            some.next();
            assertThat(none.getString(1)).isEqualTo("0");
            // the fixture's 10 s timeout: pgjdbc's read timeout is 20 s
            assertThat(some.getString(1)).isEqualTo("20s");
            assertThat(bounded.getNetworkTimeout()).isEqualTo(20_000);
        }
    }

    @Test
    void theServersHashIsSha256OfTheDocumentedCanonicalForm() throws Exception {
        ServerAuditLog desk = new ServerAuditLog(it.as("desk-b", DESK_PW.toCharArray()));
        UUID id = UUID.fromString("00000000-0000-4000-8000-0000000000aa");
        long seq = desk.append(id, entry("W2", "3101**********0022"), 1_700_000_000_000L);
        desk.close();
        try (Connection c = pg.superuserConnection(DB); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT e.received_us, l.prev_hash, l.entry_hash, l.prev_seq"
                     + " FROM waiverdesk.audit_entry e JOIN waiverdesk.audit_seal l USING (seq) WHERE seq = " + seq)) {
            rs.next();
            // written out by hand from V1__audit.sql's and V5's comments: tag 2 text, tag 1 int64, tag 0 null, in
            // column order, then (chain-2) the previous link's seq
            Canon canon = new Canon().text("waiverdesk-server-chain-2").integer(seq)
                    .integer(Instant.parse("2026-12-01T02:03:04.005Z").toEpochMilli()).nul().text("clerk-7")
                    .text("W2").text("3101**********0022").text("ab".repeat(32)).text("测试甲").text("WAIVE")
                    .integer(0).text("VERIFIED").text("[\"MINIMUM_LIVING\"]").text("MATCH").text("req-1").nul()
                    .integer(42);
            for (int i = 0; i < 16; i++) {
                canon.nul(); // policy .. holder_from_certificate: this entry says nothing of them
            }
            canon.text(id.toString()).integer(rs.getLong(1)).text("desk-b").integer(1_700_000_000_000L)
                    .integer(rs.getLong(4)).text(rs.getString(2));
            assertThat(rs.getLong(4)).as("linked after the entry before it").isLessThan(seq);
            assertThat(rs.getString(3)).isEqualTo(canon.sha256());
        }
    }

    @Test
    void concurrentDesksMakeOneUnbrokenChainThatVerifies() throws Exception {
        int desks = 6;
        int each = 40;
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<Long> seqs = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int d = 0; d < desks; d++) {
            String login = d % 2 == 0 ? "desk-a" : "desk-b";
            String ws = "W" + d;
            Thread thread = new Thread(() -> {
                try (ServerAuditLog log = new ServerAuditLog(it.as(login, DESK_PW.toCharArray()))) {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        seqs.add(log.append(entry(ws, "3101**********" + String.format("%04d", i))));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();
        assertThat(seqs).hasSize(desks * each).doesNotHaveDuplicates();
        IntegrityReport report = new ServerChainVerifier(it.as("sup-1", SUPERVISOR_PW.toCharArray()))
                .verify("SUP-WS", Instant.now(), ProgressListener.NONE);
        assertThat(report.intact()).as(String.valueOf(report)).isTrue();
        try (Connection c = pg.superuserConnection(DB); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM waiverdesk.audit_entry)"
                     + " + (SELECT count(*) FROM waiverdesk.seal_gap), (SELECT max(seq) FROM waiverdesk.audit_entry)")) {
            rs.next();
            // a seq without an entry is one the server recorded as never committed (another test's second delivery)
            assertThat(rs.getLong(1)).as("every seq an entry or a recorded gap").isEqualTo(rs.getLong(2));
        }
    }

    @Test
    void whatTheOwnerAltersIsFoundAndTheVerifyIsRecorded() throws Exception {
        // a database of its own, so other tests' entries do not move the seqs
        ServerConnections owner = server.initDatabase("altered");
        try (ServerAuditLog desk = new ServerAuditLog(owner.as("desk-a", DESK_PW.toCharArray()))) {
            for (int i = 0; i < 5; i++) {
                desk.append(entry("W1", "3101**********000" + i));
            }
        }
        ServerChainVerifier verifier = new ServerChainVerifier(owner.as("sup-1", SUPERVISOR_PW.toCharArray()));
        try (Connection sup = DriverManager.getConnection(pg.jdbcUrl("altered", "sup-1"), props(SUPERVISOR_PW));
             Statement s = sup.createStatement()) {
            s.execute("SELECT waiverdesk.anchor()");
        }
        assertThat(verifier.verify("S", Instant.now(), ProgressListener.NONE).intact()).isTrue();

        ownerSql("altered", "UPDATE waiverdesk.audit_entry SET decision = 'CHARGE' WHERE seq = 3");
        IntegrityReport edited = verifier.verify("S", Instant.now(), ProgressListener.NONE);
        assertThat(edited.checks().firstBreak()).extracting(ChainReport.Break::seq, ChainReport.Break::kind)
                .containsExactly(3L, ChainReport.BreakKind.EDITED);
        ownerSql("altered", "UPDATE waiverdesk.audit_entry SET decision = 'WAIVE' WHERE seq = 3");

        ownerSql("altered", "DELETE FROM waiverdesk.audit_entry WHERE seq = 2");
        assertThat(verifier.verify("S", Instant.now(), ProgressListener.NONE).checks().firstBreak())
                .extracting(ChainReport.Break::seq, ChainReport.Break::kind)
                .containsExactly(3L, ChainReport.BreakKind.DELETED);

        ownerSql("altered", "DELETE FROM waiverdesk.audit_entry WHERE seq >= 2");
        ownerSql("altered", "UPDATE waiverdesk.chain_head SET seq = 1, entry_hash = (SELECT entry_hash FROM"
                + " waiverdesk.audit_seal WHERE seq = 1) WHERE chain = 'checks'");
        IntegrityReport cut = verifier.verify("S", Instant.now(), ProgressListener.NONE);
        assertThat(cut.checks().intact()).as("the cut-back chain is consistent in itself").isTrue();
        assertThat(cut.anchorBreak()).as("but the anchor remembers entry 5").isNotNull()
                .extracting(ChainReport.Break::kind).isEqualTo(ChainReport.BreakKind.TRUNCATED);

        try (Connection c = pg.superuserConnection("altered"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), min(writer), min(supervisor) FROM"
                     + " waiverdesk.access_entry WHERE action = 'VERIFY'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("each walk recorded itself").isEqualTo(4);
            assertThat(rs.getString(2)).isEqualTo("sup-1");
            assertThat(rs.getString(3)).isEqualTo("sup-1");
        }
    }

    private static Properties props(String password) {
        Properties p = new Properties();
        p.setProperty("password", password);
        return p;
    }

    private static void ownerSql(String db, String sql) throws SQLException {
        server.superuserSql(db, sql);
    }

    /** The canonical form, written again from its description (not RowDigester). */
    private static final class Canon {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        Canon text(String v) {
            byte[] b = v.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.write(2);
            out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(b.length).array());
            out.writeBytes(b);
            return this;
        }

        Canon integer(long v) {
            out.write(1);
            out.writeBytes(java.nio.ByteBuffer.allocate(8).putLong(v).array());
            return this;
        }

        Canon nul() {
            out.write(0);
            return this;
        }

        String sha256() throws Exception {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        }
    }
}
