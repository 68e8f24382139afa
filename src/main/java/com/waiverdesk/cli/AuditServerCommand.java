package com.waiverdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.app.PolicyException;
import com.waiverdesk.app.PolicyLoader;
import com.waiverdesk.audit.server.ServerAdmin;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code audit server}: hospital IT's set-up of the PostgreSQL audit server (docs/hospital-deployment.md), run with
 * the database owner's login: the schema and roles, the desks' and supervisors' logins, the policy file's versions
 * and a status report.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Set up the hospital's audit server (PostgreSQL), as IT with the database owner's login.",
        subcommands = {AuditServerCommand.Init.class, AuditServerCommand.AddDesk.class,
            AuditServerCommand.AddSupervisor.class, AuditServerCommand.Status.class, AuditServerCommand.AddPolicy.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the program failed", "2:refused, nothing changed (a login name or password that"
                + " is not allowed, a login of another kind, a policy file that does not load)",
            "7:the server has no such database, or no WaiverDesk schema in it (run init first)",
            "8:the server refused the login (password, pg_hba.conf) or did not allow it this (init needs CREATEROLE)",
            "9:the server could not be reached or did not answer in time", "64:wrong usage (also an --audit-db"
                + " address that is refused before connecting: a password in it, or a server that is not this"
                + " machine without sslmode=verify-full)"})
final class AuditServerCommand {
    /** Refused by the program before anything was changed on the server. */
    static final int EXIT_NOT_DONE = 2;

    /** The address and IT's login of every {@code audit server} command. */
    static final class Admin {
        @Option(names = "--audit-db", required = true, paramLabel = "JDBC_URL",
                description = "The audit server: jdbc:postgresql://HOST:PORT/DATABASE?user=LOGIN (IT's login, owner"
                        + " of the database with CREATEROLE); a server that is not this machine needs"
                        + " &sslmode=verify-full&sslrootcert=CA.pem. Never a password in it.")
        String address;

        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        int run(Path adminPasswordFile, ServerTarget.Work work) {
            return new ServerTarget(spec).run(address, null, adminPasswordFile, work);
        }
    }

    /** IT's login password, for the commands where no other password is in play. */
    static final class AdminPassword {
        @Option(names = "--password-file", paramLabel = "FILE", description = "IT's login password (else the secret"
                + " store, else ~/.pgpass); - reads standard input.")
        Path file;
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create (or bring up to date) the audit schema, its functions and the roles"
                    + " waiverdesk_owner, waiverdesk_desk and waiverdesk_supervisor. Running it again changes nothing"
                    + " that is already in place.")
    static final class Init implements Callable<Integer> {
        @Mixin
        Admin admin;

        @Mixin
        AdminPassword password;

        @Override
        public Integer call() {
            return admin.run(password.file, (server, out) -> {
                String version = new ServerAdmin(server).init();
                out.printf("The audit schema of %s on %s:%d is at version %s; the roles %s, %s and %s are in place.%n",
                        server.url().database(), server.url().host(), server.url().port(), version,
                        ServerAdmin.OWNER_ROLE, ServerAdmin.DESK_ROLE, ServerAdmin.SUPERVISOR_ROLE);
                out.println("Next: `waiverdesk audit server add-desk NAME --password-file FILE` for each window.");
                return 0;
            });
        }
    }

    /** {@code add-desk} and {@code add-supervisor}: one login of a kind, its password from a file. */
    abstract static class AddLogin implements Callable<Integer> {
        @Mixin
        Admin admin;

        @Parameters(index = "0", paramLabel = "NAME", description = "The new login (letters, digits, _ . -).")
        String name;

        @Option(names = "--password-file", required = true, paramLabel = "FILE", description = "The new login's"
                + " password (at least 12 characters; one line; - reads standard input). Only a SCRAM verifier"
                + " computed here reaches the server.")
        Path passwordFile;

        @Option(names = "--admin-password-file", paramLabel = "FILE", description = "IT's own login password (else"
                + " the secret store, else ~/.pgpass).")
        Path adminPasswordFile;

        abstract ServerAdmin.Kind kind();

