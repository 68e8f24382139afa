package com.waiverdesk.audit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.testing.AuditServerFixture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Migration V6: the first page of a filter on one field is read from that field's index even when every entry of the
 * value is older than a great many entries of other values (the planner, knowing only the value's share, walked the
 * whole newer part of the log). The server's statistics of the supervisor's own transaction say which index its search
 * used.
 */
class OneFieldPagePgTest {
    private static final String DB = "pages";
    private static final String SUPERVISOR_PW = "supervisor-synthetic-pw";
    private static AuditServerFixture server;

    @BeforeAll
    static void server() throws SQLException {
        server = AuditServerFixture.start(DB, "owner-synthetic-pw");
        server.init();
        server.addLogin("sup-1", ServerAdmin.Kind.SUPERVISOR, SUPERVISOR_PW);
        // 6,000 entries of one window, then 60,000 of fifty others on top: the window is a tenth of the log (a share
        // at which walking seqs newest first looks cheap), and none of its entries is among the newest 60,000
        server.superuserSql(DB, "INSERT INTO waiverdesk.audit_entry (seq, entry_id, ws_time_ms, operator, workstation,"
                + " masked_id, name, decision, reason, categories, latency_ms, received_us, writer, channel)"
                + " SELECT nextval('waiverdesk.audit_entry_seq'), gen_random_uuid(), 1764554584005 + g, 'clerk-'"
                + " || CASE WHEN g <= 6000 THEN 'old' ELSE (g % 50)::text END, CASE WHEN g <= 6000 THEN 'WIN-OLD'"
                + " ELSE 'WIN-' || (g % 50) END, '3101**********0011', '测试', CASE WHEN g <= 6000 THEN 'REDUCE'"
                + " ELSE 'CHARGE' END, 'NOT_LISTED', '[]', 7, (1764554584005 + g) * 1000, 'desk-x', 'LIVE_QUERY'"
                + " FROM generate_series(1, 66000) g; ANALYZE waiverdesk.audit_entry");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aWorkstationsFirstPageComesFromItsIndex() throws Exception {
        assertFirstPageUses("ROW(NULL, NULL, NULL, 'WIN-OLD', NULL, NULL, NULL, NULL, NULL, NULL)",
                "audit_entry_workstation");
    }

    @Test
    void anOperatorsAndADecisionsFirstPagesComeFromTheirIndexes() throws Exception {
        assertFirstPageUses("ROW(NULL, NULL, 'clerk-old', NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
                "audit_entry_operator");
        assertFirstPageUses("ROW(NULL, NULL, NULL, NULL, ARRAY['REDUCE'], NULL, NULL, NULL, NULL, NULL)",
                "audit_entry_decision");
    }

    private static void assertFirstPageUses(String filter, String index) throws Exception {
        List<Long> seqs = new ArrayList<>();
        try (Connection sup = login()) {
            // one transaction: the server's counts of this session's scans are there before they are reported
            sup.setAutoCommit(false);
            try (PreparedStatement p = sup.prepareStatement("SELECT seq FROM waiverdesk.search_page(0, 'S', "
                    + filter + "::waiverdesk.audit_filter, true, NULL, 50)"); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                }
            }
            try (Statement s = sup.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT pg_stat_get_xact_numscans('waiverdesk." + index + "'::regclass)")) {
                rs.next();
                assertThat(rs.getLong(1)).as("scans of " + index).isPositive();
            }
            sup.rollback();
        }
        // the newest 50 of the old window, newest first
        assertThat(seqs).hasSize(50).first().isEqualTo(6000L);
        assertThat(seqs).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    private static Connection login() throws SQLException {
        Properties p = new Properties();
        p.setProperty("password", SUPERVISOR_PW);
        return DriverManager.getConnection(server.pg().jdbcUrl(DB, "sup-1"), p);
    }
}
