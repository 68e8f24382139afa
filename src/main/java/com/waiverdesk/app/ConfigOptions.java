package com.waiverdesk.app;

import com.waiverdesk.verification.VerificationHttp;
import com.waiverdesk.verification.ecert.Sm2KeyException;
import com.waiverdesk.verification.ecert.Sm2PublicKey;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import com.waiverdesk.audit.server.ServerUrl;
import picocli.CommandLine.Option;

/**
 * The options {@code gui} and {@code check} share (see {@code specs/cli.md}); each overrides the configuration file.
 * Turns defaults, file and options into one {@link Config}, naming the option or the file's field in every error.
 */
public final class ConfigOptions {
    static final int DEFAULT_TIMEOUT_MS = 5000;
    static final int DEFAULT_AUTO_CLEAR_SECONDS = 30;
    private static final String JDBC_SQLITE = "jdbc:sqlite:";
    private static final System.Logger LOG = System.getLogger(ConfigOptions.class.getName());
    /** Each option and the configuration field it overrides, for the locks. */
    static final Map<String, String> OPTION_FIELDS = Map.of("--endpoint", "endpoint", "--account", "accountId",
            "--secret-file", "secretFile", "--operator", "operatorId", "--audit-db", "auditDatabase",
            "--timeout-ms", "timeoutMs", "--lang", "language", "--ecert-root-key", "ecertRootKey");

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file in place of the per-user file (the machine-wide file still applies).")
    Path configFile;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Base URL of the verification service. Without one, the built-in demo service is used.")
    String endpoint;

    @Option(names = "--account", paramLabel = "ID", description = "Query account id.")
    String account;

    @Option(names = "--secret-file", paramLabel = "FILE", description = "File holding the account's shared secret (discouraged: plain text on disk; without it the secret"
            + " comes from the OS credential store, see `secret set`).")
    Path secretFile;

    @Option(names = "--operator", paramLabel = "ID", description = "Operator (clerk) id sent with each query (default: the OS user).")
    String operator;

    @Option(names = "--audit-db", paramLabel = "JDBC_URL_OR_PATH", description = "Audit database file (or jdbc:sqlite:PATH), or the hospital's audit server"
            + " jdbc:postgresql://HOST:PORT/DB?user=LOGIN (docs/hospital-deployment.md).")
    String auditDb;

    @Option(names = "--audit-spool", paramLabel = "FILE", description = "With an audit server: the local file that keeps entries while the server cannot take them"
            + " (default: audit-spool.db in the data folder).")
    Path auditSpool;

    @Option(names = "--timeout-ms", paramLabel = "N", description = "Total time budget of one check, in ms (default: 5000).")
    Integer timeoutMs;

    @Option(names = "--lang", paramLabel = "zh|en", description = "Language of the window and messages (default: zh).")
    String language;

    @Option(names = "--ecert-root-key", paramLabel = "FILE", description = "File holding the e-certificate root key"
            + " (base64 SubjectPublicKeyInfo), in place of the configured ecertRootKey.")
    Path ecertRootKeyFile;

    /** Merges defaults, the machine-wide file, the user's file and these options (in rising precedence). */
    public Config resolve(AppPaths paths, Map<String, String> env) throws ConfigException {
        return load(paths, env).config();
    }

