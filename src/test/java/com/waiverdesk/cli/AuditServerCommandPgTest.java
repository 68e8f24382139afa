package com.waiverdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.server.ServerAuditLog;
import com.waiverdesk.audit.server.ServerConnections;
import com.waiverdesk.audit.server.ServerUrl;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.testing.PgCluster;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code audit server …} and {@code audit verify --audit-db jdbc:postgresql://…} run as IT runs them, against a
 * private PostgreSQL server ({@link PgCluster}); each test in a database of its own. Synthetic logins and passwords.
 */
class AuditServerCommandPgTest extends PgCommandTest {
    /** The newest migration file in the sources (V<n>__…sql), read from the folder, not from Flyway. */
    private static final String LATEST_MIGRATION = latestMigration();

    private static String latestMigration() {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(
                java.nio.file.Path.of("src/main/resources/db/waiverdesk-server"))) {
            return Integer.toString(files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V[0-9]+__.*[.]sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final String DESK_PW = "synthetic desk pw 1 ";
    private static final String SUPERVISOR_PW = "synthetic-supervisor-pw-1";
    private static final String WRONG_PW = "synthetic-wrong-pw-1";

    private String url;

    @Override
    List<String> passwords() {
        return List.of(DESK_PW.strip(), SUPERVISOR_PW, WRONG_PW);
    }

    @BeforeEach
    void ownersAddress() {
        url = ownerUrl();
    }

    private ServerCli.Run admin(String... args) throws Exception {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--audit-db";
        all[args.length + 1] = url;
        all[args.length + 2] = args[2].matches("add-(desk|supervisor)") ? "--admin-password-file" : "--password-file";
        all[args.length + 3] = ownerPasswordFile();
        return cli.run(all);
    }

    private void init() throws Exception {
        ServerCli.Run init = admin("audit", "server", "init");
        assertThat(init.exit()).as(init.err()).isZero();
    }

    private ServerCli.Run addLogin(String kind, String name, String password) throws Exception {
        return admin("audit", "server", "add-" + kind, name, "--password-file",
                cli.passwordFile(name + "-pw", password).toString());
    }

    private static Connection login(String database, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("password", password);
        return DriverManager.getConnection(pg.jdbcUrl(database, user), props);
    }

    @Test
    void initTwiceChangesNothingAndStatusListsTheLoginsByKind() throws Exception {
        ServerCli.Run first = admin("audit", "server", "init");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("is at version " + LATEST_MIGRATION, "waiverdesk_owner, waiverdesk_desk and"
                + " waiverdesk_supervisor are in place");
        ServerCli.Run second = admin("audit", "server", "init");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());

        ServerCli.Run desk = addLogin("desk", "desk_a", DESK_PW);
        assertThat(desk.exit()).as(desk.err()).isZero();
        assertThat(desk.out()).contains("Created the desk login desk_a (member of waiverdesk_desk)");
        ServerCli.Run again = addLogin("desk", "desk_a", DESK_PW);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("The desk login desk_a exists: its password is replaced");
        assertThat(addLogin("desk", "desk_b", DESK_PW).exit()).isZero();
        assertThat(addLogin("supervisor", "sup_a", SUPERVISOR_PW).exit()).isZero();

        ServerCli.Run status = admin("audit", "server", "status");
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).contains(
                "server:            PostgreSQL ",
                "schema version:    " + LATEST_MIGRATION + "\n",
                "entries:           0\n",
                "last seq:          0 (every entry linked)\n",
                "access events:     0\n",
                "anchors:           0\n");
        // logins are roles, which belong to the whole cluster: other tests' logins are listed too
        assertThat(lineOf(status.out(), "desk logins:")).contains("desk_a", "desk_b").doesNotContain("sup_a");
        assertThat(lineOf(status.out(), "supervisor logins:")).contains("sup_a").doesNotContain("desk_");

        // the password file was taken exactly (its spaces too), and the desk can only do what a desk may
        try (Connection deskLogin = login(database, "desk_a", DESK_PW); Statement s = deskLogin.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT octet_length(waiverdesk.id_hash_key())")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(32);
            }
            assertThatThrownBy(() -> s.executeQuery("SELECT count(*) FROM waiverdesk.audit_entry"))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState())
                    .isEqualTo("42501");
        }
        assertThatThrownBy(() -> login(database, "desk_a", DESK_PW.strip()).close())
                .as("the trailing space is part of the password").isInstanceOf(SQLException.class);
    }

    @Test
    void statusBeforeInitSaysToRunInitAndExitsSeven() throws Exception {
        ServerCli.Run status = admin("audit", "server", "status");
        assertThat(status.exit()).as(status.err()).isEqualTo(AuditCommand.EXIT_NO_DATABASE);
        assertThat(status.out()).contains("schema version:    none (run `waiverdesk audit server init`)");
    }

    @Test
    void aWrongPasswordIsRefusedInItsWordsWithExitEight() throws Exception {
        ServerCli.Run run = cli.run("audit", "server", "status", "--audit-db", url, "--password-file",
                cli.passwordFile("wrong", WRONG_PW).toString());
        assertThat(run.exit()).isEqualTo(ServerTarget.EXIT_LOGIN_REFUSED);
        assertThat(run.err()).isEqualTo("waiverdesk audit server status: the audit server 127.0.0.1:" + pg.port()
                + " refused the login it_owner: check its password (`waiverdesk secret set --audit-db` or"
                + " ~/.pgpass) and pg_hba.conf (the password file)\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void withNoPasswordAnywhereItSaysWhereToPutOne() {
        ServerCli.Run run = cli.run("audit", "server", "status", "--audit-db", url);
        assertThat(run.exit()).isEqualTo(ServerTarget.EXIT_LOGIN_REFUSED);
        assertThat(run.err()).contains("asks for the password of it_owner and none was found",
                "--password-file", "secret set --audit-db", "~/.pgpass");
    }

    @Test
    void thePasswordComesFromTheSecretStoreElseFromPgpass() throws Exception {
        ServerCli.Run set = cli.runWithInput(OWNER_PW + "\n", "secret", "set", "--audit-db", url, "--config",
                cli.config());
        assertThat(set.exit()).as(set.err()).isZero();
        ServerCli.Run fromStore = cli.run("audit", "server", "init", "--audit-db", url);
        assertThat(fromStore.exit()).as(fromStore.err()).isZero();

        assertThat(cli.run("secret", "delete", "--audit-db", url, "--config", cli.config()).exit()).isZero();
        assertThat(cli.run("audit", "server", "status", "--audit-db", url).exit())
                .isEqualTo(ServerTarget.EXIT_LOGIN_REFUSED);
        Files.writeString(cli.pgpass(), "127.0.0.1:" + pg.port() + ":" + database + ":" + OWNER + ":" + OWNER_PW
                + "\n");
        Files.setPosixFilePermissions(cli.pgpass(), java.nio.file.attribute.PosixFilePermissions.fromString(
                "rw-------"));
        ServerCli.Run fromPgpass = cli.run("audit", "server", "status", "--audit-db", url);
        assertThat(fromPgpass.exit()).as(fromPgpass.err()).isZero();
        assertThat(fromPgpass.out()).contains("schema version:    " + LATEST_MIGRATION);
    }

    @Test
    void aDeskOrSupervisorLoginIsNotAllowedToAdministerTheServer() throws Exception {
        init();
        assertThat(addLogin("desk", "desk_c", DESK_PW).exit()).isZero();
        ServerCli.Run asDesk = cli.run("audit", "server", "status", "--audit-db", pg.jdbcUrl(database, "desk_c"),
                "--password-file", cli.passwordFile("desk-pw", DESK_PW).toString());
        assertThat(asDesk.exit()).isEqualTo(ServerTarget.EXIT_LOGIN_REFUSED);
        assertThat(asDesk.err()).contains("did not allow the login desk_c to do this");
    }

    @Test
    void addLoginRefusesAShortPasswordAndANameOfAnotherKind() throws Exception {
        init();
        ServerCli.Run shortPw = addLogin("desk", "desk_d", "short-pw");
        assertThat(shortPw.exit()).isEqualTo(AuditServerCommand.EXIT_NOT_DONE);
        assertThat(shortPw.err()).contains("at least 12 characters");
        assertThat(addLogin("supervisor", "sup_d", SUPERVISOR_PW).exit()).isZero();
        ServerCli.Run otherKind = addLogin("desk", "sup_d", DESK_PW);
        assertThat(otherKind.exit()).isEqualTo(AuditServerCommand.EXIT_NOT_DONE);
        assertThat(otherKind.err()).contains("The login sup_d exists and is not a desk login");
        ServerCli.Run status = admin("audit", "server", "status");
        assertThat(lineOf(status.out(), "desk logins:")).doesNotContain("sup_d", "desk_d");
        assertThat(lineOf(status.out(), "supervisor logins:")).contains("sup_d");
    }

    @Test
    void addPolicyStoresAFileThatLoadsAndRefusesOneThatDoesNot() throws Exception {
        init();
        Path policy = dir.resolve("policy.json");
        try (InputStream in = getClass().getResourceAsStream("/com/waiverdesk/app/default-policy.json")) {
            Files.write(policy, in.readAllBytes());
        }
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(policy)));
        ServerCli.Run added = admin("audit", "server", "add-policy", policy.toString());
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("sha256 " + sha256 + ") as version 1");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Files.readString(policy).replace("\"schemaVersion\": 1", "\"schemaVersion\": 99"));
        ServerCli.Run refused = admin("audit", "server", "add-policy", broken.toString());
        assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(AuditServerCommand.EXIT_NOT_DONE);
        assertThat(refused.err()).contains("not stored", "schemaVersion");

        assertThat(addLogin("desk", "desk_e", DESK_PW).exit()).isZero();
        try (ServerAuditLog desk = deskLog("desk_e")) {
            var current = desk.currentPolicy().orElseThrow();
            assertThat(current.version()).isEqualTo(1);
            assertThat(current.sha256()).isEqualTo(sha256);
            assertThat(current.body()).isEqualTo(Files.readString(policy));
        }
    }

    @Test
    void verifyWalksTheServersChainAsASupervisorAndFindsAnEditedEntry() throws Exception {
        init();
        assertThat(addLogin("desk", "desk_f", DESK_PW).exit()).isZero();
        assertThat(addLogin("supervisor", "sup_f", SUPERVISOR_PW).exit()).isZero();
        try (ServerAuditLog desk = deskLog("desk_f")) {
            for (int i = 0; i < 3; i++) {
                desk.append(UUID.randomUUID(), entry(i), null);
            }
        }
        String deskUrl = pg.jdbcUrl(database, "desk_f");
        String supervisorPw = cli.passwordFile("sup-pw", SUPERVISOR_PW).toString();

        ServerCli.Run intact = cli.run("audit", "verify", "--audit-db", deskUrl, "--user", "sup_f",
                "--password-file", supervisorPw);
        assertThat(intact.exit()).as(intact.err()).isZero();
        assertThat(intact.out()).isEqualTo("check entries: 3, access events: 1, anchor lines: 0\n"
                + "intact: every entry and every anchor verifies\n");

        ServerCli.Run asDesk = cli.run("audit", "verify", "--audit-db", deskUrl, "--password-file",
                cli.passwordFile("desk-pw", DESK_PW).toString());
        assertThat(asDesk.exit()).as("a desk may not read the chain").isEqualTo(ServerTarget.EXIT_LOGIN_REFUSED);

        try (Connection admin = pg.superuserConnection(database); Statement s = admin.createStatement()) {
            s.execute("UPDATE waiverdesk.audit_entry SET name = '李四' WHERE seq = 2");
        }
        ServerCli.Run altered = cli.run("audit", "verify", "--audit-db", deskUrl, "--user", "sup_f",
                "--password-file", supervisorPw);
        assertThat(altered.exit()).isEqualTo(AuditCommand.EXIT_ALTERED);
        assertThat(altered.out()).contains("ALTERED: CHECK_ENTRIES, first bad entry 2: EDITED");

        ServerCli.Run wrong = cli.run("audit", "verify", "--audit-db", deskUrl, "--user", "sup_f",
                "--password-file", cli.passwordFile("wrong", WRONG_PW).toString());
        assertThat(wrong.exit()).isEqualTo(ServerTarget.EXIT_LOGIN_REFUSED);
        assertThat(wrong.err()).contains("refused the login sup_f");
    }

    private static String lineOf(String out, String label) {
        return out.lines().filter(l -> l.startsWith(label)).findFirst().orElseThrow();
    }

    private ServerAuditLog deskLog(String login) {
        return new ServerAuditLog(new ServerConnections(ServerUrl.parse(pg.jdbcUrl(database, login)),
                DESK_PW.toCharArray(), Duration.ofSeconds(10)));
    }

    /** A synthetic waived check (the ID is the national standard's published example, masked). */
    private static AuditEntry entry(int i) {
        return new AuditEntry(Instant.parse("2026-03-01T08:00:00.123Z").plusSeconds(i),
                OffsetDateTime.parse("2026-03-01T16:00:00.5+08:00").plusSeconds(i), "clerk-07", "WIN-ADM-03",
                "110105********002X", null, "张三", DecisionKind.WAIVE, 0, "WAIVED_BY_CATEGORY",
                List.of("SUBSISTENCE_ALLOWANCE"), "MATCH", "req-" + i, null, 40 + i);
    }
}
