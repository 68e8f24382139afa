package com.waiverdesk.app;

import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.AuditReadException;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.IdHasher;
import com.waiverdesk.audit.IntegrityReport;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.audit.PurgeResult;
import com.waiverdesk.audit.Review;
import com.waiverdesk.audit.ReviewRefusedException;
import com.waiverdesk.audit.export.ExportResult;
import com.waiverdesk.audit.server.ServerAuditReader;
import com.waiverdesk.audit.server.ServerChainVerifier;
import com.waiverdesk.audit.server.ServerConnections;
import com.waiverdesk.audit.server.ServerSupervisorActions;
import com.waiverdesk.audit.server.ServerUrl;
import com.waiverdesk.domain.InvalidInputException;
import com.waiverdesk.domain.ResidentId;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * A supervisor signed in to the hospital's audit server with their own PostgreSQL login (docs/hospital-deployment.md):
 * the screen's reads, exports, verification, reviews and purge, each done by a server function that records it under
 * that login. No passphrase file on the workstation: the server decides who may sign in (its roles and pg_hba.conf).
 * Blocking: network; never on the FX thread.
 */
public final class ServerSupervision implements AutoCloseable {
    /** What the server's own functions record as they run; the screen's record of them would only repeat it. */
    private static final Set<AccessEvent.Action> SELF_RECORDED = Set.of(AccessEvent.Action.SEARCH,
            AccessEvent.Action.VIEW_ENTRY, AccessEvent.Action.EXPORT_CSV, AccessEvent.Action.EXPORT_FHIR,
            AccessEvent.Action.VERIFY, AccessEvent.Action.PURGE);

    private final ServerConnections connections;
    private final String workstation;
    private final Clock clock;
    private final ServerAuditReader reader;
    private final ServerSupervisorActions actions;
    private final IdHasher idHasher;

    private ServerSupervision(ServerConnections connections, String workstation, Clock clock, byte[] idKey) {
        this.connections = connections;
        this.workstation = workstation;
        this.clock = clock;
        this.reader = new ServerAuditReader(connections, workstation, clock);
        this.actions = new ServerSupervisorActions(connections, workstation, clock, reader);
        this.idHasher = new IdHasher(idKey);
    }

    /** Why a sign-in did not succeed. */
    public enum Refusal { WRONG_LOGIN_OR_PASSWORD, NOT_A_SUPERVISOR }

    /** A sign-in the server refused; nothing was opened. */
    public static final class SignInRefused extends Exception {
        private static final long serialVersionUID = 1L;
        private final Refusal refusal;

        SignInRefused(Refusal refusal) {
            super(refusal.name());
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /**
     * Signs in as {@code login} on the configured audit server: the server checks the password (and pg_hba.conf), this
     * checks that the login is a supervisor's. Nothing is recorded yet: the screen records the opening next.
     *
     * @throws SignInRefused the login or password is wrong, or the login is not a supervisor's
     * @throws IOException   the server cannot be reached or failed, in words for the screen
     */
    public static ServerSupervision signIn(Config config, String login, char[] password, Clock clock)
            throws SignInRefused, IOException {
        ServerConnections connections;
        try {
            connections = new ServerConnections(ServerUrl.parse(config.auditServer()).withUser(login), password,
                    config.timeout().compareTo(Duration.ofSeconds(10)) > 0 ? config.timeout() : Duration.ofSeconds(10))
                    .boundedOnServer();
        } catch (IllegalArgumentException e) {
            throw new SignInRefused(Refusal.WRONG_LOGIN_OR_PASSWORD);
        }
        try (Connection c = connections.open();
             PreparedStatement ps = c.prepareStatement("SELECT pg_has_role(session_user, 'waiverdesk_supervisor',"
                     + " 'MEMBER'), waiverdesk.id_hash_key()")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new SignInRefused(Refusal.NOT_A_SUPERVISOR);
                }
                return new ServerSupervision(connections, config.workstation(), clock, rs.getBytes(2));
            }
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.equals("28P01") || state.equals("28000") || state.equals("08004")) {
                throw new SignInRefused(Refusal.WRONG_LOGIN_OR_PASSWORD);
            }
            if (state.equals("42501")) {
                // a login of no WaiverDesk group: the key's function is not theirs
                throw new SignInRefused(Refusal.NOT_A_SUPERVISOR);
            }
            throw new IOException(ServerConnections.describe(e, connections.url()), e);
        }
    }

    /** The login every action is recorded under. */
    public String login() {
        return actions.login();
    }

    public ServerAuditReader reader() {
        return reader;
    }

    /**
     * Records a screen action that the server does not record by itself (the opening, a passphrase step that does not
     * apply here is refused by the server); the reads, exports, verification and purge are recorded by their own
     * functions as they run, so their screen record is not sent again.
     *
     * @return the access event's seq, or 0 when the action's own function records it
     */
    public long record(AccessEvent.Action action, String detail) throws AuditWriteException {
        return SELF_RECORDED.contains(action) ? 0 : actions.record(action, detail);
    }

    public ExportResult exportCsv(AuditFilter filter, Path target, Locale language, ProgressListener progress)
            throws IOException, AuditReadException, AuditWriteException {
        return actions.exportCsv(filter, target, ZoneId.systemDefault(), new AuditVocabulary(language), progress);
    }

    public ExportResult exportFhir(AuditFilter filter, Path target, ProgressListener progress)
            throws IOException, AuditReadException, AuditWriteException {
        return actions.exportFhir(filter, target, ZoneId.systemDefault(), null, progress);
    }

    /** Walks the server's chains and anchors, recomputing every hash here. */
    public IntegrityReport verify(ProgressListener progress) throws AuditReadException {
        try {
            return new ServerChainVerifier(connections).verify(workstation, clock.instant(), progress);
        } catch (SQLException e) {
            throw new AuditReadException(AuditWriteException.Kind.UNAVAILABLE,
                    ServerConnections.describe(e, connections.url()), e);
        }
    }

    /** Anchors, then purges what the server received before the day; the server keeps its retention period. */
    public PurgeResult purge(Instant before) throws AuditWriteException {
        return actions.purgeBefore(before);
    }

    public Review review(long seq, boolean approve, String reason) throws ReviewRefusedException,
            AuditWriteException {
        return actions.review(seq, approve, reason);
    }

    /** The hospital's keyed hash of a resident ID, for an exact-ID search across every window. */
    public String hashOf(String rawId) throws InvalidInputException {
        return idHasher.hash(ResidentId.parse(rawId, LocalDate.now(clock)).value());
    }

    @Override
    public void close() {
        reader.close();
    }
}
