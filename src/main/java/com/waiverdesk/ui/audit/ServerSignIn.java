package com.waiverdesk.ui.audit;

import com.waiverdesk.app.Config;
import com.waiverdesk.app.ServerSupervision;
import com.waiverdesk.app.SupervisorCredential.Result;
import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AccessLog;
import com.waiverdesk.audit.AuditCharts;
import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.AuditPage;
import com.waiverdesk.audit.AuditReadException;
import com.waiverdesk.audit.AuditReader;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.ChainReport;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.audit.Review;
import com.waiverdesk.audit.ReviewPage;
import com.waiverdesk.audit.ReviewRefusedException;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.audit.AuditWriteException.Kind;
import com.waiverdesk.domain.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The supervisor's screen on the hospital's audit server: the sign-in is the supervisor's own server login, checked by
 * the server (no passphrase file, first use or lock-out here), and every read, export, verification, review and purge
 * goes through the {@link ServerSupervision} of that login, which the server records under it. Until the sign-in the
 * reader, access log and actions refuse. Blocking; never on the FX thread.
 */
public final class ServerSignIn implements SupervisorGate, AutoCloseable {
    private final Config config;
    private final Clock clock;
    private volatile ServerSupervision session;

    public ServerSignIn(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** What the screen needs, bound to whoever signs in. */
    public AuditServices services() {
        return new AuditServices(new Reader(), new Access(), new Actions(), this, this::hash, config.workstation(),
                AuditServices.MIN_RETENTION_DAYS, this::close);
    }

    @Override
    public boolean onServer() {
        return true;
    }

    @Override
    public boolean isSet() {
        return true;
    }

    @Override
    public Optional<Instant> lockedUntil() {
        return Optional.empty();
    }

    @Override
    public int attemptsLeft() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Result set(char[] passphrase) {
        return Result.ALREADY_SET;
    }

    @Override
    public Result login(char[] passphrase) {
        return Result.WRONG_PASSPHRASE; // a server login needs its name
    }

    @Override
    public Result login(String supervisor, char[] password) throws IOException {
        try {
            ServerSupervision opened = ServerSupervision.signIn(config, supervisor, password, clock);
            ServerSupervision previous = session;
            session = opened;
            if (previous != null) {
                previous.close();
            }
            return Result.ACCEPTED;
        } catch (ServerSupervision.SignInRefused e) {
            return Result.WRONG_PASSPHRASE;
        }
    }

    @Override
    public Result change(char[] oldPassphrase, char[] newPassphrase) {
        return Result.WRONG_PASSPHRASE;
    }

    @Override
    public void close() {
        ServerSupervision open = session;
        session = null;
        if (open != null) {
            open.close();
        }
    }

    private ServerSupervision session() throws AuditReadException {
        ServerSupervision open = session;
        if (open == null) {
            throw new AuditReadException(Kind.UNAVAILABLE, "not signed in to the audit server", null);
        }
        return open;
    }

    private ServerSupervision writing() throws AuditWriteException {
        ServerSupervision open = session;
        if (open == null) {
            throw new AuditWriteException(Kind.UNAVAILABLE, "not signed in to the audit server", null);
        }
        return open;
    }

    private String hash(String rawId) {
        try {
            return session().hashOf(rawId);
        } catch (AuditReadException | InvalidInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The signed-in supervisor's reads. */
    private final class Reader implements AuditReader {
        @Override
        public AuditPage page(AuditFilter filter, long beforeSeq, int size) throws AuditReadException {
            return session().reader().page(filter, beforeSeq, size);
        }

        @Override
        public long count(AuditFilter filter) throws AuditReadException {
            return session().reader().count(filter);
        }

        @Override
        public Optional<StoredEntry> entry(long seq) throws AuditReadException {
            return session().reader().entry(seq);
        }

        @Override
        public boolean notShown(long seq) throws AuditReadException {
            return session().reader().notShown(seq);
        }

        @Override
        public ReviewPage reviewQueue(long afterSeq, int size) throws AuditReadException {
            return session().reader().reviewQueue(afterSeq, size);
        }

        @Override
        public long pendingReviews() throws AuditReadException {
            return session().reader().pendingReviews();
        }

        @Override
        public Optional<Review> review(long seq) throws AuditReadException {
            return session().reader().review(seq);
        }

        @Override
        public AuditCharts charts(AuditFilter filter, ZoneId zone) throws AuditReadException {
            return session().reader().charts(filter, zone);
        }

        @Override
        public List<String> errorKeys() throws AuditReadException {
            return session().reader().errorKeys();
        }

        @Override
        public void close() {
            // the session closes with the screen (AuditServices.onClose)
        }
    }

    /** The screen's records: the server records its reads by itself; the opening and the rest through it. */
    private final class Access implements AccessLog {
        @Override
        public long record(AccessEvent event) throws AuditWriteException {
            return writing().record(event.action(), event.detail());
        }
    }

    private final class Actions implements AuditActions {
        @Override
        public Path exportCsv(AuditFilter filter, Path target, Locale language, ProgressListener progress)
                throws IOException, AuditReadException {
            try {
                return session().exportCsv(filter, target, language, progress).file();
            } catch (AuditWriteException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        @Override
        public Path exportFhir(AuditFilter filter, Path target, ProgressListener progress)
                throws IOException, AuditReadException {
            try {
                return session().exportFhir(filter, target, progress).file();
            } catch (AuditWriteException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        @Override
        public ChainReport verify(ProgressListener progress) throws AuditReadException {
            return SupervisionActions.firstProblem(session().verify(progress));
        }

        @Override
        public long purge(Instant before, ProgressListener progress) throws AuditWriteException {
            return writing().purge(before).purgedEntries();
        }

        @Override
        public Review review(long seq, boolean approve, String reason, String supervisor)
                throws ReviewRefusedException, AuditWriteException {
            return writing().review(seq, approve, reason);
        }
    }
}
