package com.waiverdesk.app;

import com.waiverdesk.verification.VerificationHttp;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options {@code gui} and {@code check} share (see {@code specs/cli.md}); each overrides the configuration file.
 * Turns file and options into one {@link Config}.
 */
public final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: the per-user file).")
    Path configFile;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Base URL of the verification service. Without one, the built-in demo service is used.")
    String endpoint;

    @Option(names = "--account", paramLabel = "ID", description = "Query account id.")
    String account;

    @Option(names = "--secret-file", paramLabel = "FILE", description = "File holding the account's shared secret.")
    Path secretFile;

    @Option(names = "--operator", paramLabel = "ID", description = "Operator (clerk) id sent with each query (default: the OS user).")
    String operator;

    @Option(names = "--audit-db", paramLabel = "PATH", description = "Audit database file (or jdbc:sqlite: URL).")
    String auditDb;

    @Option(names = "--timeout-ms", paramLabel = "N", description = "Total time budget of one check, in ms (default: 5000).")
    Integer timeoutMs;

    @Option(names = "--lang", paramLabel = "zh|en", description = "Language of the window and messages (default: zh).")
    String language;

    static final int DEFAULT_TIMEOUT_MS = 5000;
    static final int DEFAULT_AUTO_CLEAR_SECONDS = 30;

    /** Merges defaults, the configuration file and these options (in rising precedence). */
    public Config resolve(AppPaths paths, Map<String, String> env) throws ConfigException {
        Path file = configFile != null ? configFile : paths.configFile();
        Map<String, Object> values = ConfigFile.read(file, configFile != null);
        String endpointValue = pick(endpoint, values.get("endpoint"));
        String accountValue = pick(account, values.get("accountId"));
        Path secretValue = secretFile != null ? secretFile : path(values.get("secretFile"));
        if (endpointValue != null) {
            checkEndpoint(endpointValue);
            if (accountValue == null || secretValue == null) {
                throw new ConfigException("With an endpoint, an account id (accountId / --account) and a secret file"
                        + " (secretFile / --secret-file) are required");
            }
            if (!Files.isReadable(secretValue)) {
                throw new ConfigException("Secret file not readable: " + secretValue);
            }
        }
        String operatorValue = pick(operator, values.get("operatorId"));
        if (operatorValue == null) {
            operatorValue = System.getProperty("user.name", "unknown");
        }
        String workstation = pick(null, values.get("workstation"));
        if (workstation == null) {
            workstation = Workstation.name(env);
        }
        Path auditValue = auditDb != null ? auditPath(auditDb) : path(values.get("auditDatabase"));
        if (auditValue == null) {
            auditValue = paths.defaultAuditDatabase();
        }
        int timeout = timeoutMs != null ? timeoutMs : (Integer) values.getOrDefault("timeoutMs", DEFAULT_TIMEOUT_MS);
        if (timeout <= 0) {
            throw new ConfigException("--timeout-ms must be a positive number of milliseconds");
        }
        int autoClear = (Integer) values.getOrDefault("autoClearSeconds", DEFAULT_AUTO_CLEAR_SECONDS);
        String lang = pick(language, values.get("language"));
        return new Config(endpointValue, accountValue, secretValue, operatorValue, workstation, auditValue,
                path(values.get("auditKeyFile")), Duration.ofMillis(timeout), (BigDecimal) values.get("standardDeposit"),
                path(values.get("policyFile")), Duration.ofSeconds(autoClear), locale(lang));
    }

    private static String pick(String option, Object fileValue) {
        return option != null ? option : (String) fileValue;
    }

    private static Path path(Object value) {
        return value == null ? null : Path.of((String) value);
    }

    private static Path auditPath(String value) {
        return Path.of(value.startsWith("jdbc:sqlite:") ? value.substring("jdbc:sqlite:".length()) : value);
    }

    private static Locale locale(String lang) throws ConfigException {
        if (lang == null || lang.equalsIgnoreCase("zh") || lang.equalsIgnoreCase("zh-CN")) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        if (lang.equalsIgnoreCase("en")) {
            return Locale.ENGLISH;
        }
        throw new ConfigException("Language \"" + lang + "\" is not available: use zh or en");
    }

    private static void checkEndpoint(String endpoint) throws ConfigException {
        try {
            VerificationHttp.parseBaseUrl(endpoint);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Endpoint: " + e.getMessage(), e);
        }
    }
}
