package com.waiverdesk.audit;

import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.PersonName;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An {@link AuditFilter} as parameterized SQL conditions, one per set field, each knowing its column so the planner
 * can tell which index could drive it. No filter value is ever spliced into the SQL text.
 */
final class FilterSql {
    /** The columns that an equality index could drive (the time range is a separate driver). */
    static final List<String> EQUALITY_COLUMNS = List.of("id_hash", "operator", "workstation", "decision",
            "error_code", "service_result", "channel");

    private final List<Condition> conditions = new ArrayList<>();
    private final AuditFilter filter;
    private final String fragment;
    private final boolean hasName;

    /** One condition; {@code sql} holds one {@code ?} per value, bound in order. */
    record Condition(String column, String sql, List<Object> values) {
        Condition(String column, String sql, Object value) {
            this(column, sql, List.of(value));
        }
    }

    /** As {@code base}, and the name one of {@code names} (which the planner found to contain the fragment). */
    private FilterSql(FilterSql base, List<String> names) {
        this.filter = base.filter;
        this.fragment = base.fragment;
        this.hasName = base.hasName;
        conditions.addAll(base.conditions);
        conditions.add(new Condition("name", "name IN (" + "?, ".repeat(names.size() - 1) + "?)",
                List.copyOf(names)));
    }

    FilterSql(AuditFilter filter) {
        this.filter = filter;
        if (filter.fromMillis() != null) {
            conditions.add(new Condition("ws_time_ms", "ws_time_ms >= ?", filter.fromMillis()));
        }
        if (filter.toMillis() != null) {
            conditions.add(new Condition("ws_time_ms", "ws_time_ms < ?", filter.toMillis()));
        }
        equality("id_hash", filter.idHash());
        equality("operator", filter.operator());
        equality("workstation", filter.workstation());
        List<String> kinds = filter.decisions().stream().map(Enum::name).toList();
        if (kinds.size() == 1) {
            equality("decision", kinds.get(0));
        } else if (!kinds.isEmpty()) {
            // several decisions: no single index value to probe, so the planner walks (they are common ones anyway)
            conditions.add(new Condition("decision", "decision IN (" + marks(kinds.size()) + ")", List.copyOf(kinds)));
        }
        errors(filter.errorCodes());
        equality("service_result", filter.serviceResult());
        // an entry from before schema version 4 has no channel: it was a live query
        List<String> channels = filter.channels().stream().map(Enum::name).toList();
        boolean live = channels.contains(Channel.LIVE_QUERY.name());
        if (channels.size() == 1 && !live) {
            equality("channel", channels.get(0));
        } else if (!channels.isEmpty()) {
            String in = "channel IN (" + marks(channels.size()) + ")";
            conditions.add(new Condition("channel", live ? "(" + in + " OR channel IS NULL)" : in,
                    List.copyOf(channels)));
        }
        fragment = PersonName.normalize(filter.nameFragment());
        hasName = !fragment.isEmpty();
        if (hasName && fragment.chars().noneMatch(FilterSql::isAsciiLetter)) {
            // nothing to fold: instr is LIKE without wildcards, and a fifth faster over a million names
            conditions.add(new Condition("name", "instr(name, ?) > 0", fragment));
        } else if (hasName) {
            // SQLite's LIKE folds ASCII letters only, which is what the filter promises (Latin letters)
            conditions.add(new Condition("name", "name LIKE ? ESCAPE '\\'", "%" + escapeLike(fragment) + "%"));
        }
    }

