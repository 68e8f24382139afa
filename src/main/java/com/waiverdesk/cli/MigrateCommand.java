package com.waiverdesk.cli;

import com.waiverdesk.app.ConfigException;
import com.waiverdesk.app.ConfigOptions;
import com.waiverdesk.app.Workstation;
import com.waiverdesk.audit.AuditKey;
import com.waiverdesk.audit.IntegrityReport;
import com.waiverdesk.audit.SqliteAuditLog;
import com.waiverdesk.audit.SqliteAuditReader;
import com.waiverdesk.audit.server.LogMigration;
import com.waiverdesk.audit.server.ServerAuditLog;
import com.waiverdesk.audit.server.ServerConnections;
import com.waiverdesk.audit.server.ServerSupervisorActions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code audit migrate}: moves a workstation's existing local log onto the audit server, after verifying it, so the
 * hospital's one trail also holds what each window decided before. Safe to run again: nothing is imported twice.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Verify a workstation's local audit log, then append each of its entries (and its 'decision not"
                + " shown' marks) to the audit server, in order, as the login of --to (the window's desk login, or"
                + " IT's), which the server records as their writer. Each entry's server id is a name-based UUID of"
                + " its hash in the local chain, so a second run, or one after a failure, imports nothing twice, and"
                + " a migrated entry is told from a desk's (random ids) and linked to its original. Migrated entries"
                + " carry their workstation time also as spooled_ms, like entries forwarded from a desk's spool."
                + " The local log is left as it is.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every entry (with --reviews: every local review) is on the server, now or before",
            "1:the program failed (entries imported before the failure stay; run it again)",
            "2:--reviews: some reviewed entries are not on the server yet (import the entries first)",
            "5:the local log was altered: nothing imported",
            "7:no local audit database at --from, or no WaiverDesk schema on the server (IT runs audit server init)",
            "8:the audit server refused the login or did not allow it this",
            "9:the audit server could not be reached or did not answer in time", "64:wrong usage"})
final class MigrateCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "PATH", description = "The local audit database"
            + " (audit.db, or jdbc:sqlite:PATH).")
    String from;

    @Option(names = "--audit-key", paramLabel = "FILE", description = "Its audit key, which signs its anchors"
            + " (default: audit.key beside it).")
    Path auditKey;

    @Option(names = "--to", required = true, paramLabel = "JDBC_URL", description = "The audit server:"
            + " jdbc:postgresql://HOST:PORT/DATABASE?user=LOGIN (the window's desk login, or IT's).")
    String to;

    @Option(names = "--password-file", paramLabel = "FILE", description = "That login's password (else the secret"
            + " store, else ~/.pgpass); - reads standard input.")
    Path passwordFile;

    @Option(names = "--reviews", description = "Instead of the entries: carry the local log's reviews of paper"
            + " certificates over to the entries already migrated, as the supervisor login of --to (a desk login may"
            + " not record reviews). Each is recorded under that login; its reason says who reviewed it locally,"
            + " at which window and when. Run it after the entries were imported; again, it records nothing twice.")
    boolean reviews;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path database;
        try {
            database = ConfigOptions.auditPath(from, "--from", null).toAbsolutePath();
        } catch (ConfigException e) {
            err.println("waiverdesk audit migrate: " + e.getMessage());
            return Cli.EXIT_USAGE;
        }
        Optional<String> missing = AuditCommand.AuditOptions.missingDatabase(database);
        if (missing.isPresent()) {
            err.println("waiverdesk audit migrate: " + missing.get());
            return AuditCommand.EXIT_NO_DATABASE;
        }
        Path keyFile = auditKey != null ? auditKey : database.getParent().resolve("audit.key");
        return new ServerTarget(spec).run(to, null, passwordFile, (server, out) -> {
            byte[] key = readKey(keyFile);
            IntegrityReport report;
            long firstSeq;
            try (SqliteAuditLog local = SqliteAuditLog.open(database, key)) {
                report = local.verify(AuditCommand.progressTo(err));
                firstSeq = local.stats().purgedThroughSeq() + 1;
            } finally {
                Arrays.fill(key, (byte) 0);
            }
            if (!report.intact()) {
                AuditCommand.printReport(report, out, "line");
                err.println("waiverdesk audit migrate: the local log " + database + " was altered: nothing was"
                        + " imported. Keep the file as evidence and ask the hospital's auditor.");
                return AuditCommand.EXIT_ALTERED;
            }
            long lastSeq = report.checks().lastGoodSeq();
            out.println("local log: " + database + " intact, " + (lastSeq < firstSeq ? "no entries to import"
                    : "entries " + firstSeq + " to " + lastSeq));
            if (reviews) {
                return carryReviews(database, server, firstSeq, lastSeq, out, err);
            }
            LogMigration.Result result;
            try (SqliteAuditReader reader = SqliteAuditReader.open(database);
                 ServerAuditLog target = new ServerAuditLog(server)) {
                result = new LogMigration(reader, target).run(firstSeq, lastSeq, reader.notShownMarks(),
                        AuditCommand.progressTo(err));
            }
            out.printf("imported: %d, already on the server: %d, decision-not-shown marks: %d%n", result.imported(),
                    result.alreadyThere(), result.notShownMarks());
            if (result.followsDropped() > 0) {
                out.printf("note: %d paper entries follow a check that was purged from the local log; on the server"
                        + " their 'follows' is empty%n", result.followsDropped());
            }
            if (result.imported() > 0) {
                out.println("note: the entries' ID hashes were made with this workstation's audit key, so an exact-ID"
                        + " search on the server does not find them (name and masked ID do)");
            }
            out.printf("The migrated entries are written by %s with spooled_ms = their workstation time; the local"
                    + " log is unchanged: keep it as this workstation's archive.%n", server.url().user());
            return 0;
        });
    }

    private static int carryReviews(Path database, ServerConnections server, long firstSeq, long lastSeq,
                                    PrintWriter out, PrintWriter err) throws Exception {
        ServerSupervisorActions supervisor = new ServerSupervisorActions(server, Workstation.name(System.getenv()),
                Clock.systemUTC(), null);
        LogMigration.ReviewsResult result;
        try (SqliteAuditReader reader = SqliteAuditReader.open(database)) {
            result = LogMigration.carryReviews(reader, supervisor, firstSeq, lastSeq, AuditCommand.progressTo(err));
        }
        out.printf("reviews in the local log: %d; recorded on the server now: %d, reviewed there already: %d,"
                + " entry not on the server: %d%n", result.reviews(), result.carried(), result.already(),
                result.notOnServer());
        if (result.notOnServer() > 0) {
            err.println("waiverdesk audit migrate: " + result.notOnServer() + " reviewed entries are not on the server:"
                    + " import the entries first (audit migrate with the window's desk login), then run this again");
            return AuditServerCommand.EXIT_NOT_DONE;
        }
        return 0;
    }

    private static byte[] readKey(Path keyFile) throws IOException {
        if (!Files.exists(keyFile)) {
            throw new IOException("there is no audit key at " + keyFile + ": the local log's anchors cannot be"
                    + " checked without it; give --audit-key FILE");
        }
        return AuditKey.load(keyFile);
    }
}
