package com.waiverdesk.cli;

import com.waiverdesk.app.AppPaths;
import com.waiverdesk.app.Config;
import com.waiverdesk.app.ConfigException;
import com.waiverdesk.app.ConfigOptions;
import com.waiverdesk.app.LockedSettingException;
import com.waiverdesk.app.Supervision;
import com.waiverdesk.app.SupervisorCredential;
import com.waiverdesk.app.Workstation;
import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.AuditStats;
import com.waiverdesk.audit.IntegrityReport;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.audit.PurgeResult;
import com.waiverdesk.audit.export.ExportResult;
import com.waiverdesk.audit.server.ServerChainVerifier;
import com.waiverdesk.audit.server.ServerUrl;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code audit}: the supervisor's and IT's tools on the audit log. Commands that reveal entries (export) or remove
 * them (purge) need the supervisor passphrase, and each is recorded in the log's access chain before it runs.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Verify, export, count or purge the audit log; review paper certificates; set up the"
                + " hospital's audit server and move a workstation's log onto it.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Stats.class, AuditCommand.Export.class,
            AuditCommand.Purge.class, PassphraseCommands.SetPassphrase.class,
            PassphraseCommands.ResetPassphrase.class, ReviewCommands.class, AuditServerCommand.class,
            MigrateCommand.class, ForwardCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (verify: the log is intact)", "1:the program failed",
            "2:review approve/reject: refused, nothing recorded", "5:verify: the log was altered",
            "6:the passphrase was refused or is locked",
            "7:verify, stats, export, purge, review: there is no audit database at that path (nothing is created);"
                + " with an audit server: it has no such database or no WaiverDesk schema in it",
            "8:the audit server refused the login (password, pg_hba.conf) or did not allow it this",
            "9:the audit server could not be reached or did not answer in time",
            "64:wrong usage (also an audit server address refused before connecting, or a command on the local"
                + " log where the configured audit log is a server)"})
final class AuditCommand {
    static final int EXIT_ALTERED = 5;
    static final int EXIT_REFUSED = 6;
    static final int EXIT_NO_DATABASE = 7;

    /** The options every audit sub-command takes, and opening the log with them. */
    static final class AuditOptions {
        @Mixin
        ConfigOptions options = new ConfigOptions();

        @Option(names = "--supervisor", paramLabel = "NAME", description = "Who is acting, for the access log (default: the OS user).")
        String supervisor = System.getProperty("user.name", "unknown");

        @Option(names = "--passphrase-file", paramLabel = "FILE", description = "The passphrase from a file (else asked on the console).")
        Path passphraseFile;

        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        /** One sub-command's work on an opened log. */
        interface Work {
            int run(Supervision supervision, PrintWriter out) throws Exception;
        }

        /** How a sub-command opens its log ({@link #withLog} or {@link #withItLog}). */
        interface Opener {
            int with(Work work);
        }

        int withLog(Work work) {
            return withLog(work, false, false);
        }

        /**
         * As {@link #withLog(Work)} for IT's passphrase of the settings screen, which a workstation keeps in its own
         * local log also when its audit trail is on a server (beside the spool, never in it: Supervision.localLog).
         */
        int withItLog(Work work) {
            return withLog(work, false, true);
        }

        /**
         * As {@link #withLog(Work)}, but for commands that read or shrink a log (verify, stats, export, purge): a
         * database that does not exist is an error, and nothing is created, neither it, nor its key, nor its folder.
         * Otherwise a mistyped path would make an empty log and report it intact.
         */
        int withExistingLog(Work work) {
            return withLog(work, true, false);
        }

