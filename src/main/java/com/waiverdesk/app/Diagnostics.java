package com.waiverdesk.app;

import com.waiverdesk.domain.ResidentId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-text block a clerk pastes into a support call: versions, platform, configuration and the last warnings,
 * built so that it can never carry the service secret, a full resident ID or anything else the desk keeps private.
 */
public final class Diagnostics {
    static final int MAX_PROBLEM_LINES = 50;
    static final int MAX_LINE_CHARS = 400;
    /** A full resident ID anywhere in a line, even one some code wrongly logged. */
    private static final Pattern FULL_ID = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])");
    private static final Pattern PROBLEM = Pattern.compile("^\\S+ \\S+ (WARNING|SEVERE) .*");

    private Diagnostics() {
    }

    /**
     * The diagnostics text. Blocking: reads the log files.
     *
     * @param policyId the policy in force, or {@code null} when no desk could start
     */
    public static String collect(Config config, String policyId, Path logDir) {
        return collect(config, null, policyId, logDir);
    }

    /**
     * As {@link #collect(Config, String, Path)}, with where the configuration came from: the machine-wide file, the
     * settings hospital IT locked in it and the user's file ({@code sources} may be {@code null}).
     */
    public static String collect(Config config, LoadedConfig sources, String policyId, Path logDir) {
        StringBuilder out = new StringBuilder("WaiverDesk diagnostics\n");
        String version = Diagnostics.class.getPackage().getImplementationVersion();
        line(out, "WaiverDesk", version == null ? "dev" : version);
        line(out, "Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")");
        line(out, "OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        if (config == null) {
            line(out, "Configuration", "(not loaded)");
        } else {
            line(out, "Endpoint", config.isDemo() ? "built-in demo service" : withoutUserInfo(config.endpoint()));
            line(out, "Account", config.accountId());
            // the path tells IT which file to check; the content must never leave the machine
            line(out, "Secret file", secretFile(config.secretFile()));
            if (!config.isDemo() && config.secretFile() == null) {
                line(out, "Secret", "in this workstation's secret store (`waiverdesk secret status` names it)");
            }
            line(out, "CA bundle", config.isDemo() ? null
                    : config.caBundle() == null ? "the system's CAs" : config.caBundle());
            line(out, "Certificate pins", config.certificatePins().isEmpty() ? null
                    : String.join(", ", config.certificatePins()));
            line(out, "Workstation", config.workstation());
            line(out, "Operator", config.operatorId());
            line(out, "Operator id", config.askOperator() ? "asked at start" : "fixed or the OS user");
            line(out, "Audit database", config.auditDatabase());
            line(out, "Audit key file", config.auditDatabase() == null ? null : config.effectiveAuditKeyFile());
            line(out, "Policy file", config.policyFile() == null ? "bundled" : config.policyFile());
            line(out, "Standard deposit", config.standardDeposit() == null ? null
                    : config.standardDeposit().toPlainString() + " yuan");
            line(out, "Timeout", config.timeout() == null ? null : config.timeout().toMillis() + " ms");
            line(out, "Result auto-clear", config.autoClear() == null ? null
                    : config.autoClear().toSeconds() + " s");
            line(out, "Locale", config.locale());
        }
        if (sources != null) {
            line(out, "Machine-wide file", sources.machineFile() == null ? null
                    : sources.machineFile() + (sources.machineFileExists() ? "" : " (absent)"));
            line(out, "Locked by IT", sources.locked().isEmpty() ? null
                    : String.join(", ", new TreeSet<>(sources.locked())));
            line(out, "User file", sources.userFile() == null ? null
                    : sources.userFile() + (sources.userFileExists() ? "" : " (absent)"));
            line(out, "Ignored user fields", sources.ignoredUserFields().isEmpty() ? null
                    : String.join(", ", sources.ignoredUserFields()));
        }
        line(out, "Policy", policyId == null ? "(not loaded)" : policyId);
        line(out, "Log folder", logDir);
        out.append("\nLast warnings and errors:\n");
        Deque<String> problems = lastProblems(logDir);
        if (problems.isEmpty()) {
            out.append("(none)\n");
        }
        problems.forEach(p -> out.append(p).append('\n'));
        return out.toString();
    }

    /** Its path, and whether other users can read it (they should not: the secret is plain text there). */
    private static String secretFile(Path file) {
        if (file == null) {
            return null;
        }
        return file + Wiring.readableByOthers(file).map(mode -> " (readable by other users: " + mode + ")")
                .orElse("");
    }

    private static void line(StringBuilder out, String label, Object value) {
        out.append(label).append(": ").append(value == null ? "-" : value).append('\n');
    }

    /** A user:password in the URL would be a secret too. */
    static String withoutUserInfo(String endpoint) {
        try {
            URI uri = new URI(endpoint);
            if (uri.getRawUserInfo() == null) {
                return endpoint;
            }
            return new URI(uri.getScheme(), "***", uri.getHost(), uri.getPort(), uri.getPath(), null, null)
                    .toString();
        } catch (URISyntaxException e) {
            return "(not a valid URL)";
        }
    }

    /** Oldest file first, so the deque ends with the newest problems. */
    static Deque<String> lastProblems(Path logDir) {
        Deque<String> lines = new ArrayDeque<>();
        for (int generation = AppLogging.FILE_COUNT - 1; generation >= 0; generation--) {
            Path file = AppLogging.pathOf(logDir, generation);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            // InputStreamReader replaces bytes that are not UTF-8 instead of failing on a torn last line
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (PROBLEM.matcher(line).matches()) {
                        lines.addLast(scrub(line));
                        if (lines.size() > MAX_PROBLEM_LINES) {
                            lines.removeFirst();
                        }
                    }
                }
            } catch (IOException e) {
                lines.addLast("(could not read " + file.getFileName() + ": " + e.getClass().getSimpleName() + ")");
            }
        }
        return lines;
    }

    static String scrub(String line) {
        Matcher m = FULL_ID.matcher(line);
        String masked = m.replaceAll(r -> Matcher.quoteReplacement(ResidentId.mask(r.group())));
        return masked.length() <= MAX_LINE_CHARS ? masked : masked.substring(0, MAX_LINE_CHARS) + " …";
    }
}
