package com.waiverdesk.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.app.secret.SecretStore;
import com.waiverdesk.app.secret.SecretStoreException;
import com.waiverdesk.app.secret.SecretStores;
import com.waiverdesk.audit.AuditKey;
import com.waiverdesk.audit.AuditLog;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.CheckSource;
import com.waiverdesk.audit.IdHasher;
import com.waiverdesk.audit.SqliteAuditLog;
import com.waiverdesk.audit.StorageProblems;
import com.waiverdesk.domain.DepositPolicy;
import com.waiverdesk.mock.MockVerificationService;
import com.waiverdesk.verification.HealthStatus;
import com.waiverdesk.verification.EcertServiceClient;
import com.waiverdesk.verification.HttpVerificationClient;
import com.waiverdesk.verification.ecert.EcertVerifier;
import com.waiverdesk.verification.ServiceAccount;
import com.waiverdesk.verification.Sleeper;
import com.waiverdesk.verification.TlsSettings;
import com.waiverdesk.verification.VerificationHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * The composition root: builds a running {@link Desk} from a {@link Config} with plain constructors, one shared
 * {@link OkHttpClient} and one {@link ObjectMapper}. With no endpoint configured it starts the built-in demo service on
 * a free loopback port.
 */
public final class Wiring {
    private static final System.Logger LOG = System.getLogger(Wiring.class.getName());

    private Wiring() {
    }

    /**
     * Loads the policy, opens the audit database and connects the client. Blocking: disk, and the demo's start.
     *
     * @throws ConfigException     the policy or the secret cannot be used
     * @throws AuditWriteException the audit database or its key cannot be used
     */
    public static Desk start(Config config) throws ConfigException, AuditWriteException, IOException {
        return start(config, null);
    }