        private int withLog(Work work, boolean mustExist, boolean localOnServer) {
            PrintWriter err = spec.commandLine().getErr();
            Config config;
            try {
                config = options.resolve(AppPaths.forCurrentUser(), System.getenv());
            } catch (ConfigException e) {
                err.println("waiverdesk audit: " + e.getMessage());
                // an option for a setting IT locked is wrong usage, as for every command (docs/configuration.md)
                return e instanceof LockedSettingException ? Cli.EXIT_USAGE : 1;
            }
            if (config.isAuditServer() && !localOnServer) {
                // config.auditDatabase() is then the spool, which must never be opened as a log
                err.println("waiverdesk audit: this workstation's audit log is on the audit server "
                        + ServerUrl.parse(config.auditServer()).describe() + "; this command works on a local log."
                        + " On the server: `waiverdesk audit verify --audit-db URL --user SUPERVISOR`, the supervisor's"
                        + " screen, or `waiverdesk audit forward` for the entries waiting here");
                return Cli.EXIT_USAGE;
            }
            if (mustExist) {
                Optional<String> missing = missingDatabase(config.auditDatabase());
                if (missing.isPresent()) {
                    err.println("waiverdesk audit: " + missing.get());
                    return EXIT_NO_DATABASE;
                }
            }
            try (Supervision supervision = Supervision.open(config)) {
                return work.run(supervision, spec.commandLine().getOut());
            } catch (Exception e) {
                err.println("waiverdesk audit: " + e.getMessage());
                return 1;
            }
        }

