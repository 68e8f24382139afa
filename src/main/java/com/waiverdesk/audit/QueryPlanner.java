package com.waiverdesk.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses how to find a filter's entries newest first, because SQLite without statistics guesses badly here: it
 * drives {@code decision = 'CHARGE'} (60 % of the log) through the decision index and sorts 600,000 rows, and it
 * scans the whole table for a name fragment even when an index on the name exists.
 *
 * <p>The rule, measured on a million entries (see {@code AuditReaderBench}):
 * <ol>
 * <li>Every equality condition with an index, and the time range, is probed by counting its index entries up to
 * {@link #PROBE_CAP} (index only, a few milliseconds). The smallest one under the cap drives: its index yields the
 * candidate seqs, the other conditions are checked on those rows only, and only seqs are sorted.</li>
 * <li>Otherwise every condition matches many rows, so a page is found soon by walking the table backwards by seq,
 * inside the seq window of the time range (exact: the least and greatest seq of the range in the time index).</li>
 * <li>A name fragment with an index on {@code name} walks {@link #NAME_WINDOW} rows first (a common fragment fills
 * the page there), then scans the much smaller name index instead of the table.</li>
 * </ol>
 */
final class QueryPlanner {
    static final int PROBE_CAP = 20_000;
    static final int NAME_WINDOW = 20_000;

    enum Kind { INDEX, WALK, WALK_THEN_NAME }

    /**
     * How to run one filter.
     *
     * @param index the driving index ({@code INDEX}) or the name index ({@code WALK_THEN_NAME})
     * @param lo    the least seq a match can have
     * @param hi    the greatest seq a match can have (when the plan was made)
     */
    record Plan(Kind kind, String index, long lo, long hi) {
        String from() {
            return kind == Kind.INDEX ? "audit_entry INDEXED BY " + index : "audit_entry NOT INDEXED";
        }
    }

    private final Map<String, String> indexByColumn;
    private final Map<String, Boolean> timeSecond;
    private final int probeCap;
    private final int nameWindow;

    private QueryPlanner(Map<String, String> indexByColumn, Map<String, Boolean> timeSecond, int probeCap,
                         int nameWindow) {
        this.indexByColumn = indexByColumn;
        this.timeSecond = timeSecond;
        this.probeCap = probeCap;
        this.nameWindow = nameWindow;
    }

    /**
     * Learns the ordinary (not partial, not expression) indexes of {@code audit_entry} by their leading column.
     * Tests pass small limits so that a small log takes every path a million entries would.
     */
    static QueryPlanner inspect(Connection c, int probeCap, int nameWindow) throws SQLException {
        Map<String, String> byColumn = new HashMap<>();
        Map<String, Boolean> timeSecond = new HashMap<>();
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA index_list(audit_entry)")) {
            while (rs.next()) {
                if (rs.getInt("partial") == 0) {
                    names.add(rs.getString("name"));
                }
            }
        }
        for (String name : names) {
            List<String> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM pragma_index_info(?) ORDER BY seqno")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.add(rs.getString(1));
                    }
                }
            }
            if (columns.isEmpty() || columns.get(0) == null) {
                continue;
            }
            boolean withTime = columns.size() > 1 && "ws_time_ms".equals(columns.get(1));
            String lead = columns.get(0);
            // prefer (column, ws_time_ms): a time range then narrows the index range too
            if (!byColumn.containsKey(lead) || withTime && !timeSecond.get(lead)) {
                byColumn.put(lead, name);
                timeSecond.put(lead, withTime);
            }
        }
        return new QueryPlanner(byColumn, timeSecond, probeCap, nameWindow);
    }

    /** The index led by {@code column}, or {@code null}. */
    String indexOn(String column) {
        return indexByColumn.get(column);
    }

    int nameWindow() {
        return nameWindow;
    }

    /** True when the index led by {@code column} has the workstation time second, so it narrows a time range too. */
    boolean hasTimeSecond(String column) {
        return Boolean.TRUE.equals(timeSecond.get(column));
    }

    /**
     * The index that alone answers a filter on {@code column} (and the time range, when the index holds it) without
     * reading the table, or {@code null}.
     */
    String coveringIndex(FilterSql f, String column) {
        String index = indexByColumn.get(column);
        boolean covered = column.equals("ws_time_ms") ? f.onlyOn(Set.of(column))
                : f.onlyOn(hasTimeSecond(column) ? Set.of(column, "ws_time_ms") : Set.of(column));
        return index != null && covered ? index : null;
    }

    Plan plan(Connection c, FilterSql f) throws SQLException {
        String best = null;
        long bestCount = probeCap;
        for (String column : FilterSql.EQUALITY_COLUMNS) {
            String value = f.equalityValue(column);
            String index = indexByColumn.get(column);
            if (value != null && index != null) {
                boolean time = timeSecond.get(column);
                long n = probe(c, f, index, probeCap, column + " = ?" + (time ? f.andTime() : ""), value, time);
                if (n < bestCount) {
                    best = index;
                    bestCount = n;
                }
            }
        }
        String timeIndex = indexByColumn.get("ws_time_ms");
        if (f.hasTimeRange() && timeIndex != null) {
            long n = probe(c, f, timeIndex, probeCap, "1" + f.andTime(), null, true);
            if (n < bestCount) {
                best = timeIndex;
            }
        }
        if (best != null) {
            return new Plan(Kind.INDEX, best, 1, Long.MAX_VALUE);
        }
        long[] window = f.hasTimeRange() && timeIndex != null ? seqWindow(c, f, timeIndex)
                : new long[] {1, Long.MAX_VALUE};
        String nameIndex = indexByColumn.get("name");
        return f.hasName() && nameIndex != null ? new Plan(Kind.WALK_THEN_NAME, nameIndex, window[0], window[1])
                : new Plan(Kind.WALK, null, window[0], window[1]);
    }

    /** Counts the index entries matching {@code where}, stopping at the cap; reads the index only. */
    private static long probe(Connection c, FilterSql f, String index, int cap, String where, String value,
                              boolean time) throws SQLException {
        String sql = "SELECT count(*) FROM (SELECT 1 FROM audit_entry INDEXED BY " + index + " WHERE " + where
                + " LIMIT " + cap + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (value != null) {
                ps.setString(i++, value);
            }
            if (time) {
                f.bindTime(ps, i);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /**
     * The least and greatest seq in the time range. Exact even when a workstation clock was off (rows then are not
     * in time order), at the cost of reading the range in the time index once.
     */
    private static long[] seqWindow(Connection c, FilterSql f, String timeIndex) throws SQLException {
        String sql = "SELECT min(seq), max(seq) FROM audit_entry INDEXED BY " + timeIndex + " WHERE 1" + f.andTime();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            f.bindTime(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long lo = rs.getLong(1);
                return rs.wasNull() ? new long[] {1, 0} : new long[] {lo, rs.getLong(2)};
            }
        }
    }
}
