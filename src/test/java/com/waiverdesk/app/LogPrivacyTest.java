package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.waiverdesk.app.secret.SecretStore;
import com.waiverdesk.app.secret.SecretStores;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.mock.MockAccount;
import com.waiverdesk.mock.MockVerificationService;
import com.waiverdesk.mock.SecretFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the demo's people, a bad ID and an unreachable service through real desks, then reads every log file. */
class LogPrivacyTest {
    private static final String ID = "310101195203140028";
    private static final String REDUCED_ID = "310105197609200064";
    private static final String BAD_ID = "310101195203140029";
    private static final List<String> NAMES = List.of("王秀英", "张美玲", "王秀云");
    /** Generous for loopback on a loaded machine, short enough that a refused port gives up quickly. */
    private static final Duration BUDGET = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    private Config config(String endpoint, Path secretFile, String db) {
        return config(endpoint, secretFile, db, BUDGET);
    }

    private Config config(String endpoint, Path secretFile, String db, Duration timeout) {
        return new Config(endpoint, endpoint == null ? null : MockAccount.DEMO_ID, secretFile, "w03-li", "ADM-W03",
                dir.resolve(db), null, timeout, null, null, Duration.ofSeconds(30), Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void logsHoldRequestIdsButNoResidentIdNameOrSecret() throws Exception {
        Path logs = dir.resolve("logs");
        Path secretFile = dir.resolve("service.secret");
        List<String> requestIds = new ArrayList<>();
        String secret;
        try (AppLogging logging = AppLogging.install(logs, Level.FINEST);
             MockVerificationService mock = MockVerificationService.builder()
                     .account(MockAccount.demo(SecretFile.loadOrCreate(secretFile))).start()) {
            secret = Files.readString(secretFile, StandardCharsets.UTF_8).strip();
            try (Desk demo = Wiring.start(config(null, null, "demo.db"));
                 Desk configured = Wiring.start(config(mock.baseUrl(), secretFile, "configured.db"))) {
                for (Desk desk : List.of(demo, configured)) {
                    requestIds.add(expect(desk.check("王秀英", ID, "ADM-1"), DecisionKind.WAIVE));
                    requestIds.add(expect(desk.check("张美玲", REDUCED_ID, "ADM-2"), DecisionKind.REDUCE));
                    requestIds.add(expect(desk.check("王秀云", ID, "ADM-3"), DecisionKind.CHARGE));
                    assertThat(desk.check("王秀英", BAD_ID, "ADM-4").decision().kind())
                            .isEqualTo(DecisionKind.INVALID_INPUT);
                }
            }
            try (Desk unreachable = Wiring.start(config("http://127.0.0.1:9/", secretFile, "down.db",
                    Duration.ofMillis(500)))) {
                assertThat(unreachable.check("王秀英", ID, "ADM-5").decision().kind())
                        .isEqualTo(DecisionKind.CANNOT_VERIFY);
                unreachable.checkHealth();
            }
        }

        String log = readAll(logs);
        assertThat(log).as("the log shows each answered check by its request id").contains(requestIds);
        assertThat(log).doesNotContain(ID, REDUCED_ID, BAD_ID, "195203140028", "197609200064");
        assertThat(log).doesNotContainPattern("\\d{17}[\\dXx]");
        assertThat(log).doesNotContain(NAMES);
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        assertThat(log).doesNotContain(secret, HexFormat.of().formatHex(key),
                Base64.getEncoder().encodeToString(key), Base64.getUrlEncoder().withoutPadding().encodeToString(key));
    }

    /**
     * The secret read from the workstation's store (here the encrypted file, forced so no real keyring is touched):
     * neither the store's choice, the checks, nor the error of an altered store file put it in a log or a message.
     */
    @Test
    void aSecretFromTheStoreReachesNoLogAndNoErrorMessage() throws Exception {
        assumeTrue(System.getenv("XDG_DATA_HOME") == null, "XDG_DATA_HOME is set: the data folder cannot be moved");
        Path logs = dir.resolve("store-logs");
        byte[] key = SecretFile.generate();
        String secret = new String(key, StandardCharsets.UTF_8);
        String savedHome = System.getProperty("user.home");
        String savedMode = System.getProperty(SecretStores.MODE_PROPERTY);
        System.setProperty("user.home", dir.resolve("home").toString());
        System.setProperty(SecretStores.MODE_PROPERTY, "file");
        List<String> messages = new ArrayList<>();
        try (AppLogging logging = AppLogging.install(logs, Level.FINEST);
             MockVerificationService mock = MockVerificationService.builder().account(MockAccount.demo(key))
                     .start()) {
            Config config = config(mock.baseUrl(), null, "store.db");
            try (SecretStore store = SecretStores.open(AppPaths.forCurrentUser())) {
                store.write(SecretStore.accountKey(MockAccount.DEMO_ID, mock.baseUrl()), key);
            }
            try (Desk desk = Wiring.start(config)) {
                expect(desk.check("王秀英", ID, "ADM-1"), DecisionKind.WAIVE);
            }
            Path file = AppPaths.forCurrentUser().dataDir().resolve("secrets.enc.json");
            Files.writeString(file, Files.readString(file).replaceFirst("\"data\" : \"..", "\"data\" : \"AA"));
            try (Desk desk = Wiring.start(config)) {
                throw new AssertionError("an altered store file must not start a desk");
            } catch (ConfigException e) {
                messages.add(e.getMessage());
                System.getLogger(LogPrivacyTest.class.getName()).log(System.Logger.Level.ERROR, "start failed", e);
            }
        } finally {
            System.setProperty("user.home", savedHome);
            if (savedMode == null) {
                System.clearProperty(SecretStores.MODE_PROPERTY);
            } else {
                System.setProperty(SecretStores.MODE_PROPERTY, savedMode);
            }
        }

        String log = readAll(logs);
        assertThat(log).contains("secret store: encrypted file", "altered");
        assertThat(messages).singleElement().asString().contains("altered").doesNotContain(secret);
        assertThat(log).doesNotContain(secret, HexFormat.of().formatHex(key), Base64.getEncoder().encodeToString(key));
    }

    private static String expect(CheckResult result, DecisionKind kind) {
        assertThat(result.decision().kind()).isEqualTo(kind);
        return result.outcome().requestId();
    }

    private static String readAll(Path logs) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                text.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        assertThat(text).as("log files in %s", logs).isNotEmpty();
        return text.toString();
    }
}
