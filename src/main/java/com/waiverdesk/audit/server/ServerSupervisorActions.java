package com.waiverdesk.audit.server;

import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.AuditReadException;
import com.waiverdesk.audit.AuditReader;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.ChainHead;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.audit.PurgeResult;
import com.waiverdesk.audit.Review;
import com.waiverdesk.audit.ReviewRefusedException;
import com.waiverdesk.audit.export.CsvExport;
import com.waiverdesk.audit.export.EntryWords;
import com.waiverdesk.audit.export.ExportResult;
import com.waiverdesk.audit.export.FhirExport;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * What a supervisor does on the audit server besides reading: sign in, review paper entries, export, anchor, purge.
 * Each goes through a function that records it under the supervisor's own login, before it is done and in the same
 * transaction (an export: in a transaction of its own, committed before the first row is read). A connection per
 * action: they are rare, and an export holds its connection for its whole stream. Blocking: network.
 */
public final class ServerSupervisorActions {
    private static final System.Logger LOG = System.getLogger(ServerSupervisorActions.class.getName());
    /**
     * Rows fetched from the export's cursor per round trip: small enough that the rows in flight (one batch read, the
     * next fetched) die young in the desk's 24 MB young generation. With 2,000 (2-3 MB a batch) they outlived it and
     * filled the old one: 364 full collections and 14.8 s of pauses in a 42 s export of 5.58 million entries; with 200,
     * none and 3.5 s (docs/benchmarks.md, "Export after V8").
     */
    static final int FETCH_ROWS = 250;
    private static final Map<String, ReviewRefusedException.Why> REFUSALS = Map.of(
            "WD001", ReviewRefusedException.Why.NO_SUCH_ENTRY,
            "WD002", ReviewRefusedException.Why.NOT_PAPER,
            "WD003", ReviewRefusedException.Why.ALREADY_REVIEWED,
            "WD004", ReviewRefusedException.Why.REASON_REQUIRED,
            "WD005", ReviewRefusedException.Why.REASON_TOO_LONG);

    /** Every column of the entries (export_open): the FHIR Bundle shows the previous hash and the server's facts. */
    private static final Cursor ALL_ROWS = new Cursor("export_open", rs -> ServerRows.row(rs, false));
    /** What a CSV file shows (export_open_csv, schema version 8): a quarter less for the server to write out. */
    private static final Cursor CSV_ROWS = new Cursor("export_open_csv", ServerRows::csvRow);

    private final ServerConnections connections;
    private final String workstation;
    private final Clock clock;
    private final ServerAuditReader reader;
    private int fetchRows = FETCH_ROWS;

    /** The function that opens an export's cursor, and how its rows are read. */
    private record Cursor(String function, ServerRows.Reader rows) {
    }

    /** What an export writes with the stream of its rows and the chain head it carries. */
    @FunctionalInterface
    private interface Exporter {
        ExportResult write(AuditReader rows, ChainHead head) throws IOException, AuditReadException;
    }

    /**
     * @param supervisor  connections as the supervisor's own login
     * @param workstation where the supervisor sits, recorded with each action
     * @param reader      the screen's reader, told of each review so it shows it; may be {@code null}
     */
    public ServerSupervisorActions(ServerConnections supervisor, String workstation, Clock clock,
                                   ServerAuditReader reader) {
        this.connections = supervisor;
        this.workstation = workstation;
        this.clock = clock;
        this.reader = reader;
    }

    /** Rows per round trip of an export's stream (tests make it small, so a short log takes several). */
    ServerSupervisorActions fetchRows(int rows) {
        this.fetchRows = rows;
        return this;
    }

    /** The login every action is recorded under. */
    public String login() {
        return connections.url().user();
    }

    /**
     * Records the supervisor's sign-in (OPEN_AUDIT): the first call with their login, so a wrong password or a login
     * that is not a supervisor's fails here, with words for the screen.
     *
     * @return the access event's seq
     */
    public long signIn(String detail) throws AuditWriteException {
        return record(AccessEvent.Action.OPEN_AUDIT, detail);
    }

    /** Records an action that has no function of its own (the server refuses reviews, purges and not-shown marks). */
    public long record(AccessEvent.Action action, String detail) throws AuditWriteException {
        try (Connection c = connections.open();
             PreparedStatement ps = c.prepareStatement("SELECT waiverdesk.record_action(?, ?, ?, ?)")) {
            ps.setLong(1, clock.millis());
            ps.setString(2, workstation);
            ps.setString(3, action.name());
            ps.setString(4, detail);
            return single(ps);
        } catch (SQLException e) {
            throw writeFailed(e, "record the access");
        }
    }