    /**
     * As {@link #resolve}, with the sources: a field locked in the machine-wide file keeps the machine's value; the
     * user's file trying to change it is ignored with a logged warning (the desk must still open), an option
     * changing it is a {@link LockedSettingException}.
     */
    public LoadedConfig load(AppPaths paths, Map<String, String> env) throws ConfigException {
        Path file = configFile != null ? configFile : paths.configFile();
        Path machineFile = paths.machineConfigFile();
        Map<String, Object> machine = machineFile == null ? Map.of() : ConfigFile.read(machineFile, false, true);
        @SuppressWarnings("unchecked")
        Set<String> locked = Set.copyOf((List<String>) machine.getOrDefault(ConfigFile.LOCKED, List.of()));
        Map<String, Object> user = ConfigFile.read(file, configFile != null);
        refuseLockedOptions(locked, machineFile);
        Sources in = new Sources();
        machine.forEach((field, value) -> {
            if (!field.equals(ConfigFile.LOCKED)) {
                in.put(field, value, machineFile);
            }
        });
        List<String> ignored = new ArrayList<>();
        for (Map.Entry<String, Object> entry : user.entrySet()) {
            if (!locked.contains(entry.getKey())) {
                in.put(entry.getKey(), entry.getValue(), file);
            } else if (!entry.getValue().equals(machine.get(entry.getKey()))) {
                ignored.add(entry.getKey());
            }
        }
        if (!ignored.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "{0}: field(s) {1} ignored: locked by hospital IT in {2}", file,
                    String.join(", ", ignored), machineFile);
        }
        Config config = merge(in, paths, env);
        return new LoadedConfig(config, locked, ignored, machineFile, file,
                machineFile != null && Files.exists(machineFile), Files.exists(file));
    }

    /** These options with another file in place of the per-user one: the settings screen's trial of a change. */
    ConfigOptions withConfigFile(Path file) {
        ConfigOptions copy = new ConfigOptions();
        copy.configFile = file;
        copy.endpoint = endpoint;
        copy.account = account;
        copy.secretFile = secretFile;
        copy.operator = operator;
        copy.auditDb = auditDb;
        copy.auditSpool = auditSpool;
        copy.timeoutMs = timeoutMs;
        copy.language = language;
        copy.ecertRootKeyFile = ecertRootKeyFile;
        return copy;
    }

    private void refuseLockedOptions(Set<String> locked, Path machineFile) throws LockedSettingException {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("--endpoint", endpoint);
        options.put("--account", account);
        options.put("--secret-file", secretFile);
        options.put("--operator", operator);
        options.put("--audit-db", auditDb);
        options.put("--timeout-ms", timeoutMs);
        options.put("--lang", language);
        options.put("--ecert-root-key", ecertRootKeyFile);
        for (Map.Entry<String, Object> option : options.entrySet()) {
            String field = OPTION_FIELDS.get(option.getKey());
            if (option.getValue() != null && locked.contains(field)) {
                throw new LockedSettingException(option.getKey() + " cannot be used: hospital IT locked the"
                        + " setting \"" + field + "\" in the machine-wide configuration " + machineFile
                        + "; leave the option out");
            }
        }
    }

    private Config merge(Sources in, AppPaths paths, Map<String, String> env) throws ConfigException {
        String endpointValue = in.text(endpoint, "--endpoint", "endpoint");
        String accountValue = in.text(account, "--account", "accountId");
        Path secretValue = secretFile != null ? secretFile : in.path("secretFile");
        if (endpointValue != null) {
            checkEndpoint(endpointValue, in.origin(endpoint, "--endpoint", "endpoint"));
            if (accountValue == null) {
                throw new ConfigException("With an endpoint, an account id (accountId / --account) is required");
            }
            // without a secret file the secret comes from the workstation's secret store (Wiring.serviceAccount)
            if (secretValue != null && (!Files.isRegularFile(secretValue) || !Files.isReadable(secretValue))) {
                throw new ConfigException("Secret file (" + in.origin(secretFile, "--secret-file", "secretFile")
                        + ") is missing or not readable: " + secretValue);
            }
        } else if (accountValue != null || secretValue != null || in.has("caBundle")
                || in.has("certificatePins")) {
            // the demo would answer in place of the service the hospital meant to configure
            throw new ConfigException("An account id, secret file, CA bundle or certificate pins are set but no"
                    + " endpoint: set the endpoint (endpoint / --endpoint), or remove them to run the demo");
        }
        Path caBundle = in.path("caBundle");
        if (caBundle != null && (!Files.isRegularFile(caBundle) || !Files.isReadable(caBundle))) {
            throw new ConfigException("CA bundle (" + in.origin(null, null, "caBundle") + ") is missing or not"
                    + " readable: " + caBundle);
        }
        @SuppressWarnings("unchecked")
        List<String> pins = (List<String>) in.value("certificatePins", List.of());
        String operatorValue = in.text(operator, "--operator", "operatorId");
        boolean ask = operatorValue == null
                && ConfigFile.OPERATOR_MODE_ASK.equals(in.value("operatorIdMode", ConfigFile.OPERATOR_MODE_OS_USER));
        if (operatorValue == null) {
            String user = System.getProperty("user.name", "").trim();
            operatorValue = user.isEmpty() ? "unknown" : user;
        }
        String workstation = in.text(null, null, "workstation");
        String server = auditServer(auditDb != null ? auditDb : in.text(null, null, "auditDatabase"),
                auditDb != null ? "--audit-db" : in.origin(null, null, "auditDatabase"));
        Path audit = server != null ? spool(in, paths)
                : auditDb != null ? auditPath(auditDb, "--audit-db", null) : in.auditPath();
        int timeout = timeoutMs != null ? timeoutMs : (Integer) in.value("timeoutMs", DEFAULT_TIMEOUT_MS);
        if (timeout <= 0) {
            throw new ConfigException("--timeout-ms must be a positive number of milliseconds, found " + timeout);
        }
        int autoClear = (Integer) in.value("autoClearSeconds", DEFAULT_AUTO_CLEAR_SECONDS);
        String lang = in.text(language, "--lang", "language");
        return new Config(endpointValue, accountValue, secretValue, operatorValue,
                workstation != null ? workstation : Workstation.name(env),
                audit != null ? audit : paths.defaultAuditDatabase(), in.path("auditKeyFile"),
                Duration.ofMillis(timeout), (BigDecimal) in.value("standardDeposit", null), in.path("policyFile"),
                Duration.ofSeconds(autoClear), locale(lang, in.origin(language, "--lang", "language")), caBundle,
                pins, ask, ecert(in), server);
    }

    /** The audit server's address when the audit database names one (checked now, before anything connects). */
    private static String auditServer(String value, String origin) throws ConfigException {
        if (!ServerUrl.isServerUrl(value)) {
            return null;
        }
        try {
            return ServerUrl.parse(value.strip()).url();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Audit database (" + origin + "): " + e.getMessage(), e);
        }
    }

    /** The spool beside a server: {@code --audit-spool}, the file's {@code auditSpool}, or the data folder's. */
    private Path spool(Sources in, AppPaths paths) throws ConfigException {
        if (auditSpool != null) {
            return auditSpool;
        }
        Path configured = in.path("auditSpool");
        return configured != null ? configured : paths.dataDir().resolve("audit-spool.db");
    }

    /**
     * The root key (option file, else configuration; checked to be an SM2 key now, so a pasted half is found at
     * start) and the list ages, which IT may shorten but never lengthen past the spec's.
     */
    private EcertSettings ecert(Sources in) throws ConfigException {
        String key;
        String origin;
        if (ecertRootKeyFile != null) {
            origin = "--ecert-root-key " + ecertRootKeyFile;
            try {
                key = Files.readString(ecertRootKeyFile, StandardCharsets.US_ASCII).strip();
            } catch (IOException e) {
                throw new ConfigException("Cannot read the e-certificate root key file " + ecertRootKeyFile + " ("
                        + e.getClass().getSimpleName() + ")", e);
            }
        } else {
            key = in.text(null, null, "ecertRootKey");
            origin = in.origin(null, null, "ecertRootKey");
        }
        if (key != null) {
            try {
                Sm2PublicKey.fromSpkiBase64(key);
            } catch (Sm2KeyException e) {
                throw new ConfigException("E-certificate root key (" + origin + ") is not an SM2 public key in"
                        + " base64 SubjectPublicKeyInfo form: " + e.getMessage(), e);
            }
        }
        Duration trust = hours(in, "ecertMaxTrustListAgeHours", EcertSettings.MAX_TRUST_LIST_AGE);
        Duration revocation = hours(in, "ecertMaxRevocationAgeHours", EcertSettings.MAX_REVOCATION_AGE);
        return new EcertSettings(key, trust, revocation);
    }

    private static Duration hours(Sources in, String field, Duration longest) throws ConfigException {
        Integer hours = (Integer) in.value(field, null);
        if (hours == null) {
            return longest;
        }
        if (hours > longest.toHours()) {
            throw new ConfigException("Field \"" + field + "\" (" + in.origin(null, null, field) + ") is " + hours
                    + " h: the e-certificate specification allows at most " + longest.toHours() + " h; a"
                    + " hospital may shorten it, never lengthen it");
        }
        return Duration.ofHours(hours);
    }

    /**
     * A path, or a {@code jdbc:sqlite:PATH} URL. SQLite URI options and {@code :memory:} are refused: the audit log
     * must be one durable file that {@link Config#effectiveAuditKeyFile()} can sit beside.
     */
    public static Path auditPath(String value, String origin, Path base) throws ConfigException {
        String path = value.startsWith(JDBC_SQLITE) ? value.substring(JDBC_SQLITE.length()) : value;
        if (path.isBlank() || path.startsWith("jdbc:") || path.startsWith("file:") || path.startsWith(":memory:")
                || value.startsWith(JDBC_SQLITE) && path.contains("?")) {
            throw new ConfigException("Audit database (" + origin + ") must be a file path or jdbc:sqlite:PATH,"
                    + " found \"" + value + "\"");
        }
        return ConfigOptions.Sources.toPath(path, origin, base);
    }

    private static Locale locale(String lang, String origin) throws ConfigException {
        if (lang == null || lang.equalsIgnoreCase("zh") || lang.equalsIgnoreCase("zh-CN")) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        if (lang.equalsIgnoreCase("en")) {
            return Locale.ENGLISH;
        }
        throw new ConfigException("Language \"" + lang + "\" (" + origin + ") is not available: use zh or en");
    }

    private static void checkEndpoint(String endpoint, String origin) throws ConfigException {
        try {
            VerificationHttp.parseBaseUrl(endpoint);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Endpoint (" + origin + "): " + e.getMessage(), e);
        }
    }

    /** The files' values beside the options, each with the file it came from, for relative paths and the errors. */
    private static final class Sources {
        private record Sourced(Object value, Path file) {
        }

        private final Map<String, Sourced> values = new LinkedHashMap<>();

        void put(String field, Object value, Path file) {
            values.put(field, new Sourced(value, file));
        }

        boolean has(String field) {
            return values.containsKey(field);
        }

        Object value(String field, Object fallback) {
            Sourced sourced = values.get(field);
            return sourced == null ? fallback : sourced.value();
        }

        String origin(Object option, String optionName, String field) {
            Sourced sourced = values.get(field);
            return option != null ? optionName : "field \"" + field + "\" in " + (sourced == null ? "?" : sourced.file());
        }

        /** The option's text if given (it must not be blank), else the files'. */
        String text(String option, String optionName, String field) throws ConfigException {
            if (option == null) {
                return (String) value(field, null);
            }
            if (option.isBlank()) {
                throw new ConfigException(optionName + " must not be empty");
            }
            return option.trim();
        }

        /** A path from a file; a relative one is taken from that file's folder, not from wherever the program runs. */
        Path path(String field) throws ConfigException {
            Sourced sourced = values.get(field);
            return sourced == null ? null : toPath((String) sourced.value(), origin(null, null, field), base(sourced));
        }

        Path auditPath() throws ConfigException {
            Sourced sourced = values.get("auditDatabase");
            return sourced == null ? null
                    : ConfigOptions.auditPath((String) sourced.value(), origin(null, null, "auditDatabase"),
                            base(sourced));
        }

        private static Path base(Sourced sourced) {
            return sourced.file().toAbsolutePath().getParent();
        }

        static Path toPath(String value, String origin, Path base) throws ConfigException {
            try {
                Path path = Path.of(value);
                return base == null || path.isAbsolute() ? path : base.resolve(path);
            } catch (InvalidPathException e) {
                throw new ConfigException(origin + " is not a valid path: " + value, e);
            }
        }
    }
}
