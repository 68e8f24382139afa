package com.waiverdesk.testing;

import com.waiverdesk.audit.server.ServerAdmin;
import com.waiverdesk.audit.server.ServerConnections;
import com.waiverdesk.audit.server.ServerUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * A private audit server as IT sets one up, for the tests that need one: a {@link PgCluster}, IT's login
 * {@link #OWNER} (CREATEROLE) owning the test's database, and {@link ServerAdmin} on it. What the test then does
 * ({@link #init()}, which logins it adds, with which passwords) stays in the test, so its assertions can see it.
 *
 * <pre>{@code
 * server = AuditServerFixture.start("audit", "owner-synthetic-pw");
 * server.init();
 * server.addLogin("desk-a", ServerAdmin.Kind.DESK, "desk-synthetic-pw");
 * ServerConnections desk = server.as("desk-a", "desk-synthetic-pw");
 * ...
 * server.close();
 * }</pre>
 */
public final class AuditServerFixture implements AutoCloseable {
    /** IT's login: owner of every database made here, may create roles. */
    public static final String OWNER = "it_owner";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final PgCluster pg;
    private final String database;
    private final char[] ownerPassword;
    private final Duration timeout;
    private final ServerConnections owner;

    private AuditServerFixture(PgCluster pg, String database, char[] ownerPassword, Duration timeout) {
        this.pg = pg;
        this.database = database;
        this.ownerPassword = ownerPassword;
        this.timeout = timeout;
        this.owner = new ServerConnections(ServerUrl.parse(pg.jdbcUrl(database, OWNER)), ownerPassword, timeout);
    }

    /** A new cluster (skipped or failed as {@link PgCluster#start()} says) with IT's login and its database. */
    public static AuditServerFixture start(String database, String ownerPassword) throws SQLException {
        return start(database, ownerPassword.toCharArray(), TIMEOUT);
    }

    /** As {@link #start(String, String)}, with the connections' timeout. The password array is kept, not copied. */
    public static AuditServerFixture start(String database, char[] ownerPassword, Duration timeout)
            throws SQLException {
        PgCluster pg = PgCluster.start();
        try {
            pg.createLogin(OWNER, new String(ownerPassword), true);
            pg.createDatabase(database, OWNER);
            return new AuditServerFixture(pg, database, ownerPassword, timeout);
        } catch (SQLException | RuntimeException | Error e) {
            pg.close();
            throw e;
        }
    }

    public PgCluster pg() {
        return pg;
    }

    public String database() {
        return database;
    }

    /** IT's connections to the database (the owner login). */
    public ServerConnections owner() {
        return owner;
    }

    /** IT's {@link ServerAdmin} on the database. */
    public ServerAdmin admin() {
        return new ServerAdmin(owner);
    }

    /** {@code audit server init}: the version the database is at. */
    public String init() throws SQLException {
        return admin().init();
    }

    /** {@code add-desk} / {@code add-supervisor}: whether the login was new. */
    public boolean addLogin(String login, ServerAdmin.Kind kind, String password) throws SQLException {
        return admin().addLogin(login, kind, password.toCharArray());
    }

    /** The desk's configured address of the database for {@code login}. */
    public String url(String login) {
        return pg.jdbcUrl(database, login);
    }

    /** Connections to the database as {@code login}. */
    public ServerConnections as(String login, String password) {
        return owner.as(login, password.toCharArray());
    }

    /** Connections to another database of the cluster as {@code login}. */
    public ServerConnections as(String db, String login, String password) {
        return new ServerConnections(ServerUrl.parse(pg.jdbcUrl(db, login)), password.toCharArray(), timeout);
    }

    /**
     * Another database owned by IT's login, initialised ({@code audit server init}); the logins are cluster-wide,
     * so those already added may use it. IT's connections to it.
     */
    public ServerConnections initDatabase(String name) throws SQLException {
        pg.createDatabase(name, OWNER);
        ServerConnections other = new ServerConnections(ServerUrl.parse(pg.jdbcUrl(name, OWNER)),
                ownerPassword.clone(), timeout);
        new ServerAdmin(other).init();
        return other;
    }

    /** Runs {@code sql} as the cluster's superuser in {@code db} (to read or alter what no login may). */
    public void superuserSql(String db, String sql) throws SQLException {
        try (Connection c = pg.superuserConnection(db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * Every table of the audit schema in {@code db} with one of its columns, as the superuser sees them: what the
     * privilege tests try on, so a table a later migration adds is tried too.
     */
    public Map<String, String> schemaTables(String db) throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        try (Connection c = pg.superuserConnection(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT c.table_name, c.column_name FROM information_schema.columns c"
                     + " JOIN pg_tables t ON t.schemaname = c.table_schema AND t.tablename = c.table_name"
                     + " WHERE c.table_schema = 'waiverdesk' AND c.ordinal_position = 1")) {
            while (rs.next()) {
                tables.put(rs.getString(1), rs.getString(2));
            }
        }
        return tables;
    }

    @Override
    public void close() {
        pg.close();
    }
}
