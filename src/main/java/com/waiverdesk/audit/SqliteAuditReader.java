package com.waiverdesk.audit;

import com.waiverdesk.audit.AuditWriteException.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.BusyHandler;
import org.sqlite.SQLiteConfig;

/**
 * The supervisor's searches over the audit database on a connection of their own, opened read-only: in WAL mode a
 * reader neither blocks the clerks' appends nor waits for them, so a slow search never delays a decision.
 *
 * <p>How each filter is run is chosen by {@link QueryPlanner}; every filter value is a bound parameter. One
 * connection per instance, so methods are synchronized; open one reader per screen or command.
 */
public final class SqliteAuditReader implements AuditReader {
    private static final System.Logger LOG = System.getLogger(SqliteAuditReader.class.getName());
    private final Connection connection;
    private final QueryPlanner planner;
    private final ChartQueries chartQueries;
    private AuditFilter cachedFilter;
    private QueryPlanner.Plan cachedPlan;
    /** The last walk's statement, kept for the next page: an export asks for thousands, each a prepare otherwise. */
    private String walkSqlText;
    private PreparedStatement walkStatement;
    /** Kept once prepared: an export asks for the review of every paper entry. */
    private PreparedStatement reviewStatement;
    private boolean closed;

    private SqliteAuditReader(Connection connection, QueryPlanner planner) {
        this.connection = connection;
        this.planner = planner;
        this.chartQueries = new ChartQueries(connection, planner);
    }

    /** Opens an existing audit database for reading; never creates or changes the file. */
    public static SqliteAuditReader open(Path file) throws AuditReadException {
        return open(file, QueryPlanner.Tuning.MEASURED);
    }

