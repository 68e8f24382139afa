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
 * {@link Tuning#probeCap} (index only, a few milliseconds). The smallest one under the cap drives: its index yields the
 * candidate seqs, the other conditions are checked on those rows only, and only seqs are sorted.</li>
 * <li>Otherwise every condition matches many rows, so a page is found soon by walking the table backwards by seq,
 * inside the seq window of the time range (exact: the least and greatest seq of the range in the time index).</li>
 * <li>With an index on {@code name}, a name fragment is first matched against the distinct names held in memory
 * ({@link NameDictionary}); when it matches few names, those are looked up in the name index, and a fragment no name
 * holds reads nothing.</li>
 * <li>A fragment matching many names is common: it walks {@link Tuning#nameWindow} rows first (the page fills
 * there), then scans the name index, much smaller than the table.</li>
 * </ol>
 * Without an index on {@code name}, a rare fragment walks the whole table (about 0.3 s per million entries).
 */
final class QueryPlanner {
    /**
     * The planner's limits, measured on a million entries; tests shrink them so a small log takes every path.
     *
     * @param probeCap       an index with fewer entries than this for the filter drives the search
     * @param nameWindow     rows walked for a name fragment before the name index is scanned
     * @param nameIndexWorth a seq window longer than this is worth scanning the name index instead (scanning it
     *                       costs about what walking a quarter of a million rows costs)
     * @param nameList       a fragment matching at most this many distinct names is looked up name by name
     */
    record Tuning(int probeCap, int nameWindow, int nameIndexWorth, int nameList) {
        static final Tuning MEASURED = new Tuning(20_000, 20_000, 250_000, 1_000);
    }

    enum Kind { INDEX, WALK, WALK_THEN_NAME }

    /**
     * How to run one filter.
     *
     * @param index     the driving index ({@code INDEX}) or the name index ({@code WALK_THEN_NAME})
     * @param lo        the least seq a match can have
     * @param hi        the greatest seq a match can have (when the plan was made)
     * @param aggregate for a {@code WALK}: the equality index with the fewest entries, however many. A page stops
     *                  early on a walk, but a count or chart reads every match, and then this index reads fewer
     *                  rows than the walk; {@code null} if the filter has no indexed equality
     * @param sql       the conditions to run: the filter's, plus the matching names for a name looked up by name
     */
    record Plan(Kind kind, String index, long lo, long hi, String aggregate, FilterSql sql) {
        /** Known without reading: no seq can match (an empty time range, a fragment no name holds). */
        boolean matchesNothing() {
            return hi < lo;
        }

        String from() {
            return kind == Kind.INDEX ? "audit_entry INDEXED BY " + index : "audit_entry NOT INDEXED";
        }
    }

    private final Map<String, String> indexByColumn;
    private final Map<String, Boolean> timeSecond;
    private final Tuning tuning;
    private final NameDictionary names = new NameDictionary();

    private QueryPlanner(Map<String, String> indexByColumn, Map<String, Boolean> timeSecond, Tuning tuning) {
        this.indexByColumn = indexByColumn;
        this.timeSecond = timeSecond;
        this.tuning = tuning;
    }

    /** Learns the ordinary (not partial, not expression) indexes of {@code audit_entry} by their leading column. */
    static QueryPlanner inspect(Connection c, Tuning tuning) throws SQLException {
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
        return new QueryPlanner(byColumn, timeSecond, tuning);
    }

    /** The index led by {@code column}, or {@code null}. */
    String indexOn(String column) {
        return indexByColumn.get(column);
    }

    int nameWindow() {
        return tuning.nameWindow();
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
        int probeCap = tuning.probeCap();
        long bestCount = Long.MAX_VALUE;
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
        String aggregate = best;
        if (bestCount >= probeCap) {
            best = null;
            bestCount = probeCap;
        }
        String timeIndex = indexByColumn.get("ws_time_ms");
        if (f.hasTimeRange() && timeIndex != null) {
            long n = probe(c, f, timeIndex, probeCap, "1" + f.andTime(), null, true);
            if (n < bestCount) {
                best = timeIndex;
            }
        }
        if (best != null) {
            return new Plan(Kind.INDEX, best, 1, Long.MAX_VALUE, null, f);
        }
        String nameIndex = indexByColumn.get("name");
        if (f.hasName() && nameIndex != null) {
            long newest = names.refresh(c, nameIndex);
            List<String> matching = names.matching(f, tuning.nameList());
            if (matching != null) {
                // no name holds the fragment (a typo, most often): nothing to read at all
                return matching.isEmpty() ? new Plan(Kind.INDEX, nameIndex, 1, 0, null, f)
                        : new Plan(Kind.INDEX, nameIndex, 1, newest, null, f.withNames(matching));
            }
        }
        long[] window = f.hasTimeRange() && timeIndex != null ? seqWindow(c, f, timeIndex)
                : new long[] {1, Long.MAX_VALUE};
        boolean nameIndexPays = window[1] - window[0] > tuning.nameIndexWorth();
        return f.hasName() && nameIndex != null && nameIndexPays
                ? new Plan(Kind.WALK_THEN_NAME, nameIndex, window[0], window[1], null, f)
                : new Plan(Kind.WALK, null, window[0], window[1], aggregate, f);
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

    /** Reads the distinct names now, so that the first name search does not pay for it. */
    void loadNames(Connection c) throws SQLException {
        String nameIndex = indexByColumn.get("name");
        if (nameIndex != null) {
            names.refresh(c, nameIndex);
        }
    }
}
