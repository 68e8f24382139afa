package com.waiverdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The private test server does what the PostgreSQL tests rely on: its own port, passwords, crash recovery, no leftovers. */
class PgClusterTest {
    private static final String PASSWORD = "synthetic-desk-pw-1";
    private static PgCluster pg;

    @BeforeAll
    static void server() throws SQLException {
        pg = PgCluster.start();
        pg.createLogin("it_owner", PASSWORD, true);
        pg.createDatabase("it_audit", "it_owner");
    }

    @AfterAll
    static void stop() {
        if (pg != null) {
            pg.close();
        }
    }

    private static Connection login(PgCluster cluster, String database, String user, String password)
            throws SQLException {
        Properties props = new Properties();
        props.setProperty("password", password);
        return DriverManager.getConnection(cluster.jdbcUrl(database, user), props);
    }

    private static String one(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            assertThat(row.next()).as(sql).isTrue();
            return row.getString(1);
        }
    }

    @Test
    void aLoginConnectsOverTcpWithItsPasswordAndOnlyWithIt() throws SQLException {
        try (Connection owner = login(pg, "it_audit", "it_owner", PASSWORD)) {
            assertThat(one(owner, "SELECT session_user")).isEqualTo("it_owner");
            assertThat(one(owner, "SELECT host(inet_server_addr()) || ':' || inet_server_port()"))
                    .isEqualTo("127.0.0.1:" + pg.port());
            assertThat(one(owner, "SELECT rolcreaterole FROM pg_roles WHERE rolname = session_user")).isEqualTo("t");
            assertThat(one(owner, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'it_audit'"))
                    .isEqualTo("it_owner");
        }
        pg.createLogin("desk-03", "synthetic-desk-pw-2", false);
        try (Connection desk = login(pg, "it_audit", "desk-03", "synthetic-desk-pw-2")) {
            assertThat(one(desk, "SELECT session_user")).isEqualTo("desk-03");
            assertThat(one(desk, "SELECT rolcreaterole FROM pg_roles WHERE rolname = session_user")).isEqualTo("f");
        }
        assertThatThrownBy(() -> login(pg, "it_audit", "it_owner", "not-the-password").close())
                .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo("28P01");
    }

    @Test
    void theServerIsPrivateDurableAndNotRunAsRoot() throws SQLException {
        try (Connection admin = pg.superuserConnection("postgres")) {
            assertThat(one(admin, "SHOW data_directory")).startsWith(pg.directory().toString());
            assertThat(one(admin, "SHOW unix_socket_directories")).startsWith(pg.directory().toString());
            assertThat(one(admin, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(one(admin, "SHOW fsync")).isEqualTo("on");
            assertThat(one(admin, "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(one(admin, "SELECT auth_method FROM pg_hba_file_rules WHERE type = 'host' LIMIT 1"))
                    .isEqualTo("scram-sha-256");
        }
        assertThat(ProcessHandle.of(pg.postmasterPid()).flatMap(p -> p.info().user())).isPresent()
                .get().isNotEqualTo("root");
    }

    @Test
    void aSecondClusterRunsBesideTheFirstOnAnotherPort() throws SQLException {
        try (PgCluster second = PgCluster.start()) {
            assertThat(second.port()).isNotEqualTo(pg.port());
            assertThat(second.directory()).isNotEqualTo(pg.directory());
            try (Connection a = pg.superuserConnection("postgres");
                    Connection b = second.superuserConnection("postgres")) {
                assertThat(one(a, "SHOW port")).isEqualTo(String.valueOf(pg.port()));
                assertThat(one(b, "SHOW port")).isEqualTo(String.valueOf(second.port()));
            }
        }
    }

    @Test
    void committedRowsSurviveAnImmediateStopAndAKilledPostmasterButUncommittedOnesDoNot() throws SQLException {
        try (Connection owner = login(pg, "it_audit", "it_owner", PASSWORD);
                Statement statement = owner.createStatement()) {
            statement.execute("CREATE TABLE crash (n int)");
            statement.execute("INSERT INTO crash VALUES (1)");
        }
        Connection open = login(pg, "it_audit", "it_owner", PASSWORD);
        open.setAutoCommit(false);
        try (Statement statement = open.createStatement()) {
            statement.execute("INSERT INTO crash VALUES (99)");
        }
        int port = pg.port();
        pg.stopImmediate();
        assertThat(pg.running()).isFalse();
        assertThatThrownBy(() -> login(pg, "it_audit", "it_owner", PASSWORD).close())
                .isInstanceOf(SQLException.class);
        pg.restart();
        assertThat(pg.port()).isEqualTo(port);
        try (Connection owner = login(pg, "it_audit", "it_owner", PASSWORD);
                Statement statement = owner.createStatement()) {
            assertThat(one(owner, "SELECT string_agg(n::text, ',' ORDER BY n) FROM crash")).isEqualTo("1");
            statement.execute("INSERT INTO crash VALUES (2)");
        }
        long killed = pg.postmasterPid();
        pg.kill9();
        assertThat(ProcessHandle.of(killed).filter(ProcessHandle::isAlive)).isEmpty();
        pg.restart();
        try (Connection owner = login(pg, "it_audit", "it_owner", PASSWORD)) {
            assertThat(one(owner, "SELECT string_agg(n::text, ',' ORDER BY n) FROM crash")).isEqualTo("1,2");
        }
        assertThatThrownBy(() -> one(open, "SELECT 1")).isInstanceOf(SQLException.class);
        open.close();
    }

    @Test
    void aServerThatCannotStartFailsTheTestInCiAndSkipsItElsewhere() {
        assertThatThrownBy(() -> PgCluster.cannotStart("no PostgreSQL server programs", null, "true"))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("no PostgreSQL server programs");
        assertThat(PgCluster.cannotStart("no PostgreSQL server programs", null, null))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("no PostgreSQL server programs");
    }

    @Test
    void closeLeavesNoServerProcessAndNoFolder() throws SQLException {
        PgCluster own = PgCluster.start();
        Path dir = own.directory();
        List<ProcessHandle> processes = new ArrayList<>();
        ProcessHandle postmaster = ProcessHandle.of(own.postmasterPid()).orElseThrow();
        processes.add(postmaster);
        postmaster.descendants().forEach(processes::add);
        try (Connection connection = own.superuserConnection("postgres")) {
            processes.add(ProcessHandle.of(Long.parseLong(one(connection, "SELECT pg_backend_pid()"))).orElseThrow());
            own.close();
        }
        // a zombie waiting for process 1 to reap it is no server
        assertThat(processes).hasSizeGreaterThan(3).noneMatch(PgLeftovers::alive);
        assertThat(ProcessHandle.allProcesses().filter(PgLeftovers::alive).filter(p -> p.info().arguments()
                .map(args -> String.join(" ", args).contains(dir.toString())).orElse(false))).isEmpty();
        assertThat(Files.exists(dir)).isFalse();
        own.close(); // twice is harmless
    }
}