    /**
     * Approves or rejects the paper entry {@code seq}; the server checks and records it in one transaction.
     *
     * @throws ReviewRefusedException when it may not be reviewed (nothing was recorded)
     */
    public Review review(long seq, boolean approve, String reason) throws ReviewRefusedException,
            AuditWriteException {
        String why = reason == null ? "" : reason.strip();
        Instant time = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try (Connection c = connections.open();
             PreparedStatement ps = c.prepareStatement("SELECT waiverdesk.review_entry(?, ?, ?, ?, ?)")) {
            ps.setLong(1, time.toEpochMilli());
            ps.setString(2, workstation);
            ps.setLong(3, seq);
            ps.setBoolean(4, approve);
            ps.setString(5, why);
            single(ps);
        } catch (SQLException e) {
            ReviewRefusedException.Why refused = REFUSALS.get(e.getSQLState());
            if (refused != null) {
                throw new ReviewRefusedException(refused, seq);
            }
            throw writeFailed(e, "record the review of audit entry " + seq);
        }
        Review review = new Review(approve, why, login(), time, workstation);
        if (reader != null) {
            reader.reviewed(seq, review);
        }
        return review;
    }

    /** What became of one local review carried over to the server ({@link #importReview}). */
    public enum Imported {
        /** recorded now */
        RECORDED,
        /** the entry has a review on the server already (carried before, or reviewed there) */
        REVIEWED_ALREADY,
        /** no migrated entry with that id is on the server: its entries were not imported yet */
        NOT_ON_SERVER
    }

    /**
     * Records on the server, under this supervisor's login, the review that a workstation's local log holds for the
     * migrated paper entry {@code entryId} (its id from {@link LogMigration#entryId}); the reason says who reviewed it
     * there, at which window and when (the server keeps at most {@value ReviewRefusedException#MAX_REASON_LENGTH}
     * characters: a longer one is shortened, the local log keeps it whole).
     */
    public Imported importReview(UUID entryId, Review local) throws AuditWriteException {
        String reason = importedReason(local);
        try (Connection c = connections.open();
             PreparedStatement ps = c.prepareStatement("SELECT waiverdesk.import_review(?, ?, ?, ?, ?)")) {
            ps.setLong(1, clock.millis());
            ps.setString(2, workstation);
            ps.setObject(3, entryId);
            ps.setBoolean(4, local.approved());
            ps.setString(5, reason);
            single(ps);
            return Imported.RECORDED;
        } catch (SQLException e) {
            ReviewRefusedException.Why refused = REFUSALS.get(e.getSQLState());
            if (refused == ReviewRefusedException.Why.ALREADY_REVIEWED) {
                return Imported.REVIEWED_ALREADY;
            }
            if (refused == ReviewRefusedException.Why.NO_SUCH_ENTRY) {
                return Imported.NOT_ON_SERVER;
            }
            throw writeFailed(e, "carry over the local review of a migrated entry");
        }
    }

    /** "local review by NAME at WINDOW, TIME: REASON", within the server's limit. */
    static String importedReason(Review local) {
        String head = "local review by " + local.supervisor() + " at " + local.workstation() + ", "
                + local.time().truncatedTo(ChronoUnit.SECONDS);
        String reason = local.reason() == null ? "" : local.reason().strip();
        String whole = reason.isEmpty() ? head : head + ": " + reason;
        int limit = ReviewRefusedException.MAX_REASON_LENGTH;
        if (whole.codePointCount(0, whole.length()) <= limit) {
            return whole;
        }
        return whole.substring(0, whole.offsetByCodePoints(0, limit - 1)) + "\u2026";
    }