        /** Why the database named by {@code --audit-db} or {@code auditDatabase} cannot be read, if it cannot. */
        static Optional<String> missingDatabase(Path database) {
            Path file = database.toAbsolutePath();
            if (Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return Optional.of("there is no audit database at " + file + (Files.isDirectory(file.getParent())
                    ? "" : " (its folder does not exist either)") + "; check --audit-db or auditDatabase."
                    + " Nothing was created");
        }

        /** The audit server the configuration's auditDatabase names, if it names one and resolves. */
        Optional<String> configuredServer() {
            try {
                return Optional.ofNullable(options.resolve(AppPaths.forCurrentUser(), System.getenv()).auditServer());
            } catch (ConfigException e) {
                return Optional.empty(); // withLog says what is wrong with the configuration
            }
        }

        /** Checks the passphrase and records the outcome; true if accepted. */
        boolean admit(Supervision supervision) throws IOException, com.waiverdesk.audit.AuditWriteException {
            PrintWriter err = spec.commandLine().getErr();
            SupervisorCredential credential = supervision.credential();
            if (!credential.isSet()) {
                err.println("No supervisor passphrase is set yet: set one in the supervisor's screen first.");
                return false;
            }
            char[] passphrase = readPassphrase();
            try {
                SupervisorCredential.Result result = credential.login(passphrase);
                if (result.accessAction().isPresent()) {
                    supervision.record(supervisor, result.accessAction().get(), "command line");
                }
                if (result != SupervisorCredential.Result.ACCEPTED) {
                    err.println(result == SupervisorCredential.Result.WRONG_PASSPHRASE ? "Wrong passphrase."
                            : "Too many wrong passphrases: locked until " + credential.lockedUntil().orElse(null) + ".");
                    return false;
                }
                return true;
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }

        char[] readPassphrase() throws IOException {
            return readPassphrase("Supervisor passphrase: ");
        }

        /** The passphrase from {@code --passphrase-file}, or asked on the console with {@code prompt}. */
        char[] readPassphrase(String prompt) throws IOException {
            if (passphraseFile != null) {
                return Files.readString(passphraseFile, StandardCharsets.UTF_8).strip().toCharArray();
            }
            if (System.console() == null) {
                throw new IOException("no console to ask for the passphrase: use --passphrase-file");
            }
            char[] typed = System.console().readPassword("%s", prompt);
            return typed == null ? new char[0] : typed;
        }
    }

    static long startOf(LocalDate day) {
        return day.atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    static ProgressListener progressTo(PrintWriter err) {
        return new ProgressListener() {
            private long lastPercent = -1;

            @Override
            public void progress(long done, long total) {
                long percent = total <= 0 ? 0 : Math.min(100, done * 100 / total);
                if (percent / 10 != lastPercent / 10) {
                    lastPercent = percent;
                    err.printf("  %d %%%n", percent);
                    err.flush();
                }
            }
        };
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Walk both hash chains and the anchors; report the first altered entry and how it was altered."
                    + " With --audit-db jdbc:postgresql://…, walks the audit server's chains as a supervisor login"
                    + " (the server records the walk) and recomputes every hash here.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        AuditOptions parent;

        @Option(names = "--user", paramLabel = "SUPERVISOR", description = "Audit server only: the supervisor login"
                + " (default: the address's user=).")
        String user;

        @Option(names = "--password-file", paramLabel = "FILE", description = "Audit server only: that login's"
                + " password (else the secret store, else ~/.pgpass); - reads standard input.")
        Path passwordFile;

        @Override
        public Integer call() {
            Optional<String> server = serverAddress(parent.spec);
            if (server.isEmpty()) {
                Optional<String> configured = parent.configuredServer();
                if (configured.isPresent() && user == null) {
                    // the configuration names the window's desk login, which may not read the chain
                    parent.spec.commandLine().getErr().println("waiverdesk audit verify: the configuration names the"
                            + " audit server " + ServerUrl.parse(configured.get()).describe() + ": give your"
                            + " supervisor login with --user");
                    return Cli.EXIT_USAGE;
                }
                server = configured;
            }
            if (server.isPresent()) {
                return new ServerTarget(parent.spec).run(server.get(), user, passwordFile, (connections, out) ->
                        printReport(new ServerChainVerifier(connections).verify(Workstation.name(System.getenv()),
                                Instant.now(), progressTo(parent.spec.commandLine().getErr())), out, "anchor"));
            }
            if (user != null || passwordFile != null) {
                parent.spec.commandLine().getErr().println("--user and --password-file are for an audit server"
                        + " (--audit-db jdbc:postgresql://…); the local log takes --passphrase-file");
                return Cli.EXIT_USAGE;
            }
            return parent.withExistingLog((supervision, out) -> {
                IntegrityReport report = supervision.verify(progressTo(parent.spec.commandLine().getErr()));
                supervision.record(parent.supervisor, AccessEvent.Action.VERIFY,
                        "command line: " + (report.intact() ? "intact" : "altered"));
                return printReport(report, out, "line");
            });
        }
    }

    /** What verify prints for either store; 0 when intact, else {@link #EXIT_ALTERED}. */
    static int printReport(IntegrityReport report, PrintWriter out, String anchorUnit) {
        out.printf("check entries: %d, access events: %d, anchor lines: %d%n",
                report.checks().entriesChecked(), report.access().entriesChecked(), report.anchorLines());
        if (report.intact()) {
            out.println("intact: every entry and every anchor verifies");
            return 0;
        }
        IntegrityReport.Problem problem = report.firstProblem().orElseThrow();
        out.printf("ALTERED: %s, first bad %s %d: %s (%s)%n", problem.place(),
                problem.place() == IntegrityReport.Place.ANCHOR_FILE ? anchorUnit : "entry", problem.found().seq(),
                problem.found().kind(), problem.found().detail());
        return EXIT_ALTERED;
    }

    /**
     * The {@code --audit-db} option's value when it names an audit server rather than a file. Read from the parsed
     * option, before the configuration is resolved (which takes only files).
     */
    static Optional<String> serverAddress(CommandSpec spec) {
        picocli.CommandLine.Model.OptionSpec option = spec.findOption("--audit-db");
        Object value = option == null ? null : option.getValue();
        return value instanceof String && ServerUrl.isServerUrl((String) value) ? Optional.of((String) value)
                : Optional.empty();
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Counts, oldest and newest entry, size on disk, chain status.")
    static final class Stats implements Callable<Integer> {
        @Mixin
        AuditOptions parent;

        @Override
        public Integer call() {
            return parent.withExistingLog((supervision, out) -> {
                AuditStats stats = supervision.stats();
                IntegrityReport report = supervision.verify(ProgressListener.NONE);
                out.printf("entries:        %d%n", stats.entries());
                out.printf("oldest:         %s%n", stats.oldest());
                out.printf("newest:         %s%n", stats.newest());
                out.printf("access events:  %d%n", stats.accessEvents());
                out.printf("size on disk:   %.1f MiB%n", stats.sizeOnDiskBytes() / 1048576.0);
                out.printf("schema version: %d%n", stats.schemaVersion());
                out.printf("purged through: %d%n", stats.purgedThroughSeq());
                out.printf("last anchor:    %s%n", stats.lastAnchor() == null ? "none"
                        : "entry #" + stats.lastAnchor().seq() + ", access event #" + stats.lastAnchor().accessSeq()
                        + ", at " + stats.lastAnchor().time());
                out.printf("chain:          %s%n", report.intact() ? "intact"
                        : "ALTERED at " + report.firstProblem().map(Object::toString).orElse("?"));
                return report.intact() ? 0 : EXIT_ALTERED;
            });
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export the entries of a date range as CSV (Excel-ready; the codes also in words of"
                    + " --lang, default the configured language) and/or a FHIR R4 AuditEvent Bundle.")
    static final class Export implements Callable<Integer> {
        @Mixin
        AuditOptions parent;

        @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day, e.g. 2026-11-01.")
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day (inclusive).")
        LocalDate to;

        @Option(names = "--format", defaultValue = "both", paramLabel = "csv|fhir|both")
        String format;

        @Option(names = "--out", required = true, paramLabel = "BASE", description = "File name without extension: BASE.csv, BASE.fhir.json.")
        Path out;

        @Override
        public Integer call() {
            if (!format.matches("csv|fhir|both")) {
                parent.spec.commandLine().getErr().println("--format must be csv, fhir or both");
                return Cli.EXIT_USAGE;
            }
            return parent.withExistingLog((supervision, stdout) -> {
                if (!parent.admit(supervision)) {
                    return EXIT_REFUSED;
                }
                AuditFilter filter = new AuditFilter(startOf(from), startOf(to.plusDays(1)), null, null, null, null,
                        null, null, null);
                PrintWriter err = parent.spec.commandLine().getErr();
                if (!format.equals("fhir")) {
                    supervision.record(parent.supervisor, AccessEvent.Action.EXPORT_CSV, filter.describe());
                    ExportResult csv = supervision.exportCsv(filter, Path.of(out + ".csv"), progressTo(err));
                    stdout.printf("%s: %d entries, sha256 %s, anchor %s%n", csv.file(), csv.rows(), csv.sha256(), csv.anchor());
                }
                if (!format.equals("csv")) {
                    supervision.record(parent.supervisor, AccessEvent.Action.EXPORT_FHIR, filter.describe());
                    ExportResult fhir = supervision.exportFhir(filter, Path.of(out + ".fhir.json"), progressTo(err));
                    stdout.printf("%s: %d entries, sha256 %s%n", fhir.file(), fhir.rows(), fhir.sha256());
                }
                return 0;
            });
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = "Remove entries older than a day (never younger than 180 days); anchors first, recorded.")
    static final class Purge implements Callable<Integer> {
        @Mixin
        AuditOptions parent;

        @Option(names = "--before", required = true, paramLabel = "DATE")
        LocalDate before;

        @Option(names = "--retention-days", defaultValue = "180", paramLabel = "N", description = "Never below 180.")
        int retentionDays;

        @Override
        public Integer call() {
            return parent.withExistingLog((supervision, out) -> {
                if (!parent.admit(supervision)) {
                    return EXIT_REFUSED;
                }
                PurgeResult result = supervision.purge(before, parent.supervisor, retentionDays);
                out.printf("purged %d entries (through #%d); the rest still verifies from that point%n",
                        result.purgedEntries(), result.throughSeq());
                return 0;
            });
        }
    }
}
