package com.waiverdesk.audit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.testing.AuditServerFixture;
import com.waiverdesk.testing.PgCluster;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A desk's session commits its appends with synchronous_commit off (migration V3, so the chain's lock is not held
 * through a WAL flush) and then waits in await_durable: an append that returned must survive the server's crash. The
 * WAL writer is told to sleep 10 s, so only that wait can have put the commit on disk before the kill.
 */
class AppendDurabilityPgTest {
    private static final String DB = "audit";
    private static final String OWNER_PW = "owner-synthetic-pw";
    private static final String DESK_PW = "desk-synthetic-pw-1";
    private static AuditServerFixture server;
    private static PgCluster pg;

    @BeforeAll
    static void server() throws SQLException {
        server = AuditServerFixture.start(DB, OWNER_PW);
        pg = server.pg();
        server.init();
        server.addLogin("desk-a", ServerAdmin.Kind.DESK, DESK_PW);
        server.superuserSql("postgres", "ALTER SYSTEM SET wal_writer_delay = '10s'");
        server.superuserSql("postgres", "SELECT pg_reload_conf()");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static AuditEntry entry(int i) {
        return new AuditEntry(Instant.parse("2026-12-01T02:03:04.005Z").plusSeconds(i), null, "clerk-7", "WIN-1",
                "310101********0028", "ab".repeat(32), "测试甲", DecisionKind.WAIVE, 0, "VERIFIED",
                List.of("MINIMUM_LIVING"), "MATCH", "req-" + i, null, 42L);
    }

    @Test
    void anAppendThatReturnedSurvivesAServerCrash() throws Exception {
        ServerConnections desk = server.as("desk-a", DESK_PW);
        try (Connection c = pg.superuserConnection(DB); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT setting FROM pg_settings WHERE name = 'wal_writer_delay'")) {
            rs.next();
            assertThat(rs.getString(1)).as("the WAL writer sleeps").isEqualTo("10000");
        }
        for (int i = 0; i < 3; i++) {
            UUID id = UUID.randomUUID();
            long seq;
            try (ServerAuditLog log = new ServerAuditLog(desk)) {
                seq = log.append(id, entry(i), null);
                pg.kill9();
            }
            pg.restart();
            try (Connection c = pg.superuserConnection(DB);
                 PreparedStatement p = c.prepareStatement("SELECT seq FROM waiverdesk.audit_entry WHERE entry_id = ?")) {
                p.setObject(1, id);
                try (ResultSet rs = p.executeQuery()) {
                    assertThat(rs.next()).as("append %d (seq %d) is on the server after the crash", i, seq).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(seq);
                }
            }
        }
    }

    @Test
    void anAsynchronousAppendLeavesWalUnflushedUntilAwaitDurable() throws Exception {
        // what makes the crash test meaningful: the append's own commit does not flush, await_durable does
        try (Connection c = server.as("desk-a", DESK_PW).open(); Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = off");
            s.execute("SELECT waiverdesk.append_entry(gen_random_uuid(), 1, NULL, 'o', 'w', 'm', NULL, 'n', 'WAIVE', 0,"
                    + " 'r', '[]', NULL, NULL, NULL, 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                    + " NULL, NULL, NULL, NULL, NULL, NULL)");
            try (ResultSet rs = s.executeQuery("SELECT pg_current_wal_insert_lsn() > pg_current_wal_flush_lsn()")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("an asynchronous append leaves WAL unflushed").isTrue();
            }
            s.execute("SELECT waiverdesk.await_durable()");
            try (ResultSet rs = s.executeQuery("SELECT pg_current_wal_insert_lsn() <= pg_current_wal_flush_lsn()")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("await_durable flushed it").isTrue();
            }
        }
    }
}
