package com.waiverdesk.audit.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Opens connections to the audit server with pgjdbc: the login of the address, the password given (from the
 * workstation's secret store) or, when none is, the one pgjdbc finds in {@code PGPASSFILE} or {@code ~/.pgpass};
 * bounded connect and read times so a server that hangs costs a check its budget, never the window.
 */
public final class ServerConnections {
    private final ServerUrl url;
    private final char[] password;
    private final Duration timeout;
    private final boolean boundOnServer;

    /**
     * @param password the login's password, or {@code null} to let pgjdbc read {@code ~/.pgpass} / PGPASSFILE
     * @param timeout  bound of connecting and of one statement's answer (at least one second: pgjdbc counts seconds)
     */
    public ServerConnections(ServerUrl url, char[] password, Duration timeout) {
        this(url, password, timeout, false);
    }

    private ServerConnections(ServerUrl url, char[] password, Duration timeout, boolean boundOnServer) {
        this.url = url;
        this.password = password == null ? null : password.clone();
        this.timeout = timeout;
        this.boundOnServer = boundOnServer;
    }

    /**
     * The same connections, each statement also bounded on the server ({@code statement_timeout}) by the time after
     * which the program stops waiting for its answer: a supervisor's search the screen gave up on stops on the server
     * too, instead of running on. Not for IT's administration (a migration may take longer).
     */
    public ServerConnections boundedOnServer() {
        return new ServerConnections(url, password, timeout, true);
    }

    public ServerUrl url() {
        return url;
    }

    /** A new connection in auto-commit mode. Blocking: network. */
    public Connection open() throws SQLException {
        Properties p = new Properties();
        int seconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
        p.setProperty("connectTimeout", Integer.toString(seconds));
        p.setProperty("loginTimeout", Integer.toString(seconds));
        int answerSeconds = Math.max(seconds, 5) * 2;
        p.setProperty("socketTimeout", Integer.toString(answerSeconds));
        if (boundOnServer) {
            p.setProperty("options", "-c statement_timeout=" + answerSeconds + "s");
        }
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "WaiverDesk");
        if (password != null) {
            p.setProperty("password", new String(password));
        }
        return DriverManager.getConnection(url.url(), p);
    }

    /** The same server with another login and its password (a supervisor signing in; IT's administration). */
    public ServerConnections as(String login, char[] loginPassword) {
        return new ServerConnections(url.withUser(login), loginPassword, timeout, boundOnServer);
    }

    /**
     * What went wrong, in words for the clerk's or IT's screen; the SQL state decides, never the server's message
     * (which may quote values).
     */
    public static String describe(SQLException e, ServerUrl url) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = "the audit server " + url.host() + ":" + url.port();
        if (state.startsWith("08") || e instanceof java.sql.SQLTransientConnectionException) {
            return "Could not reach " + where + " (the network or the server is down)";
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return where + " refused the login " + url.user() + ": check its password (`waiverdesk secret set"
                    + " --audit-db` or ~/.pgpass) and pg_hba.conf";
        }
        if (state.equals("42501")) {
            return where + " did not allow the login " + url.user() + " to do this";
        }
        if (state.equals("57014")) {
            return where + " did not answer in time";
        }
        if (state.equals("3D000")) {
            return where + " has no database " + url.database();
        }
        if (state.equals("3F000") || state.equals("42883") || state.equals("42P01")) {
            return where + " has no WaiverDesk audit schema in " + url.database() + ": IT runs `waiverdesk audit"
                    + " server init` first";
        }
        if (state.startsWith("53")) {
            return where + " is out of resources (disk full or too many connections)";
        }
        return where + " failed (SQL state " + state + ")";
    }
}