    static SqliteAuditReader open(Path file, QueryPlanner.Tuning tuning) throws AuditReadException {
        if (!Files.isRegularFile(file)) {
            throw new AuditReadException(Kind.UNAVAILABLE, "Could not open the audit database: there is no file at "
                    + file.toAbsolutePath() + ".", null);
        }
        SqliteNative.prepare();
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // 16 MB of page cache keeps the indexes a search walks (about 17 MB each per million entries) mostly hot
        config.setCacheSize(-16_000);
        Connection c = null;
        try {
            c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            BusyHandler.setHandler(c, new DeadlineBusyHandler(SqliteAuditLog.BUSY_TIMEOUT));
            requireAuditDatabase(c);
            return new SqliteAuditReader(c, QueryPlanner.inspect(c, tuning));
        } catch (SQLException e) {
            closeQuietly(c);
            throw StoredRows.failure(e, "open the audit database for reading");
        } catch (AuditReadException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static void requireAuditDatabase(Connection c) throws SQLException, AuditReadException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT application_id, user_version FROM pragma_application_id,"
                     + " pragma_user_version")) {
            rs.next();
            if (rs.getInt(1) != AuditSchema.APPLICATION_ID || rs.getInt(2) < 1) {
                throw new AuditReadException(Kind.CORRUPT,
                        "Could not open the audit database: the file is not a WaiverDesk audit database.", null);
            }
        }
    }

    @Override
    public synchronized AuditPage page(AuditFilter filter, long beforeSeq, int size) throws AuditReadException {
        if (size < 1) {
            throw new IllegalArgumentException("page size must be positive: " + size);
        }
        try {
            QueryPlanner.Plan plan = plan(new FilterSql(filter), beforeSeq);
            if (plan.matchesNothing()) {
                return new AuditPage(List.of(), 0);
            }
            FilterSql f = plan.sql();
            long before = plan.hi() == Long.MAX_VALUE ? beforeSeq : Math.min(beforeSeq, plan.hi() + 1);
            List<StoredEntry> rows;
            if (plan.kind() == QueryPlanner.Kind.INDEX) {
                rows = viaIndex(plan.index(), f, plan.lo(), before, size + 1);
            } else if (plan.kind() == QueryPlanner.Kind.WALK) {
                rows = walk(f, plan.lo(), before, size + 1);
            } else {
                // a common fragment fills the page among the newest rows; only a rare one needs the name index
                long top = Math.min(before, maxSeq() + 1);
                long windowLo = Math.max(plan.lo(), top - planner.nameWindow());
                rows = walk(f, windowLo, top, size + 1);
                if (rows.size() <= size && windowLo > plan.lo()) {
                    rows.addAll(viaIndex(plan.index(), f, plan.lo(), windowLo, size + 1 - rows.size()));
                }
            }
            boolean more = rows.size() > size;
            List<StoredEntry> entries = more ? rows.subList(0, size) : rows;
            return new AuditPage(entries, more ? entries.get(size - 1).seq() : 0);
        } catch (SQLException e) {
            throw StoredRows.failure(e, "search the audit log");
        }
    }

    @Override
    public synchronized long count(AuditFilter filter) throws AuditReadException {
        try {
            FilterSql f = new FilterSql(filter);
            Source source = countSource(f);
            if (source.lo() > source.hi()) {
                return 0;
            }
            try (PreparedStatement ps = prepare(countSql(source))) {
                source.sql().bind(ps, source.bind(ps, 1));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw StoredRows.failure(e, "count the audit entries");
        }
    }

    static String countSql(Source source) {
        return "SELECT count(*) FROM " + source.from() + " WHERE " + source.where() + source.sql().and();
    }

    /**
     * Where a whole-filter aggregate reads: a table or index clause, the seq window of the matches and the
     * conditions to apply there.
     */
    record Source(String from, long lo, long hi, FilterSql sql) {
        Source(String from, FilterSql sql) {
            this(from, 1, Long.MAX_VALUE, sql);
        }

        /** The window as a condition; none when unbounded, which would make SQLite read the table by seq. */
        String where() {
            return lo <= 1 && hi == Long.MAX_VALUE ? "1" : "seq BETWEEN ? AND ?";
        }

        /** Binds the values of {@link #where()} from {@code first}; returns the next free index. */
        int bind(PreparedStatement ps, int first) throws SQLException {
            if (lo <= 1 && hi == Long.MAX_VALUE) {
                return first;
            }
            ps.setLong(first, lo);
            ps.setLong(first + 1, hi);
            return first + 2;
        }
    }

    /** The cheapest source for counting: an index holding every filtered column answers without the table. */
    Source countSource(FilterSql f) throws SQLException {
        if (f.isEmpty()) {
            return new Source("audit_entry", f);
        }
        List<String> columns = new ArrayList<>(FilterSql.EQUALITY_COLUMNS);
        columns.add("ws_time_ms");
        for (String column : columns) {
            boolean filtered = column.equals("ws_time_ms") ? f.hasTimeRange() : f.equalityValue(column) != null;
            String index = planner.coveringIndex(f, column);
            if (filtered && index != null) {
                return new Source("audit_entry INDEXED BY " + index, f);
            }
        }
        // several channels (or the live query, which includes entries without one): still ranges of that index
        String channels = planner.coveringIndex(f, "channel");
        if (channels != null && f.filtersOn("channel")) {
            return new Source("audit_entry INDEXED BY " + channels, f);
        }
        return source(plan(f, Long.MAX_VALUE));
    }

    /**
     * A plan as the source of an aggregate over all its matches, which reads every match rather than stopping at a
     * page: the name index or the smallest equality index then reads less than the walk.
     */
    static Source source(QueryPlanner.Plan plan) {
        if (plan.kind() == QueryPlanner.Kind.WALK_THEN_NAME) {
            return new Source("audit_entry INDEXED BY " + plan.index(), plan.sql());
        }
        if (plan.kind() == QueryPlanner.Kind.WALK && plan.aggregate() != null) {
            return new Source("audit_entry INDEXED BY " + plan.aggregate(), plan.sql());
        }
        return new Source(plan.from(), plan.lo(), plan.hi(), plan.sql());
    }

    @Override
    public synchronized Optional<StoredEntry> entry(long seq) throws AuditReadException {
        try (PreparedStatement ps = prepare("SELECT " + StoredRows.COLUMNS + " FROM audit_entry WHERE seq = ?")) {
            ps.setLong(1, seq);
            List<StoredEntry> rows = StoredRows.read(ps);
            return rows.stream().findFirst();
        } catch (SQLException e) {
            throw StoredRows.failure(e, "read the audit entry");
        }
    }

    @Override
    public synchronized boolean notShown(long seq) throws AuditReadException {
        try {
            // a log that has no access chain yet (schema version 1, opened read-only) has no such marks
            if (!exists("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'access_entry'")) {
                return false;
            }
            return exists("SELECT 1 FROM access_entry WHERE action = ? AND detail = ? LIMIT 1",
                    AccessEvent.Action.DECISION_NOT_SHOWN.name(), AccessEvent.notShownDetail(seq));
        } catch (SQLException e) {
            throw StoredRows.failure(e, "read whether the decision was shown");
        }
    }

    /**
     * Every {@link AccessEvent.Action#DECISION_NOT_SHOWN} mark, by the entry it names (the first mark of each), read in
     * one pass: what a migration to the audit server carries over with the entries.
     */
    public synchronized Map<Long, AccessEvent> notShownMarks() throws AuditReadException {
        Map<Long, AccessEvent> marks = new HashMap<>();
        try {
            if (!exists("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'access_entry'")) {
                return marks;
            }
            try (PreparedStatement ps = prepare("SELECT time_ms, supervisor, workstation, detail FROM access_entry"
                    + " WHERE action = ? ORDER BY seq")) {
                ps.setString(1, AccessEvent.Action.DECISION_NOT_SHOWN.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String detail = rs.getString(4);
                        String number = detail == null ? "" : detail.substring(detail.lastIndexOf(' ') + 1);
                        if (number.matches("[0-9]{1,18}")
                                && AccessEvent.notShownDetail(Long.parseLong(number)).equals(detail)) {
                            long seq = Long.parseLong(number);
                            marks.putIfAbsent(seq, AccessEvent.notShown(seq, Instant.ofEpochMilli(rs.getLong(1)),
                                    rs.getString(2), rs.getString(3)));
                        }
                    }
                }
            }
            return marks;
        } catch (SQLException e) {
            throw StoredRows.failure(e, "read the marks of decisions not shown");
        }
    }

    /**
     * The seqs of the paper entries after the key come from the channel index alone (a few bytes each, in a list SQLite
     * keeps sorted), then the rows are read in that order, each checked for a review, until the page is full: a page
     * reads the paper part of one index and the rows it returns, never the log, however many entries wait.
     */
    @Override
    public synchronized ReviewPage reviewQueue(long afterSeq, int size) throws AuditReadException {
        ReviewPage.check(size);
        try {
            String index = planner.indexOn("channel");
            if (index == null) {
                return new ReviewPage(List.of(), 0); // a log before schema version 4 (read-only) holds no paper entries
            }
            try (PreparedStatement ps = prepare(reviewPageSql(index))) {
                ps.setLong(1, afterSeq);
                ps.setInt(2, size + 1);
                return ReviewPage.of(StoredRows.read(ps), size);
            }
        } catch (SQLException e) {
            throw StoredRows.failure(e, "read the review queue");
        }
    }

    static String reviewPageSql(String channelIndex) {
        return "SELECT " + StoredRows.COLUMNS + " FROM audit_entry WHERE seq IN (SELECT seq FROM audit_entry INDEXED BY "
                + channelIndex + " WHERE channel = 'PAPER' AND seq > ?) AND " + Reviews.PENDING + " ORDER BY seq LIMIT ?";
    }

    static String pendingCountSql(String channelIndex) {
        return "SELECT count(*) FROM audit_entry INDEXED BY " + channelIndex + " WHERE channel = 'PAPER' AND "
                + Reviews.PENDING;
    }

    @Override
    public synchronized long pendingReviews() throws AuditReadException {
        try {
            String index = planner.indexOn("channel");
            if (index == null) {
                return 0;
            }
            try (PreparedStatement ps = prepare(pendingCountSql(index)); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw StoredRows.failure(e, "count the review queue");
        }
    }

    @Override
    public synchronized Optional<Review> review(long seq) throws AuditReadException {
        try {
            if (reviewStatement == null) {
                // a log that has no access chain yet (schema version 1, opened read-only) has no reviews
                if (!exists("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'access_entry'")) {
                    return Optional.empty();
                }
                reviewStatement = prepare(Reviews.FIRST);
            }
            requireOpen();
            return Reviews.first(reviewStatement, seq);
        } catch (SQLException e) {
            throw StoredRows.failure(e, "read the review of the audit entry");
        }
    }

    private boolean exists(String sql, String... values) throws SQLException {
        try (PreparedStatement ps = prepare(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public synchronized AuditCharts charts(AuditFilter filter, ZoneId zone) throws AuditReadException {
        try {
            FilterSql f = new FilterSql(filter);
            QueryPlanner.Plan plan = plan(f, Long.MAX_VALUE);
            return plan.matchesNothing() ? new AuditCharts(List.of(), List.of(), List.of())
                    : chartQueries.charts(f, plan, zone);
        } catch (SQLException e) {
            throw StoredRows.failure(e, "read the chart figures");
        }
    }

    @Override
    public synchronized List<String> errorKeys() throws AuditReadException {
        try {
            requireOpen();
            return chartQueries.errorKeys();
        } catch (SQLException e) {
            throw StoredRows.failure(e, "read the error codes");
        }
    }

    /**
     * Reads the list of distinct names a name-fragment search looks in (a few hundred ms for a million entries), so
     * that the supervisor's first search is as fast as the next; call it on a worker right after opening.
     */
    public synchronized void prepareNameSearch() throws AuditReadException {
        try {
            planner.loadNames(connection);
        } catch (SQLException e) {
            throw new AuditReadException(AuditWriteException.Kind.UNAVAILABLE,
                    "Could not read the names of the audit log: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeWalkStatement();
            if (reviewStatement != null) {
                try {
                    reviewStatement.close();
                } catch (SQLException e) {
                    LOG.log(System.Logger.Level.DEBUG, "closing a statement of the audit reader failed", e);
                }
            }
            closeQuietly(connection);
        }
    }

    /**
     * The plan of the last filter is reused while it still holds: an index plan always (it is a cost guess), a seq
     * window as long as the page starts inside it (later entries, which could widen it, all have greater seqs).
     */
    private QueryPlanner.Plan plan(FilterSql f, long beforeSeq) throws SQLException {
        requireOpen();
        if (!f.filter().equals(cachedFilter) || cachedPlan.hi() != Long.MAX_VALUE && beforeSeq > cachedPlan.hi() + 1) {
            cachedPlan = planner.plan(connection, f);
            cachedFilter = f.filter();
            LOG.log(System.Logger.Level.DEBUG, "audit search plan for {0}: {1}", f.filter().describe(), cachedPlan);
        }
        return cachedPlan;
    }

    /** The plan of the last search, for the benchmark's report. */
    synchronized QueryPlanner.Plan lastPlan() {
        return cachedPlan;
    }

    /** Newest first by seq, reading the table backwards from the page's start: stops once the page is full. */
    static String walkSql(FilterSql f) {
        return "SELECT " + StoredRows.COLUMNS + " FROM audit_entry NOT INDEXED WHERE seq < ? AND seq >= ?" + f.and()
                + " ORDER BY seq DESC LIMIT ?";
    }

    /** Sorts only the seqs the index yields, then reads the few rows of the page by seq. */
    static String viaIndexSql(String index, FilterSql f) {
        return "SELECT " + StoredRows.COLUMNS + " FROM audit_entry WHERE seq IN (SELECT seq FROM audit_entry INDEXED BY "
                + index + " WHERE seq < ? AND seq >= ?" + f.and() + " ORDER BY seq DESC LIMIT ?) ORDER BY seq DESC";
    }

    private List<StoredEntry> walk(FilterSql f, long lo, long before, int limit) throws SQLException {
        requireOpen();
        String sql = walkSql(f);
        if (!sql.equals(walkSqlText)) {
            closeWalkStatement();
            walkStatement = prepare(sql);
            walkSqlText = sql;
        }
        PreparedStatement ps = walkStatement;
        ps.clearParameters();
        ps.setLong(1, before);
        ps.setLong(2, lo);
        ps.setInt(f.bind(ps, 3), limit);
        return StoredRows.read(ps);
    }

    private void closeWalkStatement() {
        if (walkStatement != null) {
            try {
                walkStatement.close();
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing a statement of the audit reader failed", e);
            }
            walkStatement = null;
            walkSqlText = null;
        }
    }

    private List<StoredEntry> viaIndex(String index, FilterSql f, long lo, long before, int limit)
            throws SQLException {
        try (PreparedStatement ps = prepare(viaIndexSql(index, f))) {
            ps.setLong(1, before);
            ps.setLong(2, lo);
            ps.setInt(f.bind(ps, 3), limit);
            return StoredRows.read(ps);
        }
    }

    private long maxSeq() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(seq), 0) FROM audit_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        requireOpen();
        return connection.prepareStatement(sql);
    }

    private void requireOpen() throws SQLException {
        if (closed) {
            throw new SQLException("the audit reader is closed");
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the audit reader failed", e);
            }
        }
    }
}
