package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.domain.DecisionKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holds the query shapes the reader's speed rests on, as SQLite's EXPLAIN QUERY PLAN reports them for the store's
 * schema: a walk reads the table by seq range and never sorts; an index-driven page sorts only seqs from a covering
 * index; counts and chart figures read an index alone. A schema or SQLite change that breaks one fails here.
 */
class QueryPlanTest {
    private static final AuditFilter OPERATOR = new AuditFilter(null, null, "clerk-05", null, null, null, null, null,
            null);
    private static final AuditFilter DECISION_IN_DAYS = new AuditFilter(1L, 2L, null, null, AuditFilter.decision(DecisionKind.CHARGE), null,
            null, null, null);

    @TempDir
    Path dir;
    private Path db;

    @BeforeEach
    void createStore() throws Exception {
        db = dir.resolve("audit.db");
        AuditFixtures.openWith(db, 1).close();
    }

    @Test
    void aWalkReadsTheTableBackwardsBySeqWithoutSorting() throws Exception {
        List<String> plan = explain(SqliteAuditReader.walkSql(new FilterSql(OPERATOR)));

        assertThat(plan).containsExactly("SEARCH audit_entry USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)");
    }

    @Test
    void anIndexDrivenPageSortsOnlySeqsFromTheCoveringIndex() throws Exception {
        List<String> plan = explain(SqliteAuditReader.viaIndexSql("audit_entry_operator", new FilterSql(OPERATOR)));

        assertThat(plan).contains("SEARCH audit_entry USING INTEGER PRIMARY KEY (rowid=?)",
                "SEARCH audit_entry USING COVERING INDEX audit_entry_operator (operator=?)");
        assertThat(plan).noneMatch(line -> line.startsWith("SCAN audit_entry"));
    }

    @Test
    void countingAnIndexedFilterReadsThatIndexAlone() throws Exception {
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            FilterSql f = new FilterSql(DECISION_IN_DAYS);
            List<String> plan = explain(SqliteAuditReader.countSql(reader.countSource(f)));

            assertThat(plan).containsExactly("SEARCH audit_entry USING COVERING INDEX audit_entry_decision"
                    + " (decision=? AND ws_time_ms>? AND ws_time_ms<?)");
        }
    }

    @Test
    void chartDaysAreIndexRangeCountsNotAScan() throws Exception {
        List<String> plan = explain(ChartQueries.perDayFromIndexSql("audit_entry_decision",
                new FilterSql(AuditFilter.all())));

        assertThat(plan).contains("SEARCH audit_entry USING COVERING INDEX audit_entry_decision"
                + " (decision=? AND ws_time_ms>? AND ws_time_ms<?)");
        assertThat(plan).noneMatch(line -> line.contains("SCAN audit_entry"));
    }

    @Test
    void aRareChannelDrivesThePageThroughTheChannelIndexAndCountsFromItAlone() throws Exception {
        FilterSql paper = new FilterSql(AuditFilter.all().withChannels(List.of(com.waiverdesk.domain.Channel.PAPER)));

        assertThat(explain(SqliteAuditReader.viaIndexSql("audit_entry_channel", paper))).contains(
                "SEARCH audit_entry USING INTEGER PRIMARY KEY (rowid=?)",
                "SEARCH audit_entry USING COVERING INDEX audit_entry_channel (channel=?)")
                .noneMatch(line -> line.startsWith("SCAN audit_entry"));
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            assertThat(explain(SqliteAuditReader.countSql(reader.countSource(paper))))
                    .containsExactly("SEARCH audit_entry USING COVERING INDEX audit_entry_channel (channel=?)");
            assertThat(reader.lastPlan()).isNull();
            reader.page(AuditFilter.all().withChannels(List.of(com.waiverdesk.domain.Channel.PAPER)),
                    Long.MAX_VALUE, 10);
            assertThat(reader.lastPlan().kind()).isEqualTo(QueryPlanner.Kind.INDEX);
            assertThat(reader.lastPlan().index()).isEqualTo("audit_entry_channel");
        }
    }

    @Test
    void countingSeveralChannelsOrTheLiveQueryReadsTheChannelIndexAlone() throws Exception {
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            FilterSql ecert = new FilterSql(AuditFilter.all().withChannels(List.of(
                    com.waiverdesk.domain.Channel.ECERT_ONLINE, com.waiverdesk.domain.Channel.ECERT_OFFLINE)));
            FilterSql live = new FilterSql(AuditFilter.all().withChannels(List.of(
                    com.waiverdesk.domain.Channel.LIVE_QUERY)));

            assertThat(explain(SqliteAuditReader.countSql(reader.countSource(ecert))))
                    .containsExactly("SEARCH audit_entry USING COVERING INDEX audit_entry_channel (channel=?)");
            assertThat(explain(SqliteAuditReader.countSql(reader.countSource(live))))
                    .contains("MULTI-INDEX OR")
                    .filteredOn(line -> line.contains("audit_entry")).isNotEmpty()
                    .allMatch(line -> line.equals("SEARCH audit_entry USING COVERING INDEX audit_entry_channel"
                            + " (channel=?)"));
        }
    }

    private List<String> explain(String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = AuditFixtures.jdbc(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN QUERY PLAN " + sql.replace("?", "NULL"))) {
            while (rs.next()) {
                lines.add(rs.getString(4));
            }
        }
        return lines;
    }
}
