package com.waiverdesk.audit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.testing.AuditServerFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Migration V10: a time range's first page reads the range's late entries from their index when there are few, however
 * many late entries the log holds elsewhere. Here 50,000 migrated entries (received now, decided months before) sit
 * between 10,000 older on-time entries and the last 30 days' 40,000; those 30 days also hold 3 late entries
 * (forwarded from a spool). Taking lateness and time as independent, the planner expects some 20,000 late entries in
 * the range; before V10 it walked the log newest first to find 100 of them and read all 100,003 entries.
 */
class LateEntriesPagePgTest {
    private static final String DB = "late";
    private static final String SUPERVISOR_PW = "supervisor-synthetic-pw";
    private static final long DAY = 86_400_000L;
    private static final long NOW = System.currentTimeMillis();
    private static final long FROM = NOW - 30 * DAY;
    private static AuditServerFixture server;

    @BeforeAll
    static void server() throws SQLException {
        server = AuditServerFixture.start(DB, "owner-synthetic-pw");
        server.init();
        server.addLogin("sup-1", ServerAdmin.Kind.SUPERVISOR, SUPERVISOR_PW);
        long longAgo = NOW - 400 * DAY;
        String columns = "INSERT INTO waiverdesk.audit_entry (seq, entry_id, ws_time_ms, operator, workstation,"
                + " masked_id, name, decision, reason, categories, latency_ms, received_us, writer, channel)"
                + " SELECT nextval('waiverdesk.audit_entry_seq'), gen_random_uuid(), ";
        String rest = ", '3101**********0011', '测试', 'CHARGE', 'NOT_LISTED', '[]', 7, ";
        server.superuserSql(DB,
                // 10,000 on time, 400 to 35 days ago
                columns + longAgo + " + g::bigint * 3000000, 'clerk-1', 'WIN-1'" + rest + "(" + longAgo
                        + " + g::bigint * 3000000) * 1000, 'desk-1', 'LIVE_QUERY' FROM generate_series(1, 10000) g;"
                // 50,000 migrated: decided in that time, received now
                + columns + longAgo + " + g::bigint * 600000, 'clerk-m', 'WIN-M'" + rest + NOW + "::bigint * 1000,"
                        + " 'desk-m', 'LIVE_QUERY' FROM generate_series(1, 50000) g;"
                // the last 30 days: 39,950 on time, 3 late (decided three days ago, received now), 50 on time
                + columns + FROM + " + g::bigint * 60000, 'clerk-2', 'WIN-2'" + rest + "(" + FROM
                        + " + g::bigint * 60000) * 1000, 'desk-2', 'LIVE_QUERY' FROM generate_series(1, 39950) g;"
                + columns + (NOW - 3 * DAY) + " + g, 'clerk-3', 'WIN-3'" + rest + NOW + "::bigint * 1000,"
                        + " 'desk-3', 'LIVE_QUERY' FROM generate_series(1, 3) g;"
                + columns + (NOW - DAY) + " + g::bigint * 60000, 'clerk-2', 'WIN-2'" + rest + "(" + (NOW - DAY)
                        + " + g::bigint * 60000) * 1000, 'desk-2', 'LIVE_QUERY' FROM generate_series(1, 50) g;"
                + "ANALYZE waiverdesk.audit_entry");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theLastThirtyDaysFirstPageHoldsTheirEntriesAndReadsNotTheWholeLog() throws Exception {
        List<Long> expected = newestOfTheRange();
        try (Connection sup = server.as("sup-1", SUPERVISOR_PW).open()) {
            // one transaction: the server's counts of what this session read are there before they are reported
            sup.setAutoCommit(false);
            assertThat(firstPage(sup)).as("the newest 100 of the range, the three late ones among them")
                    .isEqualTo(expected);
            try (Statement s = sup.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(sum("
                    + "pg_stat_get_xact_tuples_returned(i.indexrelid)), 0) + pg_stat_get_xact_tuples_returned("
                    + "'waiverdesk.audit_entry'::regclass) FROM pg_index i"
                    + " WHERE i.indrelid = 'waiverdesk.audit_entry'::regclass")) {
                rs.next();
                assertThat(rs.getLong(1)).as("entries read for the page (the log holds 100,003)")
                        .isLessThan(10_000);
            }
            sup.rollback();
        }
    }

    @Test
    void aRangeWithMoreLateEntriesThanTheCapGivesTheSamePageTheOtherWay() throws Exception {
        List<Long> expected = newestOfTheRange();
        server.superuserSql(DB, "CREATE OR REPLACE FUNCTION waiverdesk.late_entries_cap() RETURNS integer"
                + " LANGUAGE sql IMMUTABLE AS 'SELECT 2'");
        try {
            try (Connection sup = server.as("sup-1", SUPERVISOR_PW).open()) {
                assertThat(firstPage(sup)).as("3 late entries in the range, more than 2").isEqualTo(expected);
            }
        } finally {
            server.superuserSql(DB, "CREATE OR REPLACE FUNCTION waiverdesk.late_entries_cap() RETURNS integer"
                    + " LANGUAGE sql IMMUTABLE AS 'SELECT 5000'");
        }
    }

    /** The oracle: the newest 100 entries decided in the last 30 days, by plain SQL as a superuser. */
    private static List<Long> newestOfTheRange() throws SQLException {
        List<Long> expected = new ArrayList<>();
        try (Connection c = server.pg().superuserConnection(DB); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq FROM waiverdesk.audit_entry WHERE ws_time_ms >= " + FROM
                     + " ORDER BY seq DESC LIMIT 100")) {
            while (rs.next()) {
                expected.add(rs.getLong(1));
            }
        }
        assertThat(expected).hasSize(100);
        return expected;
    }

    /** The supervisor's first page of "from 30 days ago". */
    private static List<Long> firstPage(Connection sup) throws SQLException {
        List<Long> seqs = new ArrayList<>();
        try (PreparedStatement p = sup.prepareStatement(
                "SELECT seq FROM waiverdesk.search_page(0, 'S', ROW(" + FROM + ", NULL, NULL, NULL, NULL, NULL, NULL,"
                        + " NULL, NULL, NULL)::waiverdesk.audit_filter, true, NULL, 100)");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                seqs.add(rs.getLong(1));
            }
        }
        return seqs;
    }
}
