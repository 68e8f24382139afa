package com.waiverdesk.audit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.ChainReport;
import com.waiverdesk.audit.IntegrityReport;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.testing.AuditServerFixture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Migration V5 on a private server: an append never waits for the chain's head, the sealer links committed entries in
 * seq order and stops at one still being appended, a seq never committed is recorded and skipped, and `audit verify`
 * accounts for every seq. Each test has a database of its own (seqs are compared).
 */
class ChainSealingPgTest {
    private static final String OWNER_PW = "owner-synthetic-pw";
    private static final String DESK_PW = "desk-synthetic-pw-1";
    private static final String SUPERVISOR_PW = "supervisor-synthetic-pw";
    private static final String APPEND_SQL = "SELECT waiverdesk.append_entry(?::uuid, 1764554584005, NULL, 'clerk-7',"
            + " 'W1', '3101**********0011', NULL, ?, 'CHARGE', NULL, 'NOT_LISTED', '[]', NULL, NULL, NULL, 7, NULL,"
            + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)";
    private static AuditServerFixture server;

    @BeforeAll
    static void server() throws SQLException {
        server = AuditServerFixture.start("first", OWNER_PW);
        server.init();
        server.addLogin("desk-a", ServerAdmin.Kind.DESK, DESK_PW);
        server.addLogin("desk-b", ServerAdmin.Kind.DESK, DESK_PW);
        server.addLogin("sup-1", ServerAdmin.Kind.SUPERVISOR, SUPERVISOR_PW);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anAppendDoesNotWaitWhileTheHeadIsHeldAndItsEntryIsSearchableBeforeItIsLinked() throws Exception {
        ServerConnections owner = server.initDatabase("held");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (ServerAuditLog desk = new ServerAuditLog(owner.as("desk-a", DESK_PW.toCharArray()));
             Connection holder = server.pg().superuserConnection("held")) {
            desk.append(entry("测试乙"));
            holder.setAutoCommit(false);
            holdHead(holder);
            // with the head held, V4's append waited here until the holder ended
            Future<List<Long>> appended = pool.submit(() -> List.of(desk.append(entry("测试丙")),
                    desk.append(entry("测试丙"))));
            List<Long> seqs = appended.get(20, TimeUnit.SECONDS);
            assertThat(seqs).containsExactly(2L, 3L);
            assertThat(sealed("held")).containsExactly(1L);
            try (Connection sup = login("held", "sup-1", SUPERVISOR_PW);
                 PreparedStatement p = sup.prepareStatement("SELECT seq, entry_hash FROM waiverdesk.search_page(0, 'S',"
                         + " ROW(NULL, NULL, NULL, NULL, NULL, NULL, NULL, '丙', NULL, NULL)::waiverdesk.audit_filter,"
                         + " true, NULL, 50)");
                 ResultSet rs = p.executeQuery()) {
                List<String> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(rs.getLong(1) + ":" + rs.getString(2));
                }
                assertThat(found).as("found by name before they are linked").containsExactly("3:null", "2:null");
            }
            holder.rollback();
            assertThat(desk.seal()).as("the forwarding tick links them").isEqualTo(2);
            assertThat(sealed("held")).containsExactly(1L, 2L, 3L);
            try (Connection sup = login("held", "sup-1", SUPERVISOR_PW);
                 PreparedStatement p = sup.prepareStatement("SELECT entry_hash FROM waiverdesk.search_page(0, 'S',"
                         + " ROW(NULL, NULL, NULL, NULL, NULL, NULL, NULL, '丙', NULL, NULL)::waiverdesk.audit_filter,"
                         + " true, NULL, 1)");
                 ResultSet rs = p.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).as("the supervisor sees the link's hash once it is linked")
                        .isNotNull().isEqualTo(ownerText("held", "SELECT entry_hash FROM waiverdesk.audit_seal"
                                + " WHERE seq = 3"));
            }
            assertThat(verify(owner).intact()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSealerStopsAtAnAppendStillRunningAndSkipsOneThatNeverCommits() throws Exception {
        ServerConnections owner = server.initDatabase("running");
        try (ServerAuditLog desk = new ServerAuditLog(owner.as("desk-b", DESK_PW.toCharArray()));
             Connection slow = login("running", "desk-a", DESK_PW);
             Connection dying = login("running", "desk-a", DESK_PW);
             Connection holder = server.pg().superuserConnection("running")) {
            holder.setAutoCommit(false);
            slow.setAutoCommit(false);
            dying.setAutoCommit(false);
            // an append that does not seal (another session holds the head meanwhile) and does not commit yet
            holdHead(holder);
            long first = append(slow, "测试丁");
            holder.rollback();
            long second = desk.append(entry("测试戊"));
            assertThat(second).isEqualTo(first + 1);
            assertThat(sealed("running")).as("the sealer waits at the running append").isEmpty();
            slow.commit();
            assertThat(desk.seal()).isEqualTo(2);
            assertThat(sealed("running")).containsExactly(first, second);

            holdHead(holder);
            long lost = append(dying, "测试己");
            holder.rollback();
            long after = desk.append(entry("测试庚"));
            assertThat(sealed("running")).containsExactly(first, second);
            // the desk's process dies mid-append: the server ends its session and its transaction
            endSessions("running", "desk-a");
            assertThat(desk.seal()).isEqualTo(1);
            assertThat(sealed("running")).containsExactly(first, second, after);
            assertThat(gaps("running")).containsExactly(lost);
            assertThat(ownerQuery("running", "SELECT prev_seq FROM waiverdesk.audit_seal WHERE seq = " + after))
                    .as("the link after the gap names the link before it").isEqualTo(second);
            IntegrityReport report = verify(owner);
            assertThat(report.intact()).as(String.valueOf(report)).isTrue();
            assertThat(report.checks().lastGoodSeq()).isEqualTo(after);
        }
    }

    /**
     * A desk's session lives all day: plans it made while the log was empty must not scan the whole log once it has
     * grown (the bench found one sealing call taking 17 s that way). Rows read by scans of audit_entry are counted by
     * the server; the desk's session reports its counts when it ends.
     */
    @Test
    void aDesksSessionFromWhenTheLogWasEmptyDoesNotScanTheGrownLog() throws Exception {
        ServerConnections owner = server.initDatabase("grown");
        // nothing refreshes the planner's view of the table meanwhile but the program itself
        server.superuserSql("grown", "ALTER TABLE waiverdesk.audit_entry SET (autovacuum_enabled = false)");
        long before;
        try (ServerAuditLog desk = new ServerAuditLog(owner.as("desk-a", DESK_PW.toCharArray()))) {
            for (int i = 0; i < 10; i++) {
                desk.append(entry("测试甲"));
            }
            before = scannedRows("grown");
            // the log grows under the desk's feet: 20,000 entries of other windows, committed, not yet linked
            server.superuserSql("grown", "INSERT INTO waiverdesk.audit_entry (seq, entry_id, ws_time_ms, operator,"
                    + " workstation, masked_id, name, decision, reason, categories, latency_ms, received_us, writer)"
                    + " SELECT nextval('waiverdesk.audit_entry_seq'), gen_random_uuid(), 1764554584005, 'clerk-8',"
                    + " 'W9', '3101**********0011', '测试乙', 'CHARGE', 'NOT_LISTED', '[]', 7, 1, 'desk-b'"
                    + " FROM generate_series(1, 20000)");
            for (int i = 0; i < 5; i++) {
                desk.append(entry("测试丙"));
            }
            desk.markNotShown(desk.append(entry("测试丁")), Instant.now(), "clerk-7", "W1");
        }
        endSessions("grown", "desk-a");
        long read = scannedRows("grown") - before;
        assertThat(read).as("rows of audit_entry read by whole-table scans after it grew").isLessThan(1_000);
        assertThat(sealed("grown")).hasSizeGreaterThan(5_000);
    }

    @Test
    void aSeqTheSealerSkippedBeforeItsAppenderLockedItIsNotUsedAgain() throws Exception {
        ServerConnections owner = server.initDatabase("drawn");
        try (ServerAuditLog desk = new ServerAuditLog(owner.as("desk-a", DESK_PW.toCharArray()))) {
            long one = desk.append(entry("测试辛"));
            // a seq drawn by an append that has not locked it yet (the moment between nextval and the lock)
            long drawn = ownerQuery("drawn", "SELECT nextval('waiverdesk.audit_entry_seq')");
            long two = desk.append(entry("测试辛"));
            assertThat(two).isEqualTo(drawn + 1);
            assertThat(gaps("drawn")).as("the sealer, linking the entry after it, found it unlocked")
                    .containsExactly(drawn);
            // an append whose seq a sealer recorded as a gap before the append locked it must take another
            server.superuserSql("drawn", "INSERT INTO waiverdesk.seal_gap VALUES (" + (two + 1) + ", 0)");
            long next = desk.append(entry("测试壬"));
            assertThat(next).isEqualTo(two + 2);
            assertThat(sealed("drawn")).containsExactly(one, two, next);
            assertThat(verify(owner).intact()).isTrue();
        }
    }

    @Test
    void sealingUnderATransactionWideSnapshotLeavesCommittedEntriesAlone() throws Exception {
        ServerConnections owner = server.initDatabase("snapshot");
        try (ServerAuditLog desk = new ServerAuditLog(owner.as("desk-a", DESK_PW.toCharArray()));
             Connection old = login("snapshot", "desk-b", DESK_PW);
             Connection holder = server.pg().superuserConnection("snapshot")) {
            old.setAutoCommit(false);
            try (Statement s = old.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                s.executeQuery("SELECT waiverdesk.id_hash_key()").close();
            }
            holder.setAutoCommit(false);
            holdHead(holder);
            long seq = desk.append(entry("测试癸"));
            holder.rollback();
            try (Statement s = old.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT waiverdesk.seal_entries(true)")) {
                rs.next();
                assertThat(rs.getLong(1)).as("an entry its snapshot cannot see is not a gap").isZero();
            }
            old.commit();
            assertThat(gaps("snapshot")).isEmpty();
            assertThat(desk.seal()).isEqualTo(1);
            assertThat(sealed("snapshot")).containsExactly(seq);
            assertThat(verify(owner).intact()).isTrue();
        }
    }

    @Test
    void aServerUpgradedFromV4KeepsItsChainAndLinksNewEntriesAfterIt() throws Exception {
        server.pg().createDatabase("upgraded", AuditServerFixture.OWNER);
        ServerConnections owner = server.as("upgraded", AuditServerFixture.OWNER, OWNER_PW);
        assertThat(new ServerAdmin(owner).init("4")).isEqualTo("4");
        try (ServerAuditLog desk = new ServerAuditLog(owner.as("desk-a", DESK_PW.toCharArray()))) {
            for (int i = 0; i < 3; i++) {
                desk.append(entry("测试甲"));
            }
        }
        try (Connection sup = login("upgraded", "sup-1", SUPERVISOR_PW); Statement s = sup.createStatement()) {
            s.execute("SELECT waiverdesk.anchor()");
        }
        assertThat(new ServerAdmin(owner).init()).isNotEqualTo("4");
        try (ServerAuditLog desk = new ServerAuditLog(owner.as("desk-b", DESK_PW.toCharArray()))) {
            for (int i = 0; i < 3; i++) {
                desk.append(entry("测试乙"));
            }
        }
        assertThat(ownerQuery("upgraded", "SELECT count(*) FROM waiverdesk.audit_entry WHERE entry_hash IS NOT NULL"))
                .as("chain-1 links stay where they were").isEqualTo(3);
        assertThat(sealed("upgraded")).containsExactly(4L, 5L, 6L);
        assertThat(ownerQuery("upgraded", "SELECT prev_seq FROM waiverdesk.audit_seal WHERE seq = 4")).isEqualTo(3);
        IntegrityReport report = verify(owner);
        assertThat(report.intact()).as(String.valueOf(report)).isTrue();
        assertThat(report.checks().entriesChecked()).isEqualTo(6);

        server.superuserSql("upgraded", "UPDATE waiverdesk.audit_entry SET name = '测试丙' WHERE seq = 2");
        assertThat(verify(owner).checks().firstBreak()).extracting(ChainReport.Break::seq,
                ChainReport.Break::kind).containsExactly(2L, ChainReport.BreakKind.EDITED);
    }

    @Test
    void aForgedGapOrAnEntryOutsideTheChainIsFound() throws Exception {
        ServerConnections owner = server.initDatabase("forged");
        try (ServerAuditLog desk = new ServerAuditLog(owner.as("desk-a", DESK_PW.toCharArray()))) {
            for (int i = 0; i < 5; i++) {
                desk.append(entry("测试丁"));
            }
        }
        assertThat(verify(owner).intact()).isTrue();
        // the owner deletes entry 3 and says the seq was never used
        server.superuserSql("forged", "DELETE FROM waiverdesk.audit_entry WHERE seq = 3;"
                + " DELETE FROM waiverdesk.audit_seal WHERE seq = 3;"
                + " INSERT INTO waiverdesk.seal_gap VALUES (3, 0)");
        assertThat(verify(owner).checks().firstBreak()).extracting(ChainReport.Break::seq)
                .as("entry 4's link names entry 3").isEqualTo(4L);

        ServerConnections other = server.initDatabase("outside");
        try (ServerAuditLog desk = new ServerAuditLog(other.as("desk-a", DESK_PW.toCharArray()))) {
            desk.nextSeq(entry("测试戊")); // drawn and rolled back: seq 1 becomes a gap
            desk.append(entry("测试戊"));
            desk.append(entry("测试戊"));
        }
        assertThat(verify(other).intact()).isTrue();
        assertThat(gaps("outside")).containsExactly(1L);
        // the owner puts an entry into the gap, outside the chain
        server.superuserSql("outside", "DELETE FROM waiverdesk.seal_gap; INSERT INTO waiverdesk.audit_entry"
                + " SELECT 1, gen_random_uuid(), ws_time_ms, service_time, operator, workstation, masked_id, id_hash,"
                + " name, 'WAIVE', deposit_percent, reason, categories, service_result, request_id, error_code,"
                + " latency_ms, policy_id, policy_sha256, service_url, demo_service, program_version, channel,"
                + " cert_id, cert_kid, trust_list_age_s, revocation_list_age_s, paper_number, paper_centre,"
                + " paper_issued, paper_category, follows_seq, holder_from_certificate, received_us, writer,"
                + " spooled_ms, NULL, NULL FROM waiverdesk.audit_entry WHERE seq = 2");
        assertThat(verify(other).checks().firstBreak()).extracting(ChainReport.Break::seq,
                ChainReport.Break::kind).containsExactly(1L, ChainReport.BreakKind.INSERTED);
    }

    /**
     * Desks append at once through raw transactions, some committed, some rolled back, some ended by the server
     * (terminated), while others seal and verify: afterwards every committed entry is linked once, in seq order, every
     * other seq up to the head is a recorded gap, and the chain verifies.
     */
    @Test
    void manyDesksCommittingAndFailingAtOnceLeaveEverySeqAccountedFor() throws Exception {
        ServerConnections owner = server.initDatabase("crowd");
        int desks = 6;
        int each = 60;
        ConcurrentLinkedQueue<Long> committed = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean appending = new AtomicBoolean(true);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int d = 0; d < desks; d++) {
            long seed = 1000L + d;
            Thread t = new Thread(() -> {
                Random random = new Random(seed);
                try {
                    go.await();
                    Connection c = login("crowd", "desk-a", DESK_PW);
                    for (int i = 0; i < each; i++) {
                        c.setAutoCommit(false);
                        long seq = append(c, "测试" + i);
                        int fate = random.nextInt(10);
                        if (fate == 0) {
                            c.rollback();
                        } else if (fate == 1) {
                            c.close(); // the session ends with the transaction open
                            c = login("crowd", "desk-a", DESK_PW);
                        } else {
                            c.commit();
                            committed.add(seq);
                        }
                    }
                    c.close();
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            t.start();
            threads.add(t);
        }
        Thread sealer = new Thread(() -> {
            try (ServerAuditLog tick = new ServerAuditLog(owner.as("desk-b", DESK_PW.toCharArray()))) {
                go.await();
                while (appending.get()) {
                    tick.seal();
                    IntegrityReport report = verify(owner);
                    if (!report.intact()) {
                        failures.add(new AssertionError("broken while appending: " + report));
                    }
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        sealer.start();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        appending.set(false);
        sealer.join();
        assertThat(failures).isEmpty();
        endSessions("crowd", "desk-a");

        IntegrityReport report = verify(owner);
        assertThat(report.intact()).as(String.valueOf(report)).isTrue();
        Set<Long> linked = sealed("crowd");
        assertThat(linked).containsExactlyInAnyOrderElementsOf(committed);
        long head = ownerQuery("crowd", "SELECT seq FROM waiverdesk.chain_head WHERE chain = 'checks'");
        long drawn = ownerQuery("crowd", "SELECT last_value FROM waiverdesk.audit_entry_seq");
        Set<Long> gaps = gaps("crowd");
        assertThat(gaps).doesNotContainAnyElementsOf(linked);
        Set<Long> all = new TreeSet<>(linked);
        gaps.stream().filter(g -> g <= head).forEach(all::add);
        assertThat(all).as("every seq up to the head is a link or a gap").hasSize((int) head);
        assertThat(drawn).isGreaterThanOrEqualTo(head);
        assertThat(head).isEqualTo(committed.stream().mapToLong(Long::longValue).max().orElseThrow());
        assertThat(ownerQuery("crowd", "SELECT count(*) FROM waiverdesk.audit_entry")).isEqualTo(committed.size());
    }

    /** Takes the sealer's locks in {@code holder}'s open transaction, as a sealer in mid-work holds them. */
    private static void holdHead(Connection holder) throws SQLException {
        try (Statement s = holder.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(87, 1)");
            s.execute("SELECT 1 FROM waiverdesk.chain_head WHERE chain = 'checks' FOR UPDATE");
        }
    }

    private static AuditEntry entry(String name) {
        return new AuditEntry(Instant.parse("2026-12-01T02:03:04.005Z"), null, "clerk-7", "W1", "3101**********0011",
                "ab".repeat(32), name, DecisionKind.CHARGE, null, "NOT_LISTED", List.of(), null, null, null, 7L);
    }

    private static long append(Connection c, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(APPEND_SQL)) {
            p.setString(1, UUID.randomUUID().toString());
            p.setString(2, name);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static IntegrityReport verify(ServerConnections db) throws SQLException {
        return new ServerChainVerifier(db.as("sup-1", SUPERVISOR_PW.toCharArray()))
                .verify("SUP-WS", Instant.now(), ProgressListener.NONE);
    }

    private static Connection login(String db, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("password", password);
        return DriverManager.getConnection(server.pg().jdbcUrl(db, user), p);
    }

    private static Set<Long> sealed(String db) throws SQLException {
        return seqs(db, "SELECT seq FROM waiverdesk.audit_seal ORDER BY seq");
    }

    private static Set<Long> gaps(String db) throws SQLException {
        return seqs(db, "SELECT seq FROM waiverdesk.seal_gap ORDER BY seq");
    }

    private static Set<Long> seqs(String db, String sql) throws SQLException {
        Set<Long> seqs = new java.util.LinkedHashSet<>();
        try (Connection c = server.pg().superuserConnection(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                seqs.add(rs.getLong(1));
            }
        }
        return seqs;
    }

    /** Rows of audit_entry read by sequential scans, as the server's statistics have them (sessions that ended). */
    private static long scannedRows(String db) throws SQLException {
        return ownerQuery(db, "SELECT seq_tup_read FROM pg_stat_user_tables WHERE relid = 'waiverdesk.audit_entry'"
                + "::regclass");
    }

    private static String ownerText(String db, String sql) throws SQLException {
        try (Connection c = server.pg().superuserConnection(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long ownerQuery(String db, String sql) throws SQLException {
        try (Connection c = server.pg().superuserConnection(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Ends every session of {@code user} that is still there and waits until each is gone (pg_terminate_backend with a
     * timeout waits for the process to exit); a session its client closed reports its statistics as it exits.
     */
    private static void endSessions(String db, String user) throws SQLException {
        String sessions = "FROM pg_stat_activity WHERE usename = '" + user + "' AND datname = '" + db + "'";
        // in the select list: called for the user's sessions only (a WHERE may call it before the other conditions)
        ownerQuery(db, "SELECT count(*) FROM (SELECT pg_terminate_backend(pid, 30000) " + sessions + ") t");
        assertThat(ownerQuery(db, "SELECT count(*) " + sessions)).as("sessions of " + user + " ended").isZero();
    }
}