    /**
     * As {@link #start(Config)}, reading a secret that is not in a file from {@code store} (the settings screen's, which
     * is already open) instead of opening the workstation's store again; {@code null} opens it as {@link #start(Config)}.
     */
    public static Desk start(Config config, SecretStore store) throws ConfigException, AuditWriteException,
            IOException {
        ObjectMapper json = new ObjectMapper();
        PolicyLoader.Loaded loaded = loadPolicy(json, config);
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            // the account first: a missing secret is said before the audit database is made for nothing
            MockVerificationService demo = config.isDemo() ? startDemo(resources) : null;
            ServiceAccount account = demo != null ? demo.serviceAccount()
                    : store == null || config.secretFile() != null ? serviceAccount(config)
                    : serviceAccount(config, store);
            byte[] key;
            AuditLog audit;
            if (config.isAuditServer()) {
                ServerAudit server = ServerAudit.open(config, AuditServerPasswords.forDesk(config, store),
                        Clock.systemUTC());
                resources.add(server);
                key = server.idHashKey();
                audit = server.log();
                loaded = serverPolicy(json, server).orElse(loaded);
            } else {
                key = auditKey(config);
                SqliteAuditLog local = SqliteAuditLog.open(config.auditDatabase(), key);
                resources.add(local);
                audit = local;
            }
            DepositPolicy policy = loaded.policy();
            IdHasher hasher = new IdHasher(key);
            OkHttpClient http = httpClient(config);
            resources.add(() -> {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            });
            HttpVerificationClient client = new HttpVerificationClient(http, json, account, config.timeout(),
                    Clock.systemUTC(), Sleeper.SYSTEM);
            CheckSource source = new CheckSource(policy.id(), loaded.sha256(),
                    demo != null ? demo.baseUrl() : account.baseUrl(), demo != null, programVersion());
            CheckService checks = new CheckService(client, policy, audit, hasher, Clock.systemDefaultZone(),
                    config.workstation(), config.standardDeposit(), source);
            LOG.log(System.Logger.Level.INFO, "desk ready: {0}, policy {1}, workstation {2}",
                    config.isDemo() ? "built-in demo service" : "service " + config.endpoint(), policy.id(),
                    config.workstation());
            EcertServiceClient status = new EcertServiceClient(http, json, account, config::operatorId,
                    config.timeout(), Clock.systemUTC(), Sleeper.SYSTEM);
            // the pinned root (the demo's only on the demo desk; ConfigOptions has checked a configured one)
            EcertListStore ecertStore = EcertListStore.forConfig(config, Clock.systemUTC());
            ecertStore.load();
            EcertLists lists = new EcertLists(ecertStore, status, Clock.systemUTC());
            EcertVerifier verifier = new EcertVerifier(Clock.systemUTC(), config.ecert().maxTrustListAge(),
                    config.ecert().maxRevocationAge());
            return new Desk(config, checks, client, policy, resources, demo == null ? () -> { } : demo::preload,
                    new CityEcertJudge(verifier, lists::current, status), lists,
                    new PaperCentres(config.auditDatabase().toAbsolutePath().resolveSibling("paper-centres.txt")));
        } catch (ConfigException | AuditWriteException | IOException | RuntimeException e) {
            Desk.closeAll(resources);
            throw e;
        }
    }


    /**
     * The policy version IT keeps on the audit server (or the one kept from it), checked like a file: a broken one is
     * refused at start rather than deciding deposits.
     */
    private static java.util.Optional<PolicyLoader.Loaded> serverPolicy(ObjectMapper json, ServerAudit server)
            throws ConfigException {
        java.util.Optional<com.waiverdesk.audit.server.ServerPolicy> kept = server.policy();
        if (kept.isEmpty()) {
            return java.util.Optional.empty();
        }
        String origin = "policy version " + kept.get().version() + " on the audit server";
        try {
            return java.util.Optional.of(new PolicyLoader(json).loadWithDigest(
                    kept.get().body().getBytes(StandardCharsets.UTF_8), origin));
        } catch (PolicyException e) {
            throw new ConfigException("Deposit policy (" + origin + "): " + e.getMessage(), e);
        }
    }

    /**
     * One signed health check of a service that is not (yet) the desk's: the settings screen's "test connection",
     * with the same client, TLS settings and signature as a check. Blocking: network.
     *
     * @throws ConfigException the endpoint, CA bundle or a pin cannot be used
     */
    public static HealthStatus checkHealth(String endpoint, String accountId, byte[] secret,
                                           Path caBundle, List<String> pins,
                                           java.time.Duration timeout) throws ConfigException {
        OkHttpClient http;
        ServiceAccount account;
        try {
            String host = VerificationHttp.parseBaseUrl(endpoint).host();
            http = VerificationHttp.newOkHttpClient(new TlsSettings(caBundle, pins, host));
            account = new ServiceAccount(endpoint, accountId, secret);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        try {
            return new HttpVerificationClient(http, new ObjectMapper(), account, timeout, Clock.systemUTC(),
                    Sleeper.SYSTEM).checkHealth();
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** The demo on loopback needs no TLS settings; a configured endpoint gets its CA bundle and pins. */
    private static OkHttpClient httpClient(Config config) throws ConfigException {
        if (config.isDemo()) {
            return VerificationHttp.newLoopbackClient();
        }
        try {
            String host = VerificationHttp.parseBaseUrl(config.endpoint()).host();
            return VerificationHttp.newOkHttpClient(new TlsSettings(config.caBundle(), config.certificatePins(),
                    host));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    /** The version in the jar's manifest, {@code dev} when run from classes. */
    public static String programVersion() {
        String version = Wiring.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private static PolicyLoader.Loaded loadPolicy(ObjectMapper json, Config config) throws ConfigException {
        PolicyLoader loader = new PolicyLoader(json);
        try {
            return loader.loadWithDigest(config.policyFile());
        } catch (PolicyException e) {
            throw new ConfigException("Deposit policy (policyFile): " + e.getMessage(), e);
        }
    }

    static byte[] auditKey(Config config) throws AuditWriteException {
        try {
            return AuditKey.loadOrCreate(config.effectiveAuditKeyFile());
        } catch (IOException e) {
            // a read-only or full disk is said as such (docs/configuration.md), not as "unavailable"
            throw new AuditWriteException(StorageProblems.kindOf(e, config.effectiveAuditKeyFile()),
                    "Could not use the audit key file " + config.effectiveAuditKeyFile() + ": " + IoProblem.of(e), e);
        }
    }

    private static MockVerificationService startDemo(List<AutoCloseable> resources) throws IOException {
        MockVerificationService demo = MockVerificationService.startDemo();
        resources.add(demo);
        LOG.log(System.Logger.Level.INFO, "built-in demo service at {0}", demo.baseUrl());
        return demo;
    }

    /**
     * The configured service's account with its secret: from the secret file if one is configured (the discouraged
     * way, for scripts and CI), else from the workstation's {@link SecretStore}. Blocking: disk, D-Bus.
     *
     * @throws ConfigException no usable endpoint, or no secret for the account
     */
    public static ServiceAccount serviceAccount(Config config) throws ConfigException {
        if (config.isDemo()) {
            throw new ConfigException("The built-in demo service has no account to configure: set the endpoint");
        }
        if (config.secretFile() != null) {
            return serviceAccount(config, null);
        }
        try (SecretStore store = SecretStores.open(AppPaths.forCurrentUser())) {
            return serviceAccount(config, store);
        } catch (SecretStoreException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    /** As {@link #serviceAccount(Config)}, reading a secret that is not in a file from {@code store}. */
    public static ServiceAccount serviceAccount(Config config, SecretStore store) throws ConfigException {
        String accountKey;
        try {
            VerificationHttp.parseBaseUrl(config.endpoint());
            accountKey = SecretStore.accountKey(config.accountId(), config.endpoint());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        byte[] secret = config.secretFile() != null ? readSecretFile(config) : storedSecret(config, store, accountKey);
        if (secret.length == 0) {
            throw new ConfigException(config.secretFile() != null ? "The secret file " + config.secretFile()
                    + " is empty" : "The stored secret for " + accountKey + " is empty");
        }
        return new ServiceAccount(config.endpoint(), config.accountId(), secret);
    }

    private static byte[] storedSecret(Config config, SecretStore store, String accountKey) throws ConfigException {
        try {
            return store.read(accountKey).orElseThrow(() -> new ConfigException("No secret stored for account "
                    + config.accountId() + " at host " + VerificationHttp.parseBaseUrl(config.endpoint()).host()
                    + " (" + store.description() + "): set it in the settings screen or with `waiverdesk secret set`"));
        } catch (SecretStoreException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    private static byte[] readSecretFile(Config config) throws ConfigException {
        byte[] secret;
        try {
            secret = Files.readString(config.secretFile(), StandardCharsets.UTF_8).strip()
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("Cannot read the secret file " + config.secretFile() + ": "
                    + e.getClass().getSimpleName(), e);
        }
        readableByOthers(config.secretFile()).ifPresent(mode -> LOG.log(System.Logger.Level.WARNING,
                "the secret file {0} can be read by other users (mode {1}): store the secret with"
                        + " `waiverdesk secret set` and remove secretFile from the configuration, or at least"
                        + " make the file readable by its owner only", config.secretFile(), mode));
        return secret;
    }

    /**
     * The file's permissions ({@code rw-r--r--}) when its group or everyone may read it; empty when only the owner
     * may, or where the file system has no POSIX permissions (Windows: its folder's ACL decides) or they cannot be
     * read.
     */
    static Optional<String> readableByOthers(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty();
        }
        return permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.OTHERS_READ)
                ? Optional.of(PosixFilePermissions.toString(permissions)) : Optional.empty();
    }
}
