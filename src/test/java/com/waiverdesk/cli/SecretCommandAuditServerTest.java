package com.waiverdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.waiverdesk.app.AppPaths;
import com.waiverdesk.app.AuditServerPasswords;
import com.waiverdesk.app.secret.SecretStore;
import com.waiverdesk.app.secret.SecretStores;
import com.waiverdesk.audit.server.ServerUrl;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code secret set | status | delete --audit-db URL}: the desk login's password kept in the workstation's store
 * under a key of its own server, database and login, and read back by {@link AuditServerPasswords} as the desk's
 * wiring does. The store is the encrypted file in a temporary home, so no real keyring is touched.
 */
class SecretCommandAuditServerTest {
    private static final String URL = "jdbc:postgresql://127.0.0.1:55999/audit?user=desk_01";
    /** Leading and trailing spaces are part of it: they must survive as they do in add-desk's password file. */
    private static final String PASSWORD = " synthetic desk pw 1 ";

    @TempDir
    Path dir;

    private String savedHome;
    private String savedMode;
    private InputStream savedIn;

    private record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void temporaryHome() throws Exception {
        assumeTrue(System.getenv("XDG_DATA_HOME") == null && System.getenv("XDG_CONFIG_HOME") == null,
                "XDG_DATA_HOME/XDG_CONFIG_HOME are set: the per-user folders cannot be moved into the test's folder");
        savedHome = System.getProperty("user.home");
        savedMode = System.getProperty(SecretStores.MODE_PROPERTY);
        savedIn = System.in;
        System.setProperty("user.home", dir.resolve("home").toString());
        System.setProperty(SecretStores.MODE_PROPERTY, "file");
        Files.writeString(dir.resolve("config.json"), "{}");
    }

    @AfterEach
    void restore() {
        System.setProperty("user.home", savedHome);
        if (savedMode == null) {
            System.clearProperty(SecretStores.MODE_PROPERTY);
        } else {
            System.setProperty(SecretStores.MODE_PROPERTY, savedMode);
        }
        System.setIn(savedIn);
    }

    private Run run(String stdin, String... args) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", dir.resolve("config.json").toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        Run run = new Run(exit, out.toString(), err.toString());
        assertThat(run.out() + run.err()).as("the password is never printed").doesNotContain(PASSWORD.strip());
        return run;
    }

    private static Optional<String> stored(String url) throws Exception {
        try (SecretStore store = SecretStores.open(AppPaths.forCurrentUser())) {
            return AuditServerPasswords.read(ServerUrl.parse(url), store).map(String::new);
        }
    }

    @Test
    void setStoresTheLoginsPasswordExactlyUnderTheServersKeyAndTheDeskReadsIt() throws Exception {
        Run set = run(PASSWORD + "\n", "secret", "set", "--audit-db", URL);
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out()).contains("Stored the password for waiverdesk-audit:desk_01@127.0.0.1:55999/audit");

        assertThat(stored(URL)).contains(PASSWORD);
        assertThat(stored("jdbc:postgresql://LOCALHOST:55999/audit?user=desk_01")).as("another host name").isEmpty();
        assertThat(stored("jdbc:postgresql://127.0.0.1:55999/audit2?user=desk_01")).as("another database").isEmpty();
        assertThat(stored("jdbc:postgresql://127.0.0.1:55999/audit?user=desk_02")).as("another login").isEmpty();

        Run status = run("", "secret", "status", "--audit-db", URL);
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("password: stored");
        assertThat(run("", "secret", "status", "--audit-db", URL.replace("desk_01", "desk_02")).exit())
                .isEqualTo(SecretCommand.EXIT_NOT_STORED);

        Run delete = run("", "secret", "delete", "--audit-db", URL);
        assertThat(delete.exit()).isZero();
        assertThat(stored(URL)).isEmpty();
        Run after = run("", "secret", "status", "--audit-db", URL);
        assertThat(after.exit()).isEqualTo(SecretCommand.EXIT_NOT_STORED);
        assertThat(after.out()).contains("not stored (the desk then looks in ~/.pgpass)");
    }

    @Test
    void anAddressWithoutALoginIsRefusedAndNothingIsStored() throws Exception {
        Run set = run(PASSWORD + "\n", "secret", "set", "--audit-db", "jdbc:postgresql://127.0.0.1:55999/audit");
        assertThat(set.exit()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(set.err()).contains("names no login");
        assertThat(Files.exists(dir.resolve("home"))).as("no store was even opened").isFalse();
    }
}
