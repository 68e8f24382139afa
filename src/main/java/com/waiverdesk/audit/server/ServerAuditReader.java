package com.waiverdesk.audit.server;

import com.waiverdesk.audit.AuditCharts;
import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.AuditPage;
import com.waiverdesk.audit.AuditReadException;
import com.waiverdesk.audit.AuditReader;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.RecentMap;
import com.waiverdesk.audit.Review;
import com.waiverdesk.audit.ReviewPage;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The supervisor's searches over the audit server, signed in with their own login: every call goes through a function
 * of V2__supervisor.sql (the review queue's: V7) that records it in the server's access chain under that login (a
 * first page always as a SEARCH; the count, charts and further pages of a filter searched in the last 15 minutes add
 * nothing, and so do the review queue's pages and count once it was looked at; one entry asked by number as a
 * VIEW_ENTRY). The entries carry the server's facts ({@link StoredEntry#server()}).
 *
 * <p>Whether an entry's decision was shown, and its review, come with every entry the reader returns and are
 * remembered for the last few thousand, so selecting an entry of the table asks the server nothing more. One
 * connection, opened when first needed and again after a failure; methods are synchronized. Blocking: network.
 */
public final class ServerAuditReader implements AuditReader {
    private static final System.Logger LOG = System.getLogger(ServerAuditReader.class.getName());
    /** The server returns at most 1,000 rows a call; a page asks for one more to know whether more follow. */
    static final int MAX_PAGE = 999;
    private static final int REMEMBERED = 4096;
    private static final String PAGE = "SELECT " + ServerRows.COLUMNS + " FROM waiverdesk.search_page(?, ?, "
            + ServerFilter.ROW + ", ?, ?, ?)";
    private static final String COUNT = "SELECT waiverdesk.search_count(?, ?, " + ServerFilter.ROW + ")";
    private static final String REVIEW_PAGE = "SELECT " + ServerRows.COLUMNS
            + " FROM waiverdesk.review_queue_page(?, ?, ?, ?)";
    private static final String CHARTS = "SELECT series, day, key, n FROM waiverdesk.search_charts(?, ?, "
            + ServerFilter.ROW + ", ?)";

    private final ServerConnections connections;
    private final String workstation;
    private final Clock clock;
    /** What the server said beside each entry lately: the not-shown mark and the review. */
    private final Map<Long, Beside> remembered = new RecentMap<>(REMEMBERED, true);
    private Connection connection;
    private boolean closed;

    private record Beside(boolean notShown, Review review) {
    }

    /**
     * @param supervisor  connections as the supervisor's own login ({@link ServerConnections#as}); a timeout of half a
     *                    minute suits counts and charts over millions of entries
     * @param workstation where the supervisor sits, recorded with each access
     * @param clock       the workstation's clock, recorded with each access beside the server's
     */
    public ServerAuditReader(ServerConnections supervisor, String workstation, Clock clock) {
        this.connections = supervisor;
        this.workstation = workstation;
        this.clock = clock;
    }

    public ServerUrl url() {
        return connections.url();
    }

    /** A first page ({@code beforeSeq == Long.MAX_VALUE}) is always recorded as a SEARCH: the supervisor asked anew. */
    @Override
    public synchronized AuditPage page(AuditFilter filter, long beforeSeq, int size) throws AuditReadException {
        if (size < 1 || size > MAX_PAGE) {
            throw new IllegalArgumentException("page size must be 1 to " + MAX_PAGE + ": " + size);
        }
        try (PreparedStatement ps = prepare(PAGE)) {
            int i = ServerFilter.bind(ps, accessed(ps), filter);
            ps.setBoolean(i, beforeSeq == Long.MAX_VALUE);
            ps.setLong(i + 1, beforeSeq);
            ps.setInt(i + 2, size + 1);
            List<StoredEntry> rows = read(ps);
            boolean more = rows.size() > size;
            List<StoredEntry> entries = more ? rows.subList(0, size) : rows;
            return new AuditPage(entries, more ? entries.get(size - 1).seq() : 0);
        } catch (SQLException e) {
            throw failed(e, "search the audit server");
        }
    }

    @Override
    public synchronized long count(AuditFilter filter) throws AuditReadException {
        try (PreparedStatement ps = prepare(COUNT)) {
            ServerFilter.bind(ps, accessed(ps), filter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failed(e, "count the entries on the audit server");
        }
    }

    /** Recorded as a VIEW_ENTRY of {@code seq} (also when there is no such entry). */
    @Override
    public synchronized Optional<StoredEntry> entry(long seq) throws AuditReadException {
        return view(seq).stream().findFirst();
    }

    /** Known without asking for an entry this reader returned lately; otherwise a VIEW_ENTRY. */
    @Override
    public synchronized boolean notShown(long seq) throws AuditReadException {
        Beside beside = beside(seq);
        return beside != null && beside.notShown();
    }

    /** Recorded as V7's review_queue_page says: a SEARCH of the queue unless this login looked at it lately. */
    @Override
    public synchronized ReviewPage reviewQueue(long afterSeq, int size) throws AuditReadException {
        ReviewPage.check(size);
        try (PreparedStatement ps = prepare(REVIEW_PAGE)) {
            int i = accessed(ps);
            ps.setLong(i, afterSeq);
            ps.setInt(i + 1, size + 1);
            return ReviewPage.of(read(ps), size);
        } catch (SQLException e) {
            throw failed(e, "read the review queue on the audit server");
        }
    }

    @Override
    public synchronized long pendingReviews() throws AuditReadException {
        try (PreparedStatement ps = prepare("SELECT waiverdesk.review_queue_count(?, ?)")) {
            accessed(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failed(e, "count the review queue on the audit server");
        }
    }

    /** Known without asking for an entry this reader returned lately; otherwise a VIEW_ENTRY. */
    @Override
    public synchronized Optional<Review> review(long seq) throws AuditReadException {
        Beside beside = beside(seq);
        return beside == null ? Optional.empty() : Optional.ofNullable(beside.review());
    }

    /** The charts, with the checks per workstation (window) too. */
    @Override
    public synchronized AuditCharts charts(AuditFilter filter, ZoneId zone) throws AuditReadException {
        Map<LocalDate, Map<DecisionKind, Long>> days = new TreeMap<>();
        List<AuditCharts.OperatorCount> operators = new ArrayList<>();
        Map<Channel, Long> channels = new EnumMap<>(Channel.class);
        List<AuditCharts.WorkstationCount> workstations = new ArrayList<>();
        try (PreparedStatement ps = prepare(CHARTS)) {
            ps.setString(ServerFilter.bind(ps, accessed(ps), filter), zoneName(zone));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(3);
                    long n = rs.getLong(4);
                    switch (rs.getString(1)) {
                        case "day" -> days.computeIfAbsent(rs.getObject(2, LocalDate.class),
                                d -> new EnumMap<>(DecisionKind.class)).merge(DecisionKind.valueOf(key), n, Long::sum);
                        case "operator" -> operators.add(new AuditCharts.OperatorCount(key, n));
                        case "channel" -> channels.merge(Channel.valueOf(key), n, Long::sum);
                        case "workstation" -> workstations.add(new AuditCharts.WorkstationCount(key, n));
                        default -> throw new SQLException("the audit server sent an unknown chart series");
                    }
                }
            }
        } catch (SQLException e) {
            throw failed(e, "read the chart figures from the audit server");
        } catch (IllegalArgumentException e) {
            throw new AuditReadException(AuditWriteException.Kind.CORRUPT, "An entry on the audit server holds a"
                    + " decision or channel this program never writes; run `audit verify`.", e);
        }
        List<AuditCharts.ChannelCount> perChannel = new ArrayList<>();
        channels.forEach((channel, n) -> perChannel.add(new AuditCharts.ChannelCount(channel, n)));
        perChannel.sort(Comparator.comparingLong(AuditCharts.ChannelCount::count).reversed()
                .thenComparing(c -> c.channel().name()));
        operators.sort(Comparator.comparingLong(AuditCharts.OperatorCount::count).reversed()
                .thenComparing(AuditCharts.OperatorCount::operator));
        workstations.sort(Comparator.comparingLong(AuditCharts.WorkstationCount::count).reversed()
                .thenComparing(AuditCharts.WorkstationCount::workstation));
        AuditCharts.Days perDay = AuditCharts.days(days);
        return new AuditCharts(perDay.perDay(), perDay.failureRate(), operators, perChannel, workstations);
    }

    @Override
    public synchronized List<String> errorKeys() throws AuditReadException {
        try (PreparedStatement ps = prepare("SELECT k FROM waiverdesk.error_keys(?, ?) AS k")) {
            accessed(ps);
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw failed(e, "read the error codes of the audit server");
        }
    }

    /** Updates what this reader remembers of an entry after its review (by {@link ServerSupervisorActions}). */
    synchronized void reviewed(long seq, Review review) {
        Beside was = remembered.get(seq);
        remembered.put(seq, new Beside(was != null && was.notShown(), review));
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeConnection();
    }

    /**
     * The offset such as {@code +08:00} for a fixed zone, else the region's name: PostgreSQL reads a bare {@code +08:00}
     * as a POSIX zone, east and west swapped, so the function takes an offset as an interval.
     */
    static String zoneName(ZoneId zone) {
        ZoneId normalized = zone.normalized();
        if (normalized instanceof ZoneOffset offset) {
            return offset.getTotalSeconds() == 0 ? "UTC" : offset.getId();
        }
        return zone.getId();
    }

    private Beside beside(long seq) throws AuditReadException {
        Beside known = remembered.get(seq);
        if (known == null) {
            view(seq);
            known = remembered.get(seq);
        }
        return known;
    }

    private List<StoredEntry> view(long seq) throws AuditReadException {
        try (PreparedStatement ps = prepare("SELECT " + ServerRows.COLUMNS + " FROM waiverdesk.view_entry(?, ?, ?)")) {
            ps.setLong(accessed(ps), seq);
            return read(ps);
        } catch (SQLException e) {
            throw failed(e, "read the audit entry on the audit server");
        }
    }

    /** Binds when and where the supervisor acts, the first two parameters of every function; returns the next index. */
    private int accessed(PreparedStatement ps) throws SQLException {
        ps.setLong(1, clock.millis());
        ps.setString(2, workstation);
        return 3;
    }

    private List<StoredEntry> read(PreparedStatement ps) throws SQLException {
        List<StoredEntry> entries = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            for (ServerRows.Row row : ServerRows.all(rs, true)) {
                entries.add(row.stored());
                remembered.put(row.stored().seq(), new Beside(row.notShown(), row.review()));
            }
        }
        return entries;
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        if (closed) {
            throw new SQLException("the audit reader is closed", "08003");
        }
        if (connection == null) {
            connection = connections.open();
        }
        return connection.prepareStatement(sql);
    }

    private AuditReadException failed(SQLException e, String action) {
        // after a failure the connection may be half-open: the next call opens a new one
        closeConnection();
        AuditReadException failure = ServerRows.failure(e, connections.url(), action);
        LOG.log(System.Logger.Level.WARNING, "{0} (SQL state {1})", failure.getMessage(), e.getSQLState());
        return failure;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the audit server connection failed", e);
            }
            connection = null;
        }
    }
}
