package com.waiverdesk.app;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.server.ServerAuditLog;
import com.waiverdesk.audit.server.ServerConnections;
import com.waiverdesk.audit.server.ServerPolicy;
import com.waiverdesk.audit.server.ServerUrl;
import com.waiverdesk.audit.spool.AuditSpool;
import com.waiverdesk.audit.spool.EntrySink;
import com.waiverdesk.audit.spool.SpoolingAuditLog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A desk's audit log on the hospital's audit server (docs/hospital-deployment.md): entries go to the server through
 * {@link ServerAuditLog}, or into the local spool when it cannot take them within {@link #APPEND_BUDGET}; the
 * hospital's ID-hash key and the newest policy version come from the server and are kept in the spool for the days it
 * cannot be reached. Blocking: network and disk.
 */
public final class ServerAudit implements AutoCloseable {
    /** How long a check waits for the server before its entry goes to the spool instead. */
    static final Duration APPEND_BUDGET = Duration.ofSeconds(2);
    private static final System.Logger LOG = System.getLogger(ServerAudit.class.getName());
    private static final String KEY_SETTING = "idHashKey";
    private static final String POLICY_SETTING = "policy";
    private static final String POLICY_ID_SETTING = "policyId";

    private final ServerAuditLog server;
    private final AuditSpool spool;
    private final SpoolingAuditLog log;
    private final byte[] idHashKey;

    private ServerAudit(ServerAuditLog server, AuditSpool spool, SpoolingAuditLog log, byte[] idHashKey) {
        this.server = server;
        this.spool = spool;
        this.log = log;
        this.idHashKey = idHashKey;
    }

    /**
     * Opens the spool and, when this workstation has never had it, fetches the hospital's ID-hash key.
     *
     * @param password the desk login's password, or {@code null} for {@code ~/.pgpass} / PGPASSFILE
     * @throws AuditWriteException the spool cannot be used, or the key is neither kept nor to be had from the server
     */
    public static ServerAudit open(Config config, char[] password, Clock clock) throws AuditWriteException {
        ServerUrl url = ServerUrl.parse(config.auditServer());
        Duration budget = config.timeout().compareTo(APPEND_BUDGET) < 0 ? config.timeout() : APPEND_BUDGET;
        ServerAuditLog server = new ServerAuditLog(new ServerConnections(url, password, budget));
        AuditSpool spool = AuditSpool.open(config.auditDatabase());
        try {
            byte[] key = spool.setting(KEY_SETTING).orElse(null);
            if (key == null) {
                try {
                    key = server.idHashKey();
                } catch (AuditWriteException e) {
                    throw new AuditWriteException(AuditWriteException.Kind.UNAVAILABLE, e.getMessage() + ". This"
                            + " workstation has not reached the audit server before, so it cannot record checks yet:"
                            + " start it again when the server answers (IT: `waiverdesk audit server status`)", e);
                }
                spool.putSetting(KEY_SETTING, key);
            }
            SpoolingAuditLog log = new SpoolingAuditLog(sink(server), spool, clock, budget);
            return new ServerAudit(server, spool, log, key);
        } catch (AuditWriteException | RuntimeException e) {
            spool.close();
            server.close();
            throw e;
        }
    }

    /**
     * The newest policy version IT keeps on the server, else the one kept from the last time it answered; empty when
     * IT keeps none there (the desk's own policy file, or the bundled one, applies).
     */
    public Optional<ServerPolicy> policy() {
        try {
            Optional<ServerPolicy> current = server.currentPolicy();
            if (current.isPresent()) {
                spool.putSetting(POLICY_SETTING, current.get().body().getBytes(StandardCharsets.UTF_8));
                spool.putSetting(POLICY_ID_SETTING, Long.toString(current.get().version())
                        .getBytes(StandardCharsets.UTF_8));
            }
            return current;
        } catch (AuditWriteException e) {
            LOG.log(System.Logger.Level.WARNING, "the audit server did not give its policy ({0}): using the one kept"
                    + " from before, if any", e.getMessage());
            try {
                Optional<byte[]> body = spool.setting(POLICY_SETTING);
                Optional<byte[]> version = spool.setting(POLICY_ID_SETTING);
                return body.map(b -> new ServerPolicy(version.map(v -> Long.parseLong(new String(v,
                        StandardCharsets.UTF_8))).orElse(0L), null, null, new String(b, StandardCharsets.UTF_8)));
            } catch (AuditWriteException kept) {
                return Optional.empty();
            }
        }
    }

    public SpoolingAuditLog log() {
        return log;
    }

    public byte[] idHashKey() {
        return idHashKey.clone();
    }

    public ServerUrl url() {
        return server.url();
    }

    @Override
    public void close() {
        try {
            log.close();
        } finally {
            try {
                spool.close();
            } finally {
                server.close();
            }
        }
    }

    private static EntrySink sink(ServerAuditLog server) {
        return new EntrySink() {
            @Override
            public long append(UUID entryId, AuditEntry entry, Long spooledMs) throws AuditWriteException {
                return server.append(entryId, entry, spooledMs);
            }

            @Override
            public void markNotShown(UUID entryId, Instant time, String operator, String workstation)
                    throws AuditWriteException {
                server.markNotShown(entryId, time, operator, workstation);
            }

            @Override
            public void seal() throws AuditWriteException {
                server.seal();
            }
        };
    }
}
