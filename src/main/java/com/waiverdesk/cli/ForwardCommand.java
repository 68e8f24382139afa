package com.waiverdesk.cli;

import com.waiverdesk.app.AppPaths;
import com.waiverdesk.app.Config;
import com.waiverdesk.app.ConfigException;
import com.waiverdesk.app.ConfigOptions;
import com.waiverdesk.app.LockedSettingException;
import com.waiverdesk.app.ServerAudit;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.spool.SpoolingAuditLog;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code audit forward}: sends the entries waiting in this workstation's spool to the audit server now, as the window
 * and each {@code check} do on their own when the server answers; for IT before taking a workstation away.
 */
@Command(name = "forward", mixinStandardHelpOptions = true,
        description = "Send the entries waiting in this workstation's spool (audit-spool.db, or --audit-spool) to the"
                + " audit server, oldest first, as the window's desk login. Each leaves the spool only once the"
                + " server has committed it; one sent twice is stored once. Run it as the clerk's user.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing waits any more (or nothing waited)", "1:the program failed (e.g. the spool's chain"
                + " is broken): the entries from there on still wait",
            "7:the server has no such database or no WaiverDesk schema in it",
            "8:the audit server refused the login or did not allow it this",
            "9:the audit server could not be reached or did not answer in time: the entries still wait",
            "64:wrong usage (also no audit server configured, or an address refused before connecting)"})
final class ForwardCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--password-file", paramLabel = "FILE", description = "The desk login's password (else the"
            + " secret store, else ~/.pgpass); - reads standard input.")
    java.nio.file.Path passwordFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Config config;
        try {
            config = options.resolve(AppPaths.forCurrentUser(), System.getenv());
        } catch (ConfigException e) {
            err.println("waiverdesk audit forward: " + e.getMessage());
            return e instanceof LockedSettingException ? Cli.EXIT_USAGE : 1;
        }
        if (!config.isAuditServer()) {
            err.println("waiverdesk audit forward: no audit server is configured: give --audit-db"
                    + " jdbc:postgresql://HOST:PORT/DATABASE?user=DESK-LOGIN, or set auditDatabase to it");
            return Cli.EXIT_USAGE;
        }
        if (!Files.isRegularFile(config.auditDatabase())) {
            spec.commandLine().getOut().println("Nothing waits: this workstation has no spool at "
                    + config.auditDatabase() + ".");
            return 0;
        }
        return new ServerTarget(spec).run(config.auditServer(), null, passwordFile, (url, password, out) -> {
            try (ServerAudit server = ServerAudit.open(config, password, Clock.systemUTC())) {
                SpoolingAuditLog log = server.log();
                int before = log.waiting();
                try {
                    int forwarded = log.forward();
                    int left = log.waiting();
                    out.printf("Forwarded %d of %d waiting entries and marks to %s; %d wait.%n", forwarded, before,
                            url.describe(), left);
                    return 0;
                } catch (AuditWriteException e) {
                    out.printf("Not all forwarded: %d entries and marks still wait in %s.%n", log.waiting(),
                            config.auditDatabase());
                    throw e;
                }
            }
        });
    }
}
