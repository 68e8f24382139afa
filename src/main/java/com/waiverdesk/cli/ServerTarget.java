package com.waiverdesk.cli;

import com.waiverdesk.app.AppPaths;
import com.waiverdesk.app.AuditServerPasswords;
import com.waiverdesk.app.secret.SecretStore;
import com.waiverdesk.app.secret.SecretStoreException;
import com.waiverdesk.app.secret.SecretStores;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.AuditWriteException.Kind;
import com.waiverdesk.audit.server.ServerConnections;
import com.waiverdesk.audit.server.ServerUrl;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The audit server a command talks to ({@code --audit-db jdbc:postgresql://…}), with the login's password from
 * {@code --password-file}, else the workstation's secret store ({@code secret set --audit-db}), else none, so that
 * pgjdbc reads {@code PGPASSFILE} or {@code ~/.pgpass}; and what went wrong in IT's words with an exit code a script
 * can test. The address is checked before any connection.
 */
final class ServerTarget {
    /** The server refused the login (password, pg_hba.conf) or did not allow it this action. */
    static final int EXIT_LOGIN_REFUSED = 8;
    /** The server could not be reached, or did not answer in time. */
    static final int EXIT_UNREACHABLE = 9;
    /** Enough for a migration on a loaded server; a server that does not answer at all is found within it. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String PASSWORD_STATE_MISSING = "08004";

    /** Where the password came from, for the message when the server refuses it. */
    enum Source {
        FILE("the password file"), STORE("the password in the secret store"), NONE("no password stored here: pgjdbc"
                + " looked in PGPASSFILE or ~/.pgpass");

        private final String words;

        Source(String words) {
            this.words = words;
        }
    }

    /** A command's work once it has the server's connections. */
    interface Work {
        int run(ServerConnections server, PrintWriter out) throws Exception;
    }

    /** A command's work that composes its own connections from the login's password ({@code null}: pgpass). */
    interface Login {
        int run(ServerUrl url, char[] password, PrintWriter out) throws Exception;
    }

    private final CommandSpec spec;

    ServerTarget(CommandSpec spec) {
        this.spec = spec;
    }

    /**
     * Parses {@code address}, takes the password of {@code login} (the address's own when {@code null}) and runs the
     * work; every failure becomes one line on stderr and an exit code.
     */
    int run(String address, String login, Path passwordFile, Work work) {
        return run(address, login, passwordFile, (Login) (url, password, out) ->
                work.run(new ServerConnections(url, password, TIMEOUT), out));
    }

    /** As {@link #run(String, String, Path, Work)}, handing the work the password itself. */
    int run(String address, String login, Path passwordFile, Login work) {
        PrintWriter err = spec.commandLine().getErr();
        ServerUrl url;
        try {
            url = ServerUrl.parse(address);
            url = login == null ? url : url.withUser(login);
        } catch (IllegalArgumentException e) {
            err.println(prefix() + e.getMessage());
            return Cli.EXIT_USAGE;
        }
        char[] password = null;
        Source source;
        try {
            if (passwordFile != null) {
                password = readPassword(passwordFile);
                source = Source.FILE;
            } else {
                password = stored(url, err).orElse(null);
                source = password == null ? Source.NONE : Source.STORE;
            }
        } catch (IOException e) {
            err.println(prefix() + e.getMessage());
            return 1;
        }
        try {
            return work.run(url, password, spec.commandLine().getOut());
        } catch (Exception e) {
            return fail(e, url, source);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** A password from a file, or standard input for {@code -}; warns when the file's group may read it. */
    char[] readPassword(Path file) throws IOException {
        if (file.toString().equals("-")) {
            return PasswordFile.read(System.in);
        }
        if (PasswordFile.groupCanRead(file)) {
            spec.commandLine().getErr().println(prefix() + "note: the password file " + file + " can be read by its"
                    + " group; chmod 600 it");
        }
        return PasswordFile.read(file);
    }

    /** One line and an exit code for a failure of the work. */
    int fail(Exception e, ServerUrl url, Source source) {
        PrintWriter err = spec.commandLine().getErr();
        SQLException sql = sqlCause(e);
        if (sql == null) {
            err.println(prefix() + e.getMessage());
            if (e instanceof AuditWriteException && ((AuditWriteException) e).kind() == Kind.UNAVAILABLE) {
                return EXIT_UNREACHABLE; // the spool's time limit on a server that does not answer
            }
            return e instanceof IllegalArgumentException ? AuditServerCommand.EXIT_NOT_DONE : 1;
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (source == Source.NONE && state.equals(PASSWORD_STATE_MISSING)) {
            // pgjdbc's "the server requested password-based authentication, but no password was provided"
            err.println(prefix() + "the audit server " + url.host() + ":" + url.port() + " asks for the password of "
                    + url.user() + " and none was found: give --password-file, store it with `waiverdesk secret set"
                    + " --audit-db URL`, or add it to ~/.pgpass");
            return EXIT_LOGIN_REFUSED;
        }
        String words = ServerConnections.describe(sql, url);
        int exit = exitFor(sql);
        err.println(prefix() + words + (exit == EXIT_LOGIN_REFUSED && isLoginRefused(state)
                ? " (" + source.words + ")" : ""));
        return exit;
    }

    /** The exit code of a server failure, by its SQL state as {@link ServerConnections#describe} reads it. */
    static int exitFor(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (isLoginRefused(state) || state.equals("42501")) {
            return EXIT_LOGIN_REFUSED;
        }
        if (state.startsWith("08") || state.equals("57014") || e instanceof java.sql.SQLTransientConnectionException) {
            return EXIT_UNREACHABLE;
        }
        if (state.equals("3D000") || state.equals("3F000") || state.equals("42883") || state.equals("42P01")) {
            return AuditCommand.EXIT_NO_DATABASE;
        }
        return 1;
    }

    private static boolean isLoginRefused(String state) {
        return state.equals("28P01") || state.equals("28000");
    }

    /** The SQL failure behind {@code e} (ServerAuditLog wraps it in an AuditWriteException), if any. */
    static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return (SQLException) t;
            }
        }
        return null;
    }

    /** The stored password of the login, if the store can be read; else a note, and pgpass is tried. */
    private Optional<char[]> stored(ServerUrl url, PrintWriter err) {
        try (SecretStore store = SecretStores.open(AppPaths.forCurrentUser())) {
            return AuditServerPasswords.read(url, store);
        } catch (SecretStoreException e) {
            err.println(prefix() + "note: the secret store could not be read (" + e.getMessage() + "); trying"
                    + " ~/.pgpass");
            return Optional.empty();
        }
    }

    private String prefix() {
        return "waiverdesk " + spec.qualifiedName(" ").replaceFirst("^waiverdesk ", "") + ": ";
    }
}