        @Override
        public Integer call() {
            PrintWriter err = admin.spec.commandLine().getErr();
            if (passwordFile.toString().equals("-") && adminPasswordFile != null
                    && adminPasswordFile.toString().equals("-")) {
                err.println("only one of --password-file and --admin-password-file can read standard input");
                return Cli.EXIT_USAGE;
            }
            char[] password;
            try {
                password = new ServerTarget(admin.spec).readPassword(passwordFile);
            } catch (IOException e) {
                err.println("waiverdesk audit server " + admin.spec.name() + ": " + e.getMessage());
                return 1;
            }
            try {
                return admin.run(adminPasswordFile, (server, out) -> {
                    boolean created = new ServerAdmin(server).addLogin(name, kind(), password);
                    String kindName = kind().name().toLowerCase(Locale.ROOT);
                    out.println(created ? "Created the " + kindName + " login " + name + " (member of "
                            + kind().group() + ")." : "The " + kindName + " login " + name + " exists: its password"
                            + " is replaced.");
                    out.println(kind() == ServerAdmin.Kind.DESK ? "At that window: `waiverdesk secret set --audit-db"
                            + " URL-WITH-user=" + name + "` stores the same password (or put it in ~/.pgpass)."
                            : "The supervisor signs in as " + name + "; `waiverdesk audit verify --audit-db URL"
                            + " --user " + name + "` walks the chain.");
                    return 0;
                });
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }

    @Command(name = "add-desk", mixinStandardHelpOptions = true,
            description = "Create a desk login (member of waiverdesk_desk: it can only append entries), or give an"
                    + " existing one a new password.")
    static final class AddDesk extends AddLogin {
        @Override
        ServerAdmin.Kind kind() {
            return ServerAdmin.Kind.DESK;
        }
    }

    @Command(name = "add-supervisor", mixinStandardHelpOptions = true,
            description = "Create a supervisor login (member of waiverdesk_supervisor: reads, verifies, purges"
                    + " through functions that record each action), or give an existing one a new password.")
    static final class AddSupervisor extends AddLogin {
        @Override
        ServerAdmin.Kind kind() {
            return ServerAdmin.Kind.SUPERVISOR;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Server and schema version, entries, last seq, access events, anchors, and the logins by"
                    + " kind. Exit code 7 before init.")
    static final class Status implements Callable<Integer> {
        @Mixin
        Admin admin;

        @Mixin
        AdminPassword password;

        @Override
        public Integer call() {
            return admin.run(password.file, (server, out) -> {
                ServerAdmin.Status status = new ServerAdmin(server).status();
                line(out, "server:", "PostgreSQL " + status.serverVersion() + " at " + server.url().host() + ":"
                        + server.url().port() + ", database " + server.url().database());
                line(out, "schema version:", status.schemaVersion() == null
                        ? "none (run `waiverdesk audit server init`)" : status.schemaVersion());
                line(out, "entries:", status.entries());
                line(out, "last seq:", status.lastSeq() + (status.unlinked() == 0 ? " (every entry linked)"
                        : " linked; " + status.unlinked() + " newer entries not linked yet (the next append or"
                        + " forwarding tick links them)"));
                line(out, "access events:", status.accessEvents());
                line(out, "anchors:", status.anchors());
                for (ServerAdmin.Kind kind : ServerAdmin.Kind.values()) {
                    line(out, kind.name().toLowerCase(Locale.ROOT) + " logins:", status.logins().stream()
                            .filter(l -> l.kind() == kind)
                            .map(l -> l.canLogIn() ? l.name() : l.name() + " (cannot log in)")
                            .reduce((a, b) -> a + ", " + b).orElse("none"));
                }
                return status.schemaVersion() == null ? AuditCommand.EXIT_NO_DATABASE : 0;
            });
        }
    }

    private static void line(PrintWriter out, String label, Object value) {
        out.printf("%-19s%s%n", label, value);
    }

    @Command(name = "add-policy", mixinStandardHelpOptions = true,
            description = "Store a new version of the deposit policy file on the server, after loading it exactly as"
                    + " a desk does (a file that does not load is refused and never reaches the desks). Desks load"
                    + " the newest version at their next start and record its id and SHA-256 in each entry.")
    static final class AddPolicy implements Callable<Integer> {
        @Mixin
        Admin admin;

        @Mixin
        AdminPassword password;

        @Parameters(index = "0", paramLabel = "FILE", description = "The policy file (docs/policy-file.md).")
        Path file;

        @Override
        public Integer call() {
            PrintWriter err = admin.spec.commandLine().getErr();
            PolicyLoader.Loaded loaded;
            byte[] bytes;
            String body;
            try {
                loaded = new PolicyLoader(new ObjectMapper()).loadWithDigest(file);
                bytes = Files.readAllBytes(file);
                body = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (PolicyException e) {
                err.println("waiverdesk audit server add-policy: not stored: " + e.getMessage());
                return EXIT_NOT_DONE;
            } catch (CharacterCodingException e) {
                err.println("waiverdesk audit server add-policy: not stored: " + file + " is not UTF-8 text");
                return EXIT_NOT_DONE;
            } catch (IOException e) {
                err.println("waiverdesk audit server add-policy: cannot read " + file + " (" + e.getMessage() + ")");
                return 1;
            }
            if (!sha256(bytes).equals(loaded.sha256())) {
                err.println("waiverdesk audit server add-policy: not stored: " + file + " changed while it was read;"
                        + " try again");
                return EXIT_NOT_DONE;
            }
            return admin.run(password.file, (server, out) -> {
                long version = new ServerAdmin(server).addPolicy(loaded.policy().id(), loaded.sha256(), body);
                out.printf("Stored policy %s (sha256 %s) as version %d; desks load it at their next start.%n",
                        loaded.policy().id(), loaded.sha256(), version);
                return 0;
            });
        }

        private static String sha256(byte[] bytes) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }
    }
}
