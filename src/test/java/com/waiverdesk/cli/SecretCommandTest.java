package com.waiverdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.app.secret.SecretStores;
import com.waiverdesk.mock.MockAccount;
import com.waiverdesk.mock.MockVerificationService;
import com.waiverdesk.mock.SecretFile;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code secret set | status | delete} as IT scripts them, then {@code check} against the bundled mock with no secret
 * file: the secret comes from the store. The per-user folders point into a temporary home and the store is forced to
 * the encrypted file, so a developer's real keyring is never touched.
 */
class SecretCommandTest {
    private static final String WAIVE_NAME = "王秀英";
    private static final String WAIVE_ID = "310101195203140028";

    @TempDir
    Path dir;

    private String savedHome;
    private String savedMode;
    private InputStream savedIn;
    private byte[] secret;

    private record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void pointTheUserFoldersIntoATemporaryHome() throws Exception {
        assumeTrue(System.getenv("XDG_DATA_HOME") == null && System.getenv("XDG_CONFIG_HOME") == null,
                "XDG_DATA_HOME/XDG_CONFIG_HOME are set: the per-user folders cannot be moved into the test's folder");
        savedHome = System.getProperty("user.home");
        savedMode = System.getProperty(SecretStores.MODE_PROPERTY);
        savedIn = System.in;
        System.setProperty("user.home", dir.resolve("home").toString());
        System.setProperty(SecretStores.MODE_PROPERTY, "file");
        Files.writeString(dir.resolve("config.json"), "{}");
        secret = SecretFile.generate();
    }

    @AfterEach
    void restore() {
        if (savedHome != null) {
            System.setProperty("user.home", savedHome);
        }
        if (savedMode == null) {
            System.clearProperty(SecretStores.MODE_PROPERTY);
        } else {
            System.setProperty(SecretStores.MODE_PROPERTY, savedMode);
        }
        if (savedIn != null) {
            System.setIn(savedIn);
        }
    }

    private Run run(String stdin, String... args) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", dir.resolve("config.json").toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        Run run = new Run(exit, out.toString(), err.toString());
        assertThat(run.out() + run.err()).as("the secret is never printed").doesNotContain(text(secret));
        return run;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private Run check(MockVerificationService service) {
        return run("", "check", "--name", WAIVE_NAME, "--id", WAIVE_ID, "--endpoint", service.baseUrl(), "--account",
                service.accountId(), "--audit-db", dir.resolve("audit.db").toString());
    }

    private String[] target(MockVerificationService service, String command, String... more) {
        List<String> args = new ArrayList<>(List.of("secret", command, "--endpoint", service.baseUrl(), "--account",
                service.accountId()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void aSecretSetFromStandardInputLetsCheckWaiveWithNoSecretFile() throws Exception {
        try (MockVerificationService service = MockVerificationService.builder()
                .account(MockAccount.demo(secret)).start()) {
            Run set = run(text(secret) + "\n", target(service, "set"));
            assertThat(set.exit()).as(set.err()).isZero();
            assertThat(set.out()).contains("Stored the secret for waiverdesk:" + MockAccount.DEMO_ID + "@127.0.0.1",
                    "encrypted file");

            Run check = check(service);
            assertThat(check.exit()).as(check.err()).isZero();
            assertThat(new ObjectMapper().readTree(check.out()).get("decision").asText()).isEqualTo("WAIVE");
        }
    }

    @Test
    void statusSaysWhetherASecretIsStoredAndExitsFourWhenNot() throws Exception {
        try (MockVerificationService service = MockVerificationService.builder()
                .account(MockAccount.demo(secret)).start()) {
            Run before = run("", target(service, "status"));
            assertThat(before.exit()).isEqualTo(SecretCommand.EXIT_NOT_STORED);
            assertThat(before.out()).contains("store:   encrypted file", "secret:  not stored");

            run(text(secret), target(service, "set"));
            Run after = run("", target(service, "status"));
            assertThat(after.exit()).isZero();
            assertThat(after.out()).contains("account: waiverdesk:" + MockAccount.DEMO_ID + "@127.0.0.1",
                    "secret:  stored");
        }
    }

    @Test
    void afterDeleteCheckSaysWhatToDoAndNeverWaives() throws Exception {
        try (MockVerificationService service = MockVerificationService.builder()
                .account(MockAccount.demo(secret)).start()) {
            run(text(secret), target(service, "set"));
            Run delete = run("", target(service, "delete"));
            assertThat(delete.exit()).isZero();
            assertThat(delete.out()).contains("Deleted the secret");
            assertThat(run("", target(service, "delete")).out()).contains("No secret was stored");

            Run check = check(service);
            assertThat(check.exit()).isEqualTo(1);
            assertThat(check.out()).isEmpty();
            assertThat(check.err()).contains("No secret stored for account " + MockAccount.DEMO_ID
                    + " at host 127.0.0.1", "waiverdesk secret set");
        }
    }

    @Test
    void aSecretFromAFileIsStoredAsTheSecretFileWouldBeRead() throws Exception {
        Path file = dir.resolve("handover.secret");
        Files.write(file, ("  " + text(secret) + "\r\n").getBytes(StandardCharsets.UTF_8));
        try (MockVerificationService service = MockVerificationService.builder()
                .account(MockAccount.demo(secret)).start()) {
            assertThat(run("", target(service, "set", "--from-file", file.toString())).exit()).isZero();
            assertThat(new ObjectMapper().readTree(check(service).out()).get("decision").asText())
                    .isEqualTo("WAIVE");
        }
    }

    @Test
    void theStoreFolderNeverHoldsTheSecretInPlainText() throws Exception {
        try (MockVerificationService service = MockVerificationService.builder()
                .account(MockAccount.demo(secret)).start()) {
            run(text(secret), target(service, "set"));
            check(service);
        }
        String base64 = Base64.getEncoder().encodeToString(secret);
        try (Stream<Path> files = Files.walk(dir.resolve("home"))) {
            List<Path> all = files.filter(Files::isRegularFile).collect(Collectors.toList());
            assertThat(all).as("the encrypted file was written").anyMatch(path -> path.endsWith("secrets.enc.json"));
            for (Path file : all) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(content).as(file.toString()).doesNotContain(text(secret)).doesNotContain(base64);
            }
        }
    }

    @Test
    void emptyOrMultiLineInputIsRefused() throws Exception {
        try (MockVerificationService service = MockVerificationService.builder()
                .account(MockAccount.demo(secret)).start()) {
            Run empty = run("\n", target(service, "set"));
            assertThat(empty.exit()).isEqualTo(1);
            assertThat(empty.err()).contains("no secret was given");

            Run twoLines = run("first-line\nsecond-line\n", target(service, "set"));
            assertThat(twoLines.exit()).isEqualTo(1);
            assertThat(twoLines.err()).contains("one line");
            assertThat(run("", target(service, "status")).exit()).isEqualTo(SecretCommand.EXIT_NOT_STORED);
        }
    }

    @Test
    void theSecretIsNotTakenFromTheCommandLine() {
        Run run = run("", "secret", "set", "--endpoint", "https://verify.example.gov.cn/", "--account", "H1",
                "not-a-real-secret");
        assertThat(run.exit()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.err()).contains("Unmatched argument");
    }

    @Test
    void withoutAnEndpointItSaysWhatIsMissing() {
        Run run = run(text(secret), "secret", "set");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("waiverdesk secret set", "No endpoint is configured", "--endpoint");
    }
}
