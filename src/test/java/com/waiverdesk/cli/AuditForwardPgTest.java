package com.waiverdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code audit forward}, and the commands a workstation configured for the audit server runs: the desk login's
 * password stored with {@code secret set --audit-server}, read by the real {@code check} (its entries spooled while
 * the server is stopped), forwarded on demand once it is back; {@code audit verify} of the configured server as a
 * supervisor; the local-log commands refusing to open the spool. Against a private PostgreSQL server.
 */
class AuditForwardPgTest extends PgCommandTest {
    private static final String DESK_PW = "synthetic-desk-pw-3";
    private static final String SUPERVISOR_PW = "synthetic-supervisor-pw-3";

    private String desk;
    private String supervisor;
    private Path spool;
    private Path deskConfig;

    @Override
    List<String> passwords() {
        return List.of(DESK_PW, SUPERVISOR_PW);
    }

    @BeforeEach
    void workstationConfiguredForTheServer() throws Exception {
        desk = "desk_w" + testNumber;
        supervisor = "sup_w" + testNumber;
        initWith(desk, DESK_PW, supervisor, SUPERVISOR_PW);
        spool = dir.resolve("data").resolve("audit-spool.db");
        deskConfig = dir.resolve("desk.json");
        Files.writeString(deskConfig, "{\"auditDatabase\": \"" + pg.jdbcUrl(database, desk) + "\", \"auditSpool\": \""
                + spool + "\"}");
    }

    private ServerCli.Run check() throws Exception {
        ServerCli.Run run = cli.run("check", "--name", "王秀英", "--id", "310101195203140028", "--config",
                deskConfig.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        return run;
    }

    private long serverEntries(String condition) throws SQLException {
        try (Connection c = pg.superuserConnection(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM waiverdesk.audit_entry WHERE " + condition)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void entriesSpooledWhileTheServerIsDownAreForwardedOnDemand() throws Exception {
        ServerCli.Run stored = cli.runWithInput(DESK_PW + "\n", "secret", "set", "--audit-server", "--config",
                deskConfig.toString());
        assertThat(stored.exit()).as(stored.err()).isZero();
        assertThat(stored.out()).contains("Stored the password for waiverdesk-audit:" + desk + "@127.0.0.1:"
                + pg.port());

        assertThat(new ObjectMapper().readTree(check().out()).get("auditWaiting").asBoolean()).isFalse();
        pg.stopImmediate();
        List<JsonNode> spooled = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                spooled.add(new ObjectMapper().readTree(check().out()));
            }
            ServerCli.Run down = cli.run("audit", "forward", "--config", deskConfig.toString());
            assertThat(down.exit()).as(down.err()).isEqualTo(ServerTarget.EXIT_UNREACHABLE);
            assertThat(down.out()).contains("Not all forwarded: 2 entries and marks still wait in " + spool);
        } finally {
            pg.restart();
        }
        assertThat(spooled).allSatisfy(json -> assertThat(json.get("auditWaiting").asBoolean()).isTrue());
        assertThat(serverEntries("true")).isEqualTo(1);

        ServerCli.Run forward = cli.run("audit", "forward", "--config", deskConfig.toString());
        assertThat(forward.exit()).as(forward.err()).isZero();
        assertThat(forward.out()).contains("Forwarded 2 of 2 waiting entries and marks to " + desk + "@127.0.0.1:"
                + pg.port() + "/" + database + "; 0 wait.");
        assertThat(serverEntries("true")).isEqualTo(3);
        assertThat(serverEntries("spooled_ms IS NOT NULL AND writer = '" + desk + "'")).isEqualTo(2);

        ServerCli.Run again = cli.run("audit", "forward", "--config", deskConfig.toString());
        assertThat(again.out()).contains("Forwarded 0 of 0");

        ServerCli.Run verify = cli.run("audit", "verify", "--config", deskConfig.toString(), "--user", supervisor,
                "--password-file", cli.passwordFile("sup-pw", SUPERVISOR_PW).toString());
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("check entries: 3", "intact");
    }

    @Test
    void withoutASpoolNothingWaitsAndWithoutAServerForwardIsWrongUsage() throws Exception {
        ServerCli.Run nothing = cli.run("audit", "forward", "--config", deskConfig.toString(), "--password-file",
                cli.passwordFile("desk-pw", DESK_PW).toString());
        assertThat(nothing.exit()).as(nothing.err()).isZero();
        assertThat(nothing.out()).contains("Nothing waits: this workstation has no spool at " + spool);
        assertThat(Files.exists(spool)).as("no spool is made by looking").isFalse();

        ServerCli.Run local = cli.run("audit", "forward", "--config", cli.config(), "--audit-db",
                dir.resolve("audit.db").toString());
        assertThat(local.exit()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(local.err()).contains("no audit server is configured");
    }

    @Test
    void aWorkstationOnTheServerVerifiesItAsASupervisorAndNeverOpensItsSpoolAsALog() throws Exception {
        assertThat(cli.run("secret", "set", "--audit-server", "--config", deskConfig.toString()).exit())
                .as("nothing on standard input").isEqualTo(1);
        ServerCli.Run asDesk = cli.run("audit", "verify", "--config", deskConfig.toString());
        assertThat(asDesk.exit()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(asDesk.err()).contains("give your supervisor login with --user");

        cli.runWithInput(DESK_PW + "\n", "secret", "set", "--audit-server", "--config", deskConfig.toString());
        check();
        byte[] before = Files.readAllBytes(spool);
        for (String command : List.of("stats", "purge", "set-passphrase")) {
            List<String> args = new ArrayList<>(List.of("audit", command, "--config", deskConfig.toString()));
            if (command.equals("purge")) {
                args.addAll(List.of("--before", "2020-01-01"));
            }
            ServerCli.Run run = cli.run(args.toArray(String[]::new));
            assertThat(run.exit()).as(command + ": " + run.err()).isEqualTo(Cli.EXIT_USAGE);
            assertThat(run.err()).contains("this workstation's audit log is on the audit server " + desk + "@");
        }
        assertThat(Files.readAllBytes(spool)).as("the spool was not opened as a log").isEqualTo(before);
    }
}
