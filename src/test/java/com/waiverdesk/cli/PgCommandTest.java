package com.waiverdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.testing.PgCluster;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command tests against a real server share: a private PostgreSQL server per class ({@link PgCluster})
 * with IT's login (owner of each database, CREATEROLE), a new database per test, and {@link ServerCli} in a temporary
 * home that checks no password of {@link #passwords()} is ever printed.
 */
abstract class PgCommandTest {
    static final String OWNER = "it_owner";
    static final String OWNER_PW = "synthetic-owner-pw-1";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    static PgCluster pg;

    @TempDir
    Path dir;

    ServerCli cli;
    String database;
    /** Unique to the test: logins are cluster-wide roles, so tests name theirs with it. */
    int testNumber;

    @BeforeAll
    static void server() throws SQLException {
        pg = PgCluster.start();
        pg.createLogin(OWNER, OWNER_PW, true);
    }

    @AfterAll
    static void stop() {
        if (pg != null) {
            pg.close();
            pg = null;
        }
    }

    /** The test's passwords besides IT's. */
    abstract List<String> passwords();

    @BeforeEach
    void freshDatabase() throws Exception {
        List<String> all = new ArrayList<>(passwords());
        all.add(OWNER_PW);
        cli = new ServerCli(dir, all);
        testNumber = DATABASES.incrementAndGet();
        database = "audit_" + testNumber;
        pg.createDatabase(database, OWNER);
    }

    @AfterEach
    void restore() {
        cli.close();
    }

    /** IT's address of the test's database. */
    String ownerUrl() {
        return pg.jdbcUrl(database, OWNER);
    }

    String ownerPasswordFile() throws Exception {
        return cli.passwordFile("owner-pw", OWNER_PW).toString();
    }

    /** {@code audit server init}, then a desk and a supervisor login with their passwords, as IT sets a server up. */
    void initWith(String desk, String deskPassword, String supervisor, String supervisorPassword) throws Exception {
        String owner = ownerPasswordFile();
        ServerCli.Run init = cli.run("audit", "server", "init", "--audit-db", ownerUrl(), "--password-file", owner);
        assertThat(init.exit()).as(init.err()).isZero();
        for (String[] login : new String[][] {{"add-desk", desk, deskPassword},
            {"add-supervisor", supervisor, supervisorPassword}}) {
            ServerCli.Run add = cli.run("audit", "server", login[0], login[1], "--password-file",
                    cli.passwordFile(login[1] + "-pw", login[2]).toString(), "--audit-db", ownerUrl(),
                    "--admin-password-file", owner);
            assertThat(add.exit()).as(add.err()).isZero();
        }
    }
}
