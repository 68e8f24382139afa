package com.waiverdesk.app;

import com.waiverdesk.verification.VerificationHttp;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options {@code gui} and {@code check} share (see {@code specs/cli.md}); each overrides the configuration file.
 * Turns defaults, file and options into one {@link Config}, naming the option or the file's field in every error.
 */
public final class ConfigOptions {
    static final int DEFAULT_TIMEOUT_MS = 5000;
    static final int DEFAULT_AUTO_CLEAR_SECONDS = 30;
    private static final String JDBC_SQLITE = "jdbc:sqlite:";

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: the per-user file).")
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

    @Option(names = "--audit-db", paramLabel = "JDBC_URL_OR_PATH", description = "Audit database file (or jdbc:sqlite:PATH).")
    String auditDb;

    @Option(names = "--timeout-ms", paramLabel = "N", description = "Total time budget of one check, in ms (default: 5000).")
    Integer timeoutMs;

    @Option(names = "--lang", paramLabel = "zh|en", description = "Language of the window and messages (default: zh).")
    String language;

    /** Merges defaults, the configuration file and these options (in rising precedence). */
    public Config resolve(AppPaths paths, Map<String, String> env) throws ConfigException {
        Path file = configFile != null ? configFile : paths.configFile();
        Sources in = new Sources(file, ConfigFile.read(file, configFile != null));
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
        } else if (accountValue != null || secretValue != null || in.values.containsKey("caBundle")
                || in.values.containsKey("certificatePins")) {
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
        List<String> pins = (List<String>) in.values.getOrDefault("certificatePins", List.of());
        String operatorValue = in.text(operator, "--operator", "operatorId");
        if (operatorValue == null) {
            String user = System.getProperty("user.name", "").trim();
            operatorValue = user.isEmpty() ? "unknown" : user;
        }
        String workstation = in.text(null, null, "workstation");
        Path audit = auditDb != null ? auditPath(auditDb, "--audit-db", null) : in.auditPath();
        int timeout = timeoutMs != null ? timeoutMs : (Integer) in.values.getOrDefault("timeoutMs", DEFAULT_TIMEOUT_MS);
        if (timeout <= 0) {
            throw new ConfigException("--timeout-ms must be a positive number of milliseconds, found " + timeout);
        }
        int autoClear = (Integer) in.values.getOrDefault("autoClearSeconds", DEFAULT_AUTO_CLEAR_SECONDS);
        String lang = in.text(language, "--lang", "language");
        return new Config(endpointValue, accountValue, secretValue, operatorValue,
                workstation != null ? workstation : Workstation.name(env),
                audit != null ? audit : paths.defaultAuditDatabase(), in.path("auditKeyFile"),
                Duration.ofMillis(timeout), (BigDecimal) in.values.get("standardDeposit"), in.path("policyFile"),
                Duration.ofSeconds(autoClear), locale(lang, in.origin(language, "--lang", "language")), caBundle,
                pins);
    }

    /**
     * A path, or a {@code jdbc:sqlite:PATH} URL. SQLite URI options and {@code :memory:} are refused: the audit log
     * must be one durable file that {@link Config#effectiveAuditKeyFile()} can sit beside.
     */
    static Path auditPath(String value, String origin, Path base) throws ConfigException {
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

    /** The file's values beside the options, and where each came from for the error messages. */
    private static final class Sources {
        private final Path file;
        private final Path base;
        private final Map<String, Object> values;

        Sources(Path file, Map<String, Object> values) {
            this.file = file;
            this.base = file.toAbsolutePath().getParent();
            this.values = values;
        }

        String origin(Object option, String optionName, String field) {
            return option != null ? optionName : "field \"" + field + "\" in " + file;
        }

        /** The option's text if given (it must not be blank), else the file's. */
        String text(String option, String optionName, String field) throws ConfigException {
            if (option == null) {
                return (String) values.get(field);
            }
            if (option.isBlank()) {
                throw new ConfigException(optionName + " must not be empty");
            }
            return option.trim();
        }

        /** A path from the file; a relative one is taken from the file's folder, not from wherever the program runs. */
        Path path(String field) throws ConfigException {
            String value = (String) values.get(field);
            return value == null ? null : toPath(value, origin(null, null, field), base);
        }

        Path auditPath() throws ConfigException {
            String value = (String) values.get("auditDatabase");
            return value == null ? null : ConfigOptions.auditPath(value, origin(null, null, "auditDatabase"), base);
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
