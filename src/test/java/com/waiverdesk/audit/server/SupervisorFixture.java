package com.waiverdesk.audit.server;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.ProofDetail;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.testing.AuditServerFixture;
import com.waiverdesk.testing.PgCluster;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * A private audit server holding eleven synthetic entries from two desks, written here by hand so the supervisor's
 * tests can state what each filter finds. Entry n has seq n:
 *
 * <pre>
 * seq day h:m    operator workstation decision       reason / error             name          channel        desk
 *  1   0  15:30  clerk-1  WIN-01      WAIVE          WAIVED_BY_CATEGORY          王明          (none: live)   desk-a  id A
 *  2   0  16:30  clerk-1  WIN-01      CHARGE         NO_RECORD                   李小明        LIVE_QUERY     desk-a
 *  3   1  02:00  clerk-2  WIN-02      CANNOT_VERIFY  SERVICE_FAILED:TIMEOUT      John Smith    LIVE_QUERY     desk-b
 *  4   1  03:00  clerk-2  WIN-02      CANNOT_VERIFY  ..:RATE_LIMITED, code RATE_LIMITED  JOHNNY Walker  ECERT_ONLINE  desk-b
 *  5   1  04:00  clerk-3  WIN-02      INVALID_INPUT  INVALID_INPUT:ID_WRONG_CHECK_DIGIT  张三   LIVE_QUERY     desk-b  no id
 *  6   1  05:00  clerk-1  WIN-01      REDUCE         REDUCED_BY_CATEGORY         王小二        PAPER          desk-a  id A
 *  7   5  01:00  clerk-3  WIN-03      WAIVE          WAIVED_BY_CATEGORY          陈明          PAPER          desk-a
 *  8   5  02:00  clerk-2  WIN-03      CHARGE         NAME_MISMATCH               Maria_%       ECERT_OFFLINE  desk-b
 *  9   5  03:00  clerk-1  WIN-01      WAIVE          WAIVED_BY_CATEGORY          李明          PAPER          desk-a
 * 10 -20  08:00  clerk-2  WIN-02      CHARGE         NO_REDUCTION_FOR_CATEGORY   赵六          LIVE_QUERY     desk-b  forwarded
 * 11  10  06:00  clerk-3  WIN-03      CHARGE         NO_REDUCTION_FOR_CATEGORY   孙七          LIVE_QUERY     desk-b
 * </pre>
 *
 * Days count from {@link #DAY0} (UTC midnight twelve days ago), times are UTC. Service results: MATCH for every
 * verified entry except 2 (NO_RECORD) and 8 (NAME_MISMATCH). Entry 10 was spooled by desk-b two seconds after its
 * decision and reached the server only now; every other entry is made to look as if the server took it half a second
 * after its decision (a test cannot wait days), so only entry 10 is "late" for the time-range search.
 */
final class SupervisorFixture implements AutoCloseable {
    static final String DB = "audit";
    static final char[] OWNER_PW = "owner-synthetic-pw".toCharArray();
    static final char[] DESK_PW = "desk-synthetic-pw-1".toCharArray();
    static final char[] SUPERVISOR_PW = "supervisor-synthetic-pw".toCharArray();
    static final String WORKSTATION = "SUP-WS";
    static final Instant DAY0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(12, ChronoUnit.DAYS);
    static final String ID_A = "a1".repeat(32);
    /** The supervisor's clock: every access event records this time. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-09T01:02:03.004Z"), ZoneOffset.UTC);

    final AuditServerFixture server;
    final PgCluster pg;
    final ServerConnections it;
    final List<UUID> ids = new ArrayList<>();

    private SupervisorFixture(AuditServerFixture server) {
        this.server = server;
        this.pg = server.pg();
        this.it = server.owner();
    }

    static SupervisorFixture start() throws Exception {
        SupervisorFixture f = new SupervisorFixture(AuditServerFixture.start(DB, OWNER_PW, Duration.ofSeconds(30)));
        try {
            ServerAdmin admin = f.server.admin();
            // (pgjdbc wipes a password array once it has made the verifier: each login gets a copy)
            admin.init();
            admin.addLogin("desk-a", ServerAdmin.Kind.DESK, DESK_PW.clone());
            admin.addLogin("desk-b", ServerAdmin.Kind.DESK, DESK_PW.clone());
            admin.addLogin("sup-1", ServerAdmin.Kind.SUPERVISOR, SUPERVISOR_PW.clone());
            admin.addLogin("sup-2", ServerAdmin.Kind.SUPERVISOR, SUPERVISOR_PW.clone());
            admin.addLogin("sup-3", ServerAdmin.Kind.SUPERVISOR, SUPERVISOR_PW.clone());
            f.append();
            return f;
        } catch (Exception | Error e) {
            f.close();
            throw e;
        }
    }

    static Instant at(int day, int hour, int minute) {
        return DAY0.plus(day, ChronoUnit.DAYS).plus(hour, ChronoUnit.HOURS).plus(minute, ChronoUnit.MINUTES);
    }

    static LocalDate date(int day) {
        return LocalDate.ofInstant(DAY0, ZoneOffset.UTC).plusDays(day);
    }

    private void append() throws Exception {
        try (ServerAuditLog a = new ServerAuditLog(it.as("desk-a", DESK_PW));
             ServerAuditLog b = new ServerAuditLog(it.as("desk-b", DESK_PW))) {
            add(a, at(0, 15, 30), "clerk-1", "WIN-01", DecisionKind.WAIVE, "WAIVED_BY_CATEGORY", "MATCH", null,
                    "王明", ID_A, null);
            add(a, at(0, 16, 30), "clerk-1", "WIN-01", DecisionKind.CHARGE, "NO_RECORD", "NO_RECORD", null,
                    "李小明", "a2".repeat(32), ProofDetail.liveQuery());
            add(b, at(1, 2, 0), "clerk-2", "WIN-02", DecisionKind.CANNOT_VERIFY, "SERVICE_FAILED:TIMEOUT", null,
                    null, "John Smith", "a3".repeat(32), ProofDetail.liveQuery());
            add(b, at(1, 3, 0), "clerk-2", "WIN-02", DecisionKind.CANNOT_VERIFY, "SERVICE_FAILED:RATE_LIMITED", null,
                    "RATE_LIMITED", "JOHNNY Walker", "a4".repeat(32), ProofDetail.ecert(Channel.ECERT_ONLINE,
                            "SHC-0004", "issuer-2026-01", 60L, 30L, true));
            add(b, at(1, 4, 0), "clerk-3", "WIN-02", DecisionKind.INVALID_INPUT,
                    "INVALID_INPUT:ID_WRONG_CHECK_DIGIT", null, null, "张三", null, ProofDetail.liveQuery());
            add(a, at(1, 5, 0), "clerk-1", "WIN-01", DecisionKind.REDUCE, "REDUCED_BY_CATEGORY", "MATCH", null,
                    "王小二", ID_A, paper(6));
            add(a, at(5, 1, 0), "clerk-3", "WIN-03", DecisionKind.WAIVE, "WAIVED_BY_CATEGORY", "MATCH", null,
                    "陈明", "a7".repeat(32), paper(7));
            add(b, at(5, 2, 0), "clerk-2", "WIN-03", DecisionKind.CHARGE, "NAME_MISMATCH", "NAME_MISMATCH", null,
                    "Maria_%", "a8".repeat(32), ProofDetail.ecert(Channel.ECERT_OFFLINE, "SHC-0008",
                            "issuer-2026-02", 3_600L, 600L, false));
            add(a, at(5, 3, 0), "clerk-1", "WIN-01", DecisionKind.WAIVE, "WAIVED_BY_CATEGORY", "MATCH", null,
                    "李明", "a9".repeat(32), paper(9));
            Instant forwarded = at(-20, 8, 0);
            UUID id = UUID.randomUUID();
            ids.add(id);
            b.append(id, entry(forwarded, "clerk-2", "WIN-02", DecisionKind.CHARGE, "NO_REDUCTION_FOR_CATEGORY",
                    "MATCH", null, "赵六", "aa".repeat(32), ProofDetail.liveQuery()), forwarded.toEpochMilli() + 2_000);
            add(b, at(10, 6, 0), "clerk-3", "WIN-03", DecisionKind.CHARGE, "NO_REDUCTION_FOR_CATEGORY", "MATCH",
                    null, "孙七", "ab".repeat(32), ProofDetail.liveQuery());
        }
        try (Connection c = pg.superuserConnection(DB); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE waiverdesk.audit_entry SET received_us = ws_time_ms * 1000 + 500000"
                    + " WHERE seq <> 10");
        }
    }

    private static ProofDetail paper(int seq) {
        return ProofDetail.paper("沪民证字0000000" + seq, "徐汇区凌云街道社区事务受理服务中心", LocalDate.of(2026, 3, seq),
                "SUBSISTENCE_ALLOWANCE", (long) seq - 1);
    }

    private void add(ServerAuditLog desk, Instant time, String operator, String workstation, DecisionKind decision,
                     String reason, String result, String errorCode, String name, String idHash, ProofDetail proof)
            throws Exception {
        UUID id = UUID.randomUUID();
        ids.add(id);
        desk.append(id, entry(time, operator, workstation, decision, reason, result, errorCode, name, idHash, proof),
                null);
    }

    static AuditEntry entry(Instant time, String operator, String workstation, DecisionKind decision, String reason,
                            String result, String errorCode, String name, String idHash, ProofDetail proof) {
        boolean answered = result != null;
        return new AuditEntry(time, null, operator, workstation, "3101**********0" + name.length(), idHash, name,
                decision, decision == DecisionKind.WAIVE ? Integer.valueOf(0)
                        : decision == DecisionKind.REDUCE ? Integer.valueOf(50)
                        : decision == DecisionKind.CHARGE ? Integer.valueOf(100) : null,
                reason, List.of(), result, answered ? "req-" + name.length() : null, errorCode, 40L, null, proof);
    }

    ServerConnections supervisor(String login) {
        return it.as(login, SUPERVISOR_PW);
    }

    Connection login(String login, char[] password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("password", new String(password));
        return DriverManager.getConnection(pg.jdbcUrl(DB, login), p);
    }

    /** The access chain's last seq. */
    long accessHead() throws SQLException {
        try (Connection c = pg.superuserConnection(DB); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(seq), 0) FROM waiverdesk.access_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The access events after {@code seq}, each as "action|detail|entry_seq|supervisor|workstation|writer|time_ms". */
    List<String> accessSince(long seq) throws SQLException {
        List<String> events = new ArrayList<>();
        try (Connection c = pg.superuserConnection(DB);
             PreparedStatement ps = c.prepareStatement("SELECT action, detail, entry_seq, supervisor, workstation,"
                     + " writer, time_ms FROM waiverdesk.access_entry WHERE seq > ? ORDER BY seq")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|"
                            + rs.getString(4) + "|" + rs.getString(5) + "|" + rs.getString(6) + "|" + rs.getLong(7));
                }
            }
        }
        return events;
    }

    /** Makes the name search walk {@code rows} newest entries before it asks the gram index (20,000 normally). */
    void nameWindow(long rows) throws SQLException {
        try (Connection c = pg.superuserConnection(DB); Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE FUNCTION waiverdesk.name_window() RETURNS bigint LANGUAGE sql IMMUTABLE"
                    + " AS 'SELECT " + rows + "::bigint'");
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
