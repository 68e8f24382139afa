package com.waiverdesk.audit;

import com.waiverdesk.domain.Channel;
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
import java.util.TreeSet;

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
        AuditCharts.Days days = AuditCharts.days(perDay(f, plan, zone));
        return new AuditCharts(days.perDay(), days.failureRate(), perOperator(f, plan), perChannel(f, plan));
    }

    private Map<LocalDate, Map<DecisionKind, Long>> perDay(FilterSql f, QueryPlanner.Plan plan, ZoneId zone)
            throws SQLException {
        String index = planner.coveringIndex(f, "decision");
        if (index != null && planner.hasTimeSecond("decision")) {
            return perDayFromIndex(f, index, zone);
        }
        SqliteAuditReader.Source source = SqliteAuditReader.source(plan);
        String sql = "SELECT decision, ws_time_ms / " + QUARTER_HOUR_MS + ", count(*) FROM " + source.from()
                + " WHERE " + source.where() + source.sql().and() + " GROUP BY decision, ws_time_ms / "
                + QUARTER_HOUR_MS;
        Map<LocalDate, Map<DecisionKind, Long>> days = new TreeMap<>();
        try (PreparedStatement ps = bound(sql, source); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                add(days, Instant.ofEpochMilli(rs.getLong(2) * QUARTER_HOUR_MS).atZone(zone).toLocalDate(),
                        rs.getString(1), rs.getLong(3));
            }
        }
        return days;
    }

    /**
     * One index range count per day and decision, read from the index alone: grouping a million rows by an
     * expression would sort them all, and that costs ten times more.
     */
    private Map<LocalDate, Map<DecisionKind, Long>> perDayFromIndex(FilterSql f, String index, ZoneId zone)
            throws SQLException {
        long[] span = span(f);
        List<LocalDate> dayList = new ArrayList<>();
        StringBuilder bounds = new StringBuilder("[");
        if (span != null) {
            for (LocalDate d = local(span[0], zone); !d.isAfter(local(span[1], zone)); d = d.plusDays(1)) {
                long lo = Math.max(span[0], d.atStartOfDay(zone).toInstant().toEpochMilli());
                long hi = Math.min(span[1] + 1, d.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
                bounds.append(dayList.isEmpty() ? "" : ",").append('[').append(lo).append(',').append(hi).append(']');
                dayList.add(d);
            }
        }
        String sql = perDayFromIndexSql(index, f);
        StringBuilder kinds = new StringBuilder("[");
        for (DecisionKind kind : DecisionKind.values()) {
            kinds.append(kinds.length() == 1 ? "" : ",").append('"').append(kind.name()).append('"');
        }
        Map<LocalDate, Map<DecisionKind, Long>> days = new TreeMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int i = f.bind(ps, 1);
            ps.setString(i, bounds.append(']').toString());
            ps.setString(i + 1, kinds.append(']').toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(3) > 0) {
                        add(days, dayList.get(rs.getInt(1)), rs.getString(2), rs.getLong(3));
                    }
                }
            }
        }
        return days;
    }

    /** Per day (a JSON array of [from, to) bounds) and decision (a JSON array of names), an index range count. */
    static String perDayFromIndexSql(String index, FilterSql f) {
        return "SELECT d.key, k.value, (SELECT count(*) FROM audit_entry INDEXED BY " + index
                + " WHERE decision = k.value AND ws_time_ms >= json_extract(d.value, '$[0]')"
                + " AND ws_time_ms < json_extract(d.value, '$[1]')" + f.and() + ") FROM json_each(?) AS d,"
                + " json_each(?) AS k";
    }

    /** The first and last workstation time within the filter's time range, or {@code null} when it holds none. */
    private long[] span(FilterSql f) throws SQLException {
        String sql = "SELECT (SELECT min(ws_time_ms) FROM audit_entry WHERE 1" + f.andTime() + "),"
                + " (SELECT max(ws_time_ms) FROM audit_entry WHERE 1" + f.andTime() + ")";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            f.bindTime(ps, f.bindTime(ps, 1));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long first = rs.getLong(1);
                return rs.wasNull() ? null : new long[] {first, rs.getLong(2)};
            }
        }
    }

    private static LocalDate local(long epochMillis, ZoneId zone) {
        return Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate();
    }

    private static void add(Map<LocalDate, Map<DecisionKind, Long>> days, LocalDate day, String decision, long n)
            throws SQLException {
        DecisionKind kind;
        try {
            kind = DecisionKind.valueOf(decision);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SQLException("an audit entry holds a decision this program never writes; verify the log",
                    null, 11, e);
        }
        days.computeIfAbsent(day, d -> new EnumMap<>(DecisionKind.class)).merge(kind, n, Long::sum);
    }

    private List<AuditCharts.OperatorCount> perOperator(FilterSql f, QueryPlanner.Plan plan) throws SQLException {
        // the operator index answers alone, but reads all of itself: a short time range is cheaper through the plan
        String index = planner.coveringIndex(f, "operator");
        boolean whole = !f.hasTimeRange() || plan.kind() != QueryPlanner.Kind.INDEX;
        SqliteAuditReader.Source source = index != null && whole
                ? new SqliteAuditReader.Source("audit_entry INDEXED BY " + index, f)
                : SqliteAuditReader.source(plan);
        String sql = "SELECT operator, count(*) FROM " + source.from() + " WHERE " + source.where()
                + source.sql().and()
                + " GROUP BY operator ORDER BY count(*) DESC, operator";
        List<AuditCharts.OperatorCount> counts = new ArrayList<>();
        try (PreparedStatement ps = bound(sql, source); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.add(new AuditCharts.OperatorCount(rs.getString(1), rs.getLong(2)));
            }
        }
        return counts;
    }

    /** As {@link #perOperator}, through the channel index (a log before schema version 4 has no channels). */
    private List<AuditCharts.ChannelCount> perChannel(FilterSql f, QueryPlanner.Plan plan) throws SQLException {
        if (planner.indexOn("channel") == null) {
            return List.of();
        }
        String index = planner.coveringIndex(f, "channel");
        boolean whole = !f.hasTimeRange() || plan.kind() != QueryPlanner.Kind.INDEX;
        SqliteAuditReader.Source source = index != null && whole
                ? new SqliteAuditReader.Source("audit_entry INDEXED BY " + index, f)
                : SqliteAuditReader.source(plan);
        String sql = "SELECT channel, count(*) FROM " + source.from() + " WHERE " + source.where()
                + source.sql().and() + " GROUP BY channel";
        Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
        try (PreparedStatement ps = bound(sql, source); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(1);
                Channel channel;
                try {
                    channel = name == null ? Channel.LIVE_QUERY : Channel.valueOf(name); // null: before schema 4
                } catch (IllegalArgumentException e) {
                    throw new SQLException("an audit entry holds a channel this program never writes; verify the log",
                            null, 11, e);
                }
                byChannel.merge(channel, rs.getLong(2), Long::sum);
            }
        }
        List<AuditCharts.ChannelCount> counts = new ArrayList<>();
        byChannel.forEach((channel, n) -> counts.add(new AuditCharts.ChannelCount(channel, n)));
        counts.sort(java.util.Comparator.comparingLong(AuditCharts.ChannelCount::count).reversed()
                .thenComparing(c -> c.channel().name()));
        return counts;
    }

    private PreparedStatement bound(String sql, SqliteAuditReader.Source source) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        try {
            source.sql().bind(ps, source.bind(ps, 1));
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    /**
     * The distinct error keys ({@link ErrorKeys}): the service's codes from their index, and the failures and input
     * problems without one from the reasons (a scan, once per opening of the screen: 0.3-0.9 s for a million
     * entries on a busy two-core machine, 2026-12-06).
     */
    List<String> errorKeys() throws SQLException {
        TreeSet<String> keys = new TreeSet<>();
        for (String sql : List.of("SELECT DISTINCT error_code FROM audit_entry WHERE error_code IS NOT NULL",
                "SELECT DISTINCT reason FROM audit_entry WHERE error_code IS NULL AND instr(reason, ':') > 1")) {
            try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return List.copyOf(keys);
    }
}