    /**
     * The error keys: a service code is in {@code error_code} (indexed), a failure without one is known by its reason
     * ({@link ErrorKeys}); an entry matches when its key is one of them.
     */
    private void errors(List<String> keys) {
        List<Object> codes = new ArrayList<>();
        List<Object> reasons = new ArrayList<>();
        keys.forEach(k -> (ErrorKeys.isReason(k) ? reasons : codes).add(k));
        if (codes.size() == 1 && reasons.isEmpty()) {
            equality("error_code", (String) codes.get(0));
            return;
        }
        List<String> parts = new ArrayList<>();
        if (!codes.isEmpty()) {
            parts.add("error_code IN (" + marks(codes.size()) + ")");
        }
        if (!reasons.isEmpty()) {
            parts.add("(error_code IS NULL AND reason IN (" + marks(reasons.size()) + "))");
        }
        if (!parts.isEmpty()) {
            List<Object> values = new ArrayList<>(codes);
            values.addAll(reasons);
            conditions.add(new Condition("error", "(" + String.join(" OR ", parts) + ")", values));
        }
    }

    private static String marks(int n) {
        return "?, ".repeat(n - 1) + "?";
    }

    private void equality(String column, String value) {
        if (value != null) {
            conditions.add(new Condition(column, column + " = ?", value));
        }
    }

    AuditFilter filter() {
        return filter;
    }

    /** Adds {@code name IN (names)}, so the name index is searched for these names only; names must not be empty. */
    FilterSql withNames(List<String> names) {
        return new FilterSql(this, names);
    }

    /**
     * The fragment as {@link NameDictionary} looks for it: a name holds the fragment, as the SQL condition decides
     * (anywhere, case folded for ASCII letters only as by SQLite's LIKE, wildcards literal), exactly when its
     * {@link #foldAscii} contains this.
     */
    String foldedFragment() {
        return foldAscii(fragment);
    }

    /** Lower-cases ASCII letters only; returns {@code s} itself when it has no upper-case ASCII letter. */
    static String foldAscii(String s) {
        if (s.chars().noneMatch(c -> c >= 'A' && c <= 'Z')) {
            return s;
        }
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 'a' - 'A';
            }
        }
        return new String(chars);
    }

    boolean hasTimeRange() {
        return filter.fromMillis() != null || filter.toMillis() != null;
    }

    /** Whether a condition is on {@code column}. */
    boolean filtersOn(String column) {
        return conditions.stream().anyMatch(c -> c.column().equals(column));
    }

    boolean hasName() {
        return hasName;
    }

    boolean isEmpty() {
        return conditions.isEmpty();
    }

    /** The value this filter requires of an equality column, or {@code null} if it does not filter on it. */
    String equalityValue(String column) {
        for (Condition c : conditions) {
            if (c.column().equals(column) && EQUALITY_COLUMNS.contains(column) && c.values().size() == 1) {
                return (String) c.values().get(0);
            }
        }
        return null;
    }

    /** True when every condition is on one of {@code columns}: an index over them answers without the table. */
    boolean onlyOn(Set<String> columns) {
        return conditions.stream().allMatch(c -> columns.contains(c.column()));
    }

    /** {@code " AND c1 AND c2"}, or an empty string for no conditions; bind with {@link #bind}. */
    String and() {
        StringBuilder sb = new StringBuilder();
        for (Condition c : conditions) {
            sb.append(" AND ").append(c.sql());
        }
        return sb.toString();
    }

    /** Conditions on the time column only, for queries that must stay inside the time index. */
    String andTime() {
        StringBuilder sb = new StringBuilder();
        for (Condition c : conditions) {
            if (c.column().equals("ws_time_ms")) {
                sb.append(" AND ").append(c.sql());
            }
        }
        return sb.toString();
    }

    /** Binds the values of {@link #and()} from parameter {@code first}; returns the next free index. */
    int bind(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (Condition c : conditions) {
            for (Object v : c.values()) {
                ps.setObject(i++, v);
            }
        }
        return i;
    }

    /** Binds the values of {@link #andTime()} from parameter {@code first}; returns the next free index. */
    int bindTime(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (Condition c : conditions) {
            if (c.column().equals("ws_time_ms")) {
                ps.setObject(i++, c.values().get(0));
            }
        }
        return i;
    }

    private static boolean isAsciiLetter(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
