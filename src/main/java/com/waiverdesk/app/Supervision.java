package com.waiverdesk.app;

import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AccessLog;
import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.AuditReadException;
import com.waiverdesk.audit.AuditReader;
import com.waiverdesk.audit.AuditStats;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.IdHasher;
import com.waiverdesk.audit.IntegrityReport;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.audit.PurgeResult;
import com.waiverdesk.audit.Review;
import com.waiverdesk.audit.ReviewRefusedException;
import com.waiverdesk.audit.SqliteAuditLog;
import com.waiverdesk.audit.SqliteAuditReader;
import com.waiverdesk.audit.export.CsvExport;
import com.waiverdesk.audit.export.ExportResult;
import com.waiverdesk.audit.export.FhirExport;
import com.waiverdesk.domain.InvalidInputException;
import com.waiverdesk.domain.ResidentId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The supervisor's side of one audit database, composed once for the screen and for the {@code audit} commands:
 * search, exports (each carrying the chain head), verification, purge, statistics, the passphrase, and the access
 * log that records each of them. Blocking; never on the FX thread.
 */
public final class Supervision implements AutoCloseable {
    /** Entries are kept at least this long (Cybersecurity Law art. 21: six months). */
    public static final int MIN_RETENTION_DAYS = 180;

    private final Config config;
    private final SqliteAuditLog log;
    private final SqliteAuditReader reader;
    private final IdHasher idHasher;
    private final SupervisorCredential credential;
    private final SupervisorCredential itCredential;
    private final Clock clock;

    private Supervision(Config config, SqliteAuditLog log, SqliteAuditReader reader, IdHasher idHasher,
                        SupervisorCredential credential, SupervisorCredential itCredential, Clock clock) {
        this.config = config;
        this.log = log;
        this.reader = reader;
        this.idHasher = idHasher;
        this.credential = credential;
        this.itCredential = itCredential;
        this.clock = clock;
    }

    /** Opens the configured audit database (creating it if new) with its key and anchor file. */
    public static Supervision open(Config config) throws AuditWriteException, AuditReadException {
        Clock clock = Clock.systemDefaultZone();
        Path database = localLog(config);
        byte[] key = Wiring.auditKey(config);
        SqliteAuditLog log = SqliteAuditLog.open(database, key);
        try {
            SqliteAuditReader reader = SqliteAuditReader.open(database);
            reader.prepareNameSearch();
            return new Supervision(config, log, reader, new IdHasher(key),
                    SupervisorCredential.beside(database, clock),
                    SupervisorCredential.itBeside(database, clock), clock);
        } catch (AuditReadException | RuntimeException e) {
            log.close();
            throw e;
        }
    }

    /**
     * The SQLite log this workstation keeps for itself: the audit database; with the audit trail on a server, a file
     * beside the spool (never the spool itself) that holds only IT's settings sign-ins and their passphrase, since
     * the supervisor's screen reads and records on the server ({@code ServerSupervision}).
     */
    public static Path localLog(Config config) {
        return config.isAuditServer() ? config.auditDatabase().resolveSibling("workstation-access.db")
                : config.auditDatabase();
    }

    /** Records who did what, before it is done; if it cannot be recorded, it must not be done. */
    public void record(String supervisor, AccessEvent.Action action, String detail) throws AuditWriteException {
        log.record(new AccessEvent(clock.instant(), supervisor, config.workstation(), action, detail));
    }

    /**
     * Records the supervisor's review of a paper-certificate entry in the access chain, the recording being the review
     * itself: refused (nothing written) for an entry that is not paper, one reviewed already (the first review
     * counts), and a rejection without a reason.
     *
     * @return the review as recorded
     */
    public Review review(long seq, boolean approve, String reason, String supervisor)
            throws ReviewRefusedException, AuditWriteException {
        Instant time = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        log.recordReview(seq, approve, reason, time, supervisor, config.workstation());
        return new Review(approve, reason == null ? "" : reason.strip(), supervisor, time, config.workstation());
    }

    /** The CSV with the codes' words in the configured language ({@code --lang}). */
    public ExportResult exportCsv(AuditFilter filter, Path target, ProgressListener progress)
            throws IOException, AuditReadException, AuditWriteException {
        return exportCsv(filter, target, config.locale(), progress);
    }

    /** The CSV with the codes' words in {@code language} (the screen's, for an export from the window). */
    public ExportResult exportCsv(AuditFilter filter, Path target, Locale language, ProgressListener progress)
            throws IOException, AuditReadException, AuditWriteException {
        return new CsvExport(reader, ZoneId.systemDefault(), clock, new AuditVocabulary(language))
                .write(filter, log.writeAnchor(), target, progress);
    }

    public ExportResult exportFhir(AuditFilter filter, Path target, ProgressListener progress)
            throws IOException, AuditReadException, AuditWriteException {
        // an entry gives the service it asked; an entry from before schema 3 did not record it, so no address
        return new FhirExport(reader, ZoneId.systemDefault(), clock, null)
                .write(filter, log.writeAnchor(), target, progress);
    }

    public IntegrityReport verify(ProgressListener progress) throws AuditReadException {
        return log.verify(progress);
    }

    /** Purges entries before the day, never younger than {@link #MIN_RETENTION_DAYS}; anchors first, records itself. */
    public PurgeResult purge(LocalDate before, String supervisor, int retentionDays) throws AuditWriteException {
        return log.purge(before, supervisor, config.workstation(), Math.max(MIN_RETENTION_DAYS, retentionDays));
    }

    public AuditStats stats() throws AuditReadException {
        return log.stats();
    }

    /** The keyed hash of a resident ID, for an exact-ID search; the ID must be valid. */
    public String hashOf(String rawId) throws InvalidInputException {
        return idHasher.hash(ResidentId.parse(rawId, LocalDate.now(clock)).value());
    }

    public AuditReader reader() {
        return reader;
    }

    public AccessLog accessLog() {
        return log;
    }

    public SupervisorCredential credential() {
        return credential;
    }

    /** IT's passphrase in front of the settings screen: separate from the supervisor's, with its own lock-out. */
    public SupervisorCredential itCredential() {
        return itCredential;
    }

    public IdHasher idHasher() {
        return idHasher;
    }

    public String workstation() {
        return config.workstation();
    }

    public String operatorId() {
        return config.operatorId();
    }

    @Override
    public void close() {
        try {
            reader.close();
        } finally {
            log.close();
        }
    }
}
