package com.waiverdesk.audit;

import com.waiverdesk.audit.AuditWriteException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit log in one SQLite file: each append is its own durable, hash-chained transaction, and several windows or
 * processes may append to the same file because {@code BEGIN IMMEDIATE} serializes them into one linear chain per
 * table (check entries, access events). Opened with the audit key, it also anchors both chains' heads in a signed
 * file beside the database ({@link AnchorFile}) on the first write of each day and at close.
 *
 * <p>One connection per instance; every method is synchronized. A long {@link #verify} therefore delays this
 * instance's appends: the supervisor's screens should open their own instance.
 */
public final class SqliteAuditLog implements AuditLog, AccessLog {
    /** Rides out another window's commit (milliseconds) yet reports a stuck lock long before a clerk gives up. */
    public static final Duration BUSY_TIMEOUT = Duration.ofSeconds(2);

    private static final System.Logger LOG = System.getLogger(SqliteAuditLog.class.getName());
    private static final String SELECT = AuditChain.CHECKS.selectLinks();
    private static final int PREV_HASH = AuditChain.CHECKS.prevHashColumn();

    private final Connection connection;
    private final Anchorer anchorer;
    private final String logId;
    private final Clock clock;
    private boolean closed;

    private SqliteAuditLog(Connection connection, Anchorer anchorer, String logId, Clock clock) {
        this.connection = connection;
        this.anchorer = anchorer;
        this.logId = logId;
        this.clock = clock;
    }

    /** Opens (creating the file and its folders if needed) the audit database at {@code file}, without anchors. */
    public static SqliteAuditLog open(Path file) throws AuditWriteException {
        return open(file, (AnchorFile) null);
    }

    /** Opens the log at {@code file} with its anchor file beside it ({@link AnchorFile#beside(Path, byte[])}). */
    public static SqliteAuditLog open(Path file, byte[] auditKey) throws AuditWriteException {
        return open(file, AnchorFile.beside(file, auditKey));
    }

    /**
     * Opens the log from the {@code --audit-db} value: a {@code jdbc:sqlite:} URL (which may carry SQLite URI
     * parameters such as {@code mode=ro}) or a file path; without anchors.
     */
    public static SqliteAuditLog open(String jdbcUrlOrPath) throws AuditWriteException {
        return open(jdbcUrlOrPath, (AnchorFile) null);
    }

    /** As {@link #open(String)}, anchored in the file beside the database ({@link AnchorFile#beside(String, byte[])}). */
    public static SqliteAuditLog open(String jdbcUrlOrPath, byte[] auditKey) throws AuditWriteException {
        return open(jdbcUrlOrPath, AnchorFile.beside(jdbcUrlOrPath, auditKey));
    }

    /** As {@link #open(String)}, anchored in {@code anchors} ({@code null}: no anchors). */
    public static SqliteAuditLog open(String jdbcUrlOrPath, AnchorFile anchors) throws AuditWriteException {
        return jdbcUrlOrPath.startsWith("jdbc:") ? openUrl(jdbcUrlOrPath, anchors, Clock.systemDefaultZone())
                : open(Path.of(jdbcUrlOrPath), anchors);
    }

    private static SqliteAuditLog open(Path file, AnchorFile anchors) throws AuditWriteException {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            Kind kind = StorageProblems.kindOf(e, parent);
            throw new AuditWriteException(kind, "Could not create the folder for the audit database: " + parent
                    + (kind == Kind.READ_ONLY ? " (the file system or a folder above is read-only)"
                    : kind == Kind.DISK_FULL ? " (the disk is full)" : ""), e);
        }
        try {
            // SQLite would make it 0644 less the umask; its -wal and -shm files then copy this file's mode
            AuditFileModes.createIfAbsent(file.toAbsolutePath(), AuditFileModes.data(parent));
        } catch (IOException e) {
            Kind kind = StorageProblems.kindOf(e, file);
            throw new AuditWriteException(kind, "Could not create the audit database " + file.toAbsolutePath()
                    + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").", e);
        }
        return openUrl("jdbc:sqlite:" + file.toAbsolutePath(), anchors, Clock.systemDefaultZone());
    }

    /** For tests: the clock decides the anchors' days and the purge's retention. */
    static SqliteAuditLog openUrl(String url, AnchorFile anchors, Clock clock) throws AuditWriteException {
        Connection c = null;
        try {
            c = AuditConnections.open(url);
            if (anchors != null) {
                AuditConnections.claimKey(c, anchors.keyFingerprint());
            }
            String logId = AuditConnections.logId(c);
            return new SqliteAuditLog(c, anchors == null ? null : Anchorer.start(anchors, clock, logId), logId, clock);
        } catch (SQLException e) {
            AuditConnections.closeQuietly(c);
            throw SqliteErrors.write(e, "open the audit database", fileOf(url));
        } catch (RuntimeException e) {
            AuditConnections.closeQuietly(c);
            throw e;
        }
    }

    /** The database file of a {@code jdbc:sqlite:} URL, or {@code null} for one without a file. */
    private static Path fileOf(String url) {
        String s = url.startsWith("jdbc:sqlite:") ? url.substring("jdbc:sqlite:".length()) : url;
        s = s.startsWith("file:") ? s.substring("file:".length()) : s;
        s = s.indexOf('?') >= 0 ? s.substring(0, s.indexOf('?')) : s;
        try {
            return s.isBlank() || s.startsWith(":memory:") ? null : Path.of(s);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** Appends the entry as the next link of the check chain and returns its seq once committed. */
    @Override
    public synchronized long append(AuditEntry entry) throws AuditWriteException {
        return appendLink(AuditChain.CHECKS, EntryColumns.toColumns(entry), "write the audit entry");
    }

    /**
     * Appends the event as the next link of the access chain and returns its seq once committed.
     *
     * @throws IllegalArgumentException for a review: only {@link #recordReview} writes one, after its checks
     */
    @Override
    public synchronized long record(AccessEvent event) throws AuditWriteException {
        if (event.action() == AccessEvent.Action.REVIEW_APPROVED
                || event.action() == AccessEvent.Action.REVIEW_REJECTED) {
            throw new IllegalArgumentException("a review is recorded with recordReview, which checks the entry");
        }
        return appendLink(AuditChain.ACCESS, AccessColumns.toColumns(event), "record the access to the audit log");
    }

    @Override
    public synchronized long markNotShown(long seq, Instant time, String operator, String workstation)
            throws AuditWriteException {
        return record(AccessEvent.notShown(seq, time, operator, workstation));
    }

    /**
     * Records a supervisor's review of the paper entry {@code seq} as the next link of the access chain, in the same
     * transaction that checks it may be reviewed: it exists, it is a paper entry, and it has no review yet (the first
     * counts, even when two supervisors press at once). The reason is stored stripped; a rejection needs one, and
     * none may be longer than {@link ReviewRefusedException#MAX_REASON_LENGTH} characters.
     *
     * @return the review's sequence number in the access chain
     * @throws ReviewRefusedException when it may not be reviewed (nothing is written)
     */
    public synchronized long recordReview(long seq, boolean approved, String reason, Instant time, String supervisor,
                                          String workstation) throws AuditWriteException, ReviewRefusedException {
        String why = reason == null ? "" : reason.strip();
        if (!approved && why.isEmpty()) {
            throw new ReviewRefusedException(ReviewRefusedException.Why.REASON_REQUIRED, seq);
        }
        if (why.codePointCount(0, why.length()) > ReviewRefusedException.MAX_REASON_LENGTH) {
            throw new ReviewRefusedException(ReviewRefusedException.Why.REASON_TOO_LONG, seq);
        }
        String action = "record the review of audit entry " + seq;
        requireOpen(action);
        List<Object> values = AccessColumns.toColumns(AccessEvent.review(seq, approved, why, time, supervisor,
                workstation));
        long accessSeq;
        try {
            accessSeq = ImmediateTransaction.run(connection, s -> {
                refuseUnlessPending(seq);
                return ChainWriter.appendLink(connection, AuditChain.ACCESS, values);
            });
        } catch (SQLException e) {
            throw SqliteErrors.write(e, action);
        }
        anchorIfFirstOfTheDay();
        return accessSeq;
    }

    private void refuseUnlessPending(long seq) throws SQLException, ReviewRefusedException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT channel FROM audit_entry WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ReviewRefusedException(ReviewRefusedException.Why.NO_SUCH_ENTRY, seq);
                }
                if (!"PAPER".equals(rs.getString(1))) {
                    throw new ReviewRefusedException(ReviewRefusedException.Why.NOT_PAPER, seq);
                }
            }
        }
        if (Reviews.first(connection, seq).isPresent()) {
            throw new ReviewRefusedException(ReviewRefusedException.Why.ALREADY_REVIEWED, seq);
        }
    }

    private long appendLink(AuditChain chain, List<Object> values, String action) throws AuditWriteException {
        requireOpen(action);
        long seq;
        try {
            seq = ImmediateTransaction.run(connection, s -> ChainWriter.appendLink(connection, chain, values));
        } catch (SQLException e) {
            throw SqliteErrors.write(e, action);
        }
        anchorIfFirstOfTheDay();
        return seq;
    }

    private void anchorIfFirstOfTheDay() {
        if (anchorer != null && anchorer.firstWriteOfTheDay()) {
            try {
                anchorer.write(connection, true);
            } catch (SQLException | IOException e) {
                // the link is committed and stands; tomorrow's or the closing anchor covers it
                LOG.log(System.Logger.Level.WARNING, "Could not write the daily audit anchor: {0}", e.toString());
            }
        }
    }

    /** Both chains' heads as committed now: what an anchor records and every export embeds. */
    public synchronized ChainHead head() throws AuditReadException {
        try (Statement s = readable().createStatement()) {
            s.execute("BEGIN"); // one snapshot, so the two heads belong together
            try {
                return ChainWriter.head(connection, clock.instant());
            } finally {
                AuditSchema.rollbackQuietly(s);
            }
        } catch (SQLException e) {
            throw SqliteErrors.read(e, "read the head of the audit log");
        }
    }

    /**
     * Anchors both chains' current heads in the anchor file now (exports and purges call this) and returns them.
     *
     * @throws IllegalStateException when the log was opened without the audit key
     */
    public synchronized ChainHead writeAnchor() throws AuditWriteException {
        requireOpen("write an anchor");
        try {
            return requireAnchors().write(connection, true).head();
        } catch (SQLException e) {
            throw SqliteErrors.write(e, "write an anchor of the audit log");
        } catch (IOException e) {
            throw SqliteErrors.anchor(e, anchorer.file().path());
        }
    }

    /**
     * Walks both chains and checks them against the anchor file, reporting progress about every 10,000 entries.
     *
     * @throws java.util.concurrent.CancellationException when {@code listener} asks to stop
     */
    public synchronized IntegrityReport verify(ProgressListener listener) throws AuditReadException {
        try {
            return new IntegrityVerifier(readable(), anchorer == null ? null : anchorer.file(), logId).verify(listener);
        } catch (SQLException e) {
            throw SqliteErrors.read(e, "verify the audit log");
        } catch (IOException e) {
            throw new AuditReadException(Kind.UNAVAILABLE, "Could not read the anchor file "
                    + anchorer.file().path() + ": " + e.getMessage(), e);
        }
    }

    /** The check chain's part of {@link #verify}: for callers that only need to know whether checks were altered. */
    public ChainReport verifyChain() throws AuditReadException {
        return verify(ProgressListener.NONE).checks();
    }

    /**
     * Deletes the check entries written before {@code before} (workstation-local day), after anchoring, and records
     * who did it; the remaining log still verifies. Access events are kept.
     *
     * @param retentionDays the configured retention; values below 180 count as 180
     * @throws IllegalArgumentException when {@code before} would purge an entry younger than the retention
     * @throws IllegalStateException    when the log was opened without the audit key (a purge must be anchored)
     */
    public synchronized PurgeResult purge(LocalDate before, String supervisor, String workstation, int retentionDays)
            throws AuditWriteException {
        requireOpen("purge the audit log");
        Anchorer anchors = requireAnchors();
        PurgeResult result;
        try {
            result = RetentionPurge.run(connection, anchors, before, supervisor, workstation, retentionDays);
        } catch (SQLException e) {
            throw SqliteErrors.write(e, "purge the audit log");
        } catch (IOException e) {
            throw SqliteErrors.anchor(e, anchors.file().path());
        }
        try {
            anchors.write(connection, true); // anchors the PURGE event and the new start of the chain
        } catch (SQLException | IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not anchor the audit log after the purge: {0}", e.toString());
        }
        return result;
    }

    /** Counts, ages, size on disk, schema version and last anchor, for {@code audit stats}. */
    public synchronized AuditStats stats() throws AuditReadException {
        try {
            return AuditStats.read(readable(), anchorer);
        } catch (SQLException e) {
            throw SqliteErrors.read(e, "read the audit log statistics");
        } catch (IOException e) {
            throw new AuditReadException(Kind.UNAVAILABLE, "Could not read the audit log statistics: "
                    + e.getMessage(), e);
        }
    }

    /** Number of check entries in the log. */
    public synchronized long count() throws AuditReadException {
        try (Statement s = readable().createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_entry")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw SqliteErrors.read(e, "count the audit entries");
        }
    }

    /** The most recent entry, if any. */
    public Optional<StoredEntry> last() throws AuditReadException {
        return latest(1).stream().findFirst();
    }

    /** The {@code n} most recent entries, newest first. */
    public synchronized List<StoredEntry> latest(int n) throws AuditReadException {
        try (PreparedStatement ps = readable().prepareStatement(SELECT + " ORDER BY seq DESC LIMIT ?")) {
            ps.setInt(1, n);
            List<StoredEntry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(stored(rs));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw SqliteErrors.read(e, "read the audit entries");
        }
    }

    /** The settings in effect on this instance's connection, for diagnostics ({@code audit stats}) and tests. */
    public synchronized Settings settings() throws AuditReadException {
        try (Statement s = readable().createStatement()) {
            return new Settings(AuditConnections.stringPragma(s, "journal_mode"),
                    Integer.parseInt(AuditConnections.stringPragma(s, "synchronous")),
                    Integer.parseInt(AuditConnections.stringPragma(s, "user_version")));
        } catch (SQLException e) {
            throw SqliteErrors.read(e, "read the audit database settings");
        }
    }

    /**
     * Connection settings as SQLite reports them (the lock wait is {@link #BUSY_TIMEOUT}, enforced by this class).
     *
     * @param synchronous {@code 2} is FULL
     */
    public record Settings(String journalMode, int synchronous, int schemaVersion) {
    }

    /** Anchors the heads (unless the last anchor already holds them), then closes; failures are only logged. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (anchorer != null) {
            try {
                anchorer.write(connection, false);
            } catch (SQLException e) {
                // a read-only window cannot anchor, and need not: it wrote nothing
                LOG.log(SqliteErrors.kindOf(e) == Kind.READ_ONLY ? System.Logger.Level.INFO
                        : System.Logger.Level.WARNING, "Could not anchor the audit log at close: {0}", e.toString());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not anchor the audit log at close: {0}", e.toString());
            }
        }
        AuditConnections.closeQuietly(connection);
    }

    private StoredEntry stored(ResultSet rs) throws SQLException {
        long seq = rs.getLong(1);
        try {
            return new StoredEntry(seq, EntryColumns.fromColumns(EntryColumns.read(rs, 2)),
                    rs.getString(PREV_HASH), rs.getString(PREV_HASH + 1));
        } catch (IllegalArgumentException e) {
            throw new SQLException("audit entry " + seq + " holds a value this program never writes; verify the log",
                    null, 11, e);
        }
    }

    private void requireOpen(String action) throws AuditWriteException {
        if (closed) {
            throw new AuditWriteException(Kind.UNAVAILABLE, "Could not " + action + ": the audit log is closed.",
                    null);
        }
    }

    private Anchorer requireAnchors() {
        if (anchorer == null) {
            throw new IllegalStateException("The audit log was opened without the audit key, so it has no anchors");
        }
        return anchorer;
    }

    private Connection readable() throws SQLException {
        if (closed) {
            throw new SQLException("the audit log is closed");
        }
        return connection;
    }
}
