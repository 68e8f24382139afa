package com.waiverdesk.audit.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Hospital IT's administration of the audit server, run with the database owner's login (which needs CREATEROLE):
 * the schema through Flyway's migrations, the three roles, the desks' and supervisors' logins, and a status report.
 * Blocking: network.
 */
public final class ServerAdmin {
    public static final String SCHEMA = "waiverdesk";
    public static final String OWNER_ROLE = "waiverdesk_owner";
    public static final String DESK_ROLE = "waiverdesk_desk";
    public static final String SUPERVISOR_ROLE = "waiverdesk_supervisor";
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,62}");
    /** Flyway says each step at INFO; IT's terminal and the program's log need only its warnings. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    /** What a new login may do. */
    public enum Kind {
        DESK(DESK_ROLE), SUPERVISOR(SUPERVISOR_ROLE);

        private final String group;

        Kind(String group) {
            this.group = group;
        }

        public String group() {
            return group;
        }
    }

    /** One login of the audit server's groups. */
    public record Login(String name, Kind kind, boolean canLogIn) {
    }

    /**
     * What {@code audit server status} reports.
     *
     * @param schemaVersion the last migration applied, or {@code null} before {@code init}
     * @param lastSeq       the check chain's head: the last entry linked into it
     * @param unlinked      entries after the head, committed but not linked yet (V5)
     */
    public record Status(String serverVersion, String schemaVersion, long entries, long lastSeq, long unlinked,
                         long accessEvents, long anchors, List<Login> logins) {
    }

    private final ServerConnections connections;

    public ServerAdmin(ServerConnections connections) {
        this.connections = connections;
    }

    /**
     * Creates (or brings up to date) the roles, the schema and its functions; running it again changes nothing that is
     * already there.
     *
     * @return the schema version now in place
     */
    public String init() throws SQLException {
        return init("latest");
    }

    /** As {@link #init()}, with the migrations up to {@code version} only (a test of upgrading an older server). */
    String init(String version) throws SQLException {
        try (Connection c = connections.open(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SHOW server_encoding")) {
                rs.next();
                if (!"UTF8".equalsIgnoreCase(rs.getString(1))) {
                    throw new SQLException("The database " + connections.url().database() + " is not UTF8 (it is "
                            + rs.getString(1) + "): create it with ENCODING 'UTF8'", "22023");
                }
            }
            for (String role : List.of(OWNER_ROLE, DESK_ROLE, SUPERVISOR_ROLE)) {
                s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role
                        + "') THEN CREATE ROLE " + role + " NOLOGIN; END IF; END $$");
            }
            s.execute("GRANT " + OWNER_ROLE + " TO CURRENT_USER");
            String db = quote(connections.url().database());
            s.execute("GRANT CREATE, CONNECT ON DATABASE " + db + " TO " + OWNER_ROLE);
            s.execute("REVOKE ALL ON DATABASE " + db + " FROM PUBLIC");
            s.execute("GRANT CONNECT ON DATABASE " + db + " TO " + DESK_ROLE + ", " + SUPERVISOR_ROLE);
            s.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA + " AUTHORIZATION " + OWNER_ROLE);
            s.execute("REVOKE ALL ON SCHEMA " + SCHEMA + " FROM PUBLIC");
            s.execute("GRANT USAGE ON SCHEMA " + SCHEMA + " TO " + DESK_ROLE + ", " + SUPERVISOR_ROLE);
        }
        try {
            Flyway flyway = Flyway.configure(ServerAdmin.class.getClassLoader())
                    .dataSource(dataSource())
                    .schemas(SCHEMA).defaultSchema(SCHEMA).createSchemas(false)
                    .locations("classpath:db/waiverdesk-server")
                    .target(version)
                    .load();
            flyway.migrate();
            return flyway.info().current().getVersion().getVersion();
        } catch (FlywayException e) {
            throw new SQLException("The audit schema could not be brought up to date: " + e.getMessage(), "XX000", e);
        }
    }

    /**
     * Creates a login of {@code kind} with the password (stored as a SCRAM verifier computed here, so the password
     * never reaches the server's log), or sets a new password of an existing login of the same kind.
     *
     * @return whether the login was new
     * @throws IllegalArgumentException a name that is not a plain login name, or one that exists with another role
     */
    public boolean addLogin(String name, Kind kind, char[] password) throws SQLException {
        if (name == null || !LOGIN.matcher(name).matches() || name.startsWith("pg_")
                || name.startsWith("waiverdesk_")) {
            throw new IllegalArgumentException("A login name is 1-63 letters, digits, '_', '.' or '-', starting with a"
                    + " letter, and not pg_… or waiverdesk_…");
        }
        if (password == null || password.length < 12) {
            throw new IllegalArgumentException("The password must have at least 12 characters");
        }
        try (Connection c = connections.open()) {
            boolean exists;
            try (PreparedStatement p = c.prepareStatement("SELECT pg_has_role(r.oid, ?, 'MEMBER') FROM pg_roles r"
                    + " WHERE rolname = ?")) {
                p.setString(1, kind.group());
                p.setString(2, name);
                try (ResultSet rs = p.executeQuery()) {
                    exists = rs.next();
                    if (exists && !rs.getBoolean(1)) {
                        throw new IllegalArgumentException("The login " + name + " exists and is not a "
                                + kind.name().toLowerCase(java.util.Locale.ROOT) + " login: choose another name");
                    }
                }
            }
            if (!exists) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE ROLE " + quote(name) + " LOGIN IN ROLE " + kind.group());
                }
            }
            c.unwrap(PGConnection.class).alterUserPassword(name, password, null);
            return !exists;
        }
    }

    public Status status() throws SQLException {
        try (Connection c = connections.open(); Statement s = c.createStatement()) {
            String version;
            try (ResultSet rs = s.executeQuery("SHOW server_version")) {
                rs.next();
                version = rs.getString(1);
            }
            String schema = null;
            long entries = 0;
            long lastSeq = 0;
            long unlinked = 0;
            long access = 0;
            long anchors = 0;
            boolean present;
            try (ResultSet rs = s.executeQuery("SELECT to_regclass('" + SCHEMA + ".flyway_schema_history') IS NOT NULL")) {
                rs.next();
                present = rs.getBoolean(1);
            }
            if (present) {
                s.execute("SET ROLE " + OWNER_ROLE);
                try (ResultSet rs = s.executeQuery("SELECT version FROM " + SCHEMA + ".flyway_schema_history"
                        + " WHERE success ORDER BY installed_rank DESC LIMIT 1")) {
                    schema = rs.next() ? rs.getString(1) : null;
                }
                try (ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM " + SCHEMA + ".audit_entry),"
                        + " (SELECT seq FROM " + SCHEMA + ".chain_head WHERE chain = 'checks'),"
                        + " (SELECT seq FROM " + SCHEMA + ".chain_head WHERE chain = 'access'),"
                        + " (SELECT count(*) FROM " + SCHEMA + ".audit_anchor),"
                        + " (SELECT count(*) FROM " + SCHEMA + ".audit_entry WHERE seq > (SELECT seq FROM " + SCHEMA
                        + ".chain_head WHERE chain = 'checks'))")) {
                    rs.next();
                    entries = rs.getLong(1);
                    lastSeq = rs.getLong(2);
                    access = rs.getLong(3);
                    anchors = rs.getLong(4);
                    unlinked = rs.getLong(5);
                }
                s.execute("RESET ROLE");
            }
            List<Login> logins = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT r.rolname, g.rolname, r.rolcanlogin FROM pg_roles r"
                    + " JOIN pg_auth_members m ON m.member = r.oid JOIN pg_roles g ON g.oid = m.roleid"
                    + " WHERE g.rolname IN ('" + DESK_ROLE + "', '" + SUPERVISOR_ROLE + "') ORDER BY 2, 1")) {
                while (rs.next()) {
                    logins.add(new Login(rs.getString(1), DESK_ROLE.equals(rs.getString(2)) ? Kind.DESK
                            : Kind.SUPERVISOR, rs.getBoolean(3)));
                }
            }
            return new Status(version, schema, entries, lastSeq, unlinked, access, anchors, logins);
        }
    }

    /**
     * Stores a new version of the deposit policy file; desks load the newest at their next start.
     *
     * @return its version number
     */
    public long addPolicy(String policyId, String sha256, String body) throws SQLException {
        try (Connection c = connections.open()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET ROLE " + OWNER_ROLE);
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO " + SCHEMA + ".policy_version (policy_id,"
                    + " sha256, body, added_us, writer) VALUES (?, ?, ?, " + SCHEMA + ".now_us(), session_user)"
                    + " RETURNING version")) {
                p.setString(1, policyId);
                p.setString(2, sha256);
                p.setString(3, body);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }

    private PGSimpleDataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource() {
            private static final long serialVersionUID = 1L;

            @Override
            public Connection getConnection() throws SQLException {
                return asOwner(connections.open());
            }

            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                return getConnection();
            }
        };
        ds.setURL(connections.url().url());
        return ds;
    }

    /** The connection acting as the owner role, so what a migration creates belongs to it and not to IT's login. */
    private static Connection asOwner(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET ROLE " + OWNER_ROLE);
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** A double-quoted identifier. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
