package com.waiverdesk.audit;

import com.waiverdesk.domain.DecisionKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chart series, counted by SQLite rather than by streaming rows to Java: checks are grouped per quarter hour of
 * UTC and the quarters are then put on the local calendar day, which is exact for every zone whose offset is a whole
 * number of quarter hours (all zones in use today), daylight saving included.
 */
final class ChartQueries {
    private static final long QUARTER_HOUR_MS = 900_000L;

    private final Connection connection;
    private final QueryPlanner planner;

    ChartQueries(Connection connection, QueryPlanner planner) {
        this.connection = connection;
        this.planner = planner;
    }

    AuditCharts charts(FilterSql f, QueryPlanner.Plan plan, ZoneId zone) throws SQLException {
        Map<LocalDate, Map<DecisionKind, Long>> days = perDay(f, plan, zone);
        List<AuditCharts.DayCount> perDay = new ArrayList<>();
        List<AuditCharts.DayFailures> failures = new ArrayList<>();
        days.forEach((day, counts) -> {
            long checks = 0;
            for (Map.Entry<DecisionKind, Long> e : counts.entrySet()) {
                perDay.add(new AuditCharts.DayCount(day, e.getKey(), e.getValue()));
                // invalid input never reached the service, so it cannot count for or against it
                checks += e.getKey() == DecisionKind.INVALID_INPUT ? 0 : e.getValue();
            }
            if (checks > 0) {
                failures.add(new AuditCharts.DayFailures(day, checks,
                        counts.getOrDefault(DecisionKind.CANNOT_VERIFY, 0L)));
            }
        });
        return new AuditCharts(perDay, failures, perOperator(f, plan));
    }

    private Map<LocalDate, Map<DecisionKind, Long>> perDay(FilterSql f, QueryPlanner.Plan plan, ZoneId zone)
            throws SQLException {
        // the decision index holds both grouped columns: counted from the index alone, in its order
        SqliteAuditReader.Source source = source(f, plan, "decision");
        String sql = "SELECT decision, ws_time_ms / " + QUARTER_HOUR_MS + ", count(*) FROM " + source.from()
                + " WHERE seq BETWEEN ? AND ?" + f.and() + " GROUP BY decision, ws_time_ms / " + QUARTER_HOUR_MS;
        Map<LocalDate, Map<DecisionKind, Long>> days = new TreeMap<>();
        try (PreparedStatement ps = bound(sql, f, source); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                DecisionKind decision = DecisionKind.valueOf(rs.getString(1));
                LocalDate day = Instant.ofEpochMilli(rs.getLong(2) * QUARTER_HOUR_MS).atZone(zone).toLocalDate();
                days.computeIfAbsent(day, d -> new EnumMap<>(DecisionKind.class))
                        .merge(decision, rs.getLong(3), Long::sum);
            }
        } catch (IllegalArgumentException e) {
            throw new SQLException("an audit entry holds a decision this program never writes; verify the log",
                    null, 11, e);
        }
        return days;
    }

    private List<AuditCharts.OperatorCount> perOperator(FilterSql f, QueryPlanner.Plan plan) throws SQLException {
        SqliteAuditReader.Source source = source(f, plan, "operator");
        String sql = "SELECT operator, count(*) FROM " + source.from() + " WHERE seq BETWEEN ? AND ?" + f.and()
                + " GROUP BY operator ORDER BY count(*) DESC, operator";
        List<AuditCharts.OperatorCount> counts = new ArrayList<>();
        try (PreparedStatement ps = bound(sql, f, source); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.add(new AuditCharts.OperatorCount(rs.getString(1), rs.getLong(2)));
            }
        }
        return counts;
    }

    /** The grouped column's own index when it covers the filter, else where the plan reads. */
    private SqliteAuditReader.Source source(FilterSql f, QueryPlanner.Plan plan, String grouped) {
        String index = planner.coveringIndex(f, grouped);
        return index != null && planner.hasTimeSecond(grouped)
                ? new SqliteAuditReader.Source("audit_entry INDEXED BY " + index, 1, Long.MAX_VALUE)
                : SqliteAuditReader.source(plan);
    }

    private PreparedStatement bound(String sql, FilterSql f, SqliteAuditReader.Source source) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        try {
            ps.setLong(1, source.lo());
            ps.setLong(2, source.hi());
            f.bind(ps, 3);
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }
}