    /**
     * Anchors both chains' heads on the server, then purges the entries the server received before {@code before};
     * the server refuses a day younger than its retention period (at least 180 days) and records the purge.
     */
    public PurgeResult purgeBefore(Instant before) throws AuditWriteException {
        try (Connection c = connections.open()) {
            c.setAutoCommit(false);
            try {
                // the anchor holds the heads' rows until the commit, so the facts read next are the ones it recorded
                ChainHead anchored = anchor(c);
                long purged;
                try (PreparedStatement ps = c.prepareStatement("SELECT waiverdesk.purge_before(?, ?, ?)")) {
                    ps.setLong(1, ChronoUnit.MICROS.between(Instant.EPOCH, before));
                    ps.setLong(2, clock.millis());
                    ps.setString(3, workstation);
                    purged = single(ps);
                }
                PurgeResult result;
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT purge_seq, purge_hash, access_seq"
                             + " FROM waiverdesk.chain_facts()")) {
                    rs.next();
                    result = new PurgeResult(purged, rs.getLong(1), rs.getString(2), rs.getLong(3),
                            purged > 0 ? anchored : null);
                }
                c.commit();
                return result;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                throw new AuditWriteException(AuditWriteException.Kind.UNAVAILABLE, "The audit server refused the"
                        + " purge: it keeps entries younger than its retention period (at least 180 days), and only"
                        + " supervisors purge.", e);
            }
            throw writeFailed(e, "purge the audit server");
        }
    }

    /** Records both chains' heads where desks cannot write. */
    public ChainHead anchor() throws AuditWriteException {
        try (Connection c = connections.open()) {
            c.setAutoCommit(false);
            ChainHead head = anchor(c);
            c.commit();
            return head;
        } catch (SQLException e) {
            throw writeFailed(e, "anchor the audit server's chains");
        }
    }

    /**
     * The filter's entries as a CSV file ({@link CsvExport}), recorded as EXPORT_CSV before a row is read and streamed
     * through one cursor, through the chain head the server anchored for it.
     */
    public ExportResult exportCsv(AuditFilter filter, Path target, ZoneId zone, EntryWords words,
                                  ProgressListener progress)
            throws IOException, AuditReadException, AuditWriteException {
        return export(AccessEvent.Action.EXPORT_CSV, filter, CSV_ROWS, (rows, head) ->
                new CsvExport(rows, zone, clock, words).write(filter, head, target, progress));
    }

    /** As {@link #exportCsv}, as a FHIR Bundle ({@link FhirExport}), recorded as EXPORT_FHIR. */
    public ExportResult exportFhir(AuditFilter filter, Path target, ZoneId zone, String serviceAddress,
                                   ProgressListener progress)
            throws IOException, AuditReadException, AuditWriteException {
        return export(AccessEvent.Action.EXPORT_FHIR, filter, ALL_ROWS, (rows, head) ->
                new FhirExport(rows, zone, clock, serviceAddress).write(filter, head, target, progress));
    }

    private ExportResult export(AccessEvent.Action action, AuditFilter filter, Cursor cursor, Exporter exporter)
            throws IOException, AuditReadException, AuditWriteException {
        try (Connection c = connections.open()) {
            long ticket = exportTicket(c, action, filter);
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                ExportResult result = stream(c, ticket, filter, cursor, exporter);
                c.commit();
                return result;
            } catch (SQLException | IOException | AuditReadException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw new AuditReadException(AuditWriteException.Kind.UNAVAILABLE, "Could not read the export's entries"
                    + " from the audit server: " + ServerConnections.describe(e, connections.url()) + ".", e);
        }
    }

    /** Records the export in a transaction of its own; its access seq is the ticket to its rows. */
    private long exportTicket(Connection c, AccessEvent.Action action, AuditFilter filter)
            throws AuditWriteException {
        try (PreparedStatement ps = c.prepareStatement("SELECT waiverdesk.export_begin(?, ?, ?, "
                + ServerFilter.ROW + ")")) {
            ps.setLong(1, clock.millis());
            ps.setString(2, workstation);
            ps.setString(3, action.name());
            ServerFilter.bind(ps, 4, filter);
            return single(ps);
        } catch (SQLException e) {
            throw writeFailed(e, "record the export");
        }
    }

    private ExportResult stream(Connection c, long ticket, AuditFilter filter, Cursor opened, Exporter exporter)
            throws SQLException, IOException, AuditReadException {
        String cursor;
        long total;
        ChainHead head;
        try (PreparedStatement ps = c.prepareStatement("SELECT rows, total, checks_seq, checks_hash, access_seq,"
                + " access_hash, anchored_us FROM waiverdesk." + opened.function() + "(?, " + ServerFilter.ROW + ")")) {
            ps.setLong(1, ticket);
            ServerFilter.bind(ps, 2, filter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                cursor = rs.getString(1);
                total = rs.getLong(2);
                head = new ChainHead(Instant.EPOCH.plus(rs.getLong(7), ChronoUnit.MICROS), rs.getLong(3),
                        rs.getString(4), rs.getLong(5), rs.getString(6));
            }
        }
        String fetch = "FETCH FORWARD " + fetchRows + " FROM " + ServerAdmin.quote(cursor);
        try (PreparedStatement one = c.prepareStatement(fetch); PreparedStatement two = c.prepareStatement(fetch);
             ServerExportStream rows = new ServerExportStream(filter, total, head.seq(),
                     new PreparedStatement[] {one, two}, opened.rows(), fetchRows, connections.url())) {
            return exporter.write(rows, head);
        }
    }

    /** Anchors in the connection's transaction and returns the heads it recorded. */
    private static ChainHead anchor(Connection c) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("SELECT waiverdesk.anchor()")) {
            id = single(ps);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT anchored_us, checks_seq, checks_hash, access_seq,"
                + " access_hash FROM waiverdesk.anchors() WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new ChainHead(Instant.EPOCH.plus(rs.getLong(1), ChronoUnit.MICROS), rs.getLong(2),
                        rs.getString(3), rs.getLong(4), rs.getString(5));
            }
        }
    }

    private static long single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private AuditWriteException writeFailed(SQLException e, String action) {
        String words = ServerConnections.describe(e, connections.url());
        LOG.log(System.Logger.Level.WARNING, "could not {0}: {1} (SQL state {2})", action, words, e.getSQLState());
        return new AuditWriteException(AuditWriteException.Kind.UNAVAILABLE, "Could not " + action + ": " + words
                + ".", e);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "rolling back the export's transaction failed", e);
        }
    }
}
