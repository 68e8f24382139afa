package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiagnosticsTest {
    private static final String SECRET = "s3cr3t-Zq9vK2mWx7PbL4nR8tY1uE6oA0cD5fGh";

    @TempDir
    Path dir;

    private Config configured(Path secretFile, String endpoint) {
        return new Config(endpoint, "hosp-310-0042", secretFile, "w03-li", "ADM-W03", dir.resolve("audit.db"), null,
                Duration.ofSeconds(5), null, null, Duration.ofSeconds(30), Locale.SIMPLIFIED_CHINESE);
    }

    private Path secretFile() throws IOException {
        return Files.writeString(dir.resolve("service.secret"), SECRET + "\n");
    }

    @Test
    void showsVersionsPlatformAndConfigurationButOnlyThePathOfTheSecret() throws IOException {
        Path secretFile = secretFile();

        String text = Diagnostics.collect(configured(secretFile, "https://verify.example.gov.cn/api/"),
                "shanghai-medical-assistance-2018", dir.resolve("logs"));

        assertThat(text).contains("WaiverDesk: ", "Java: " + System.getProperty("java.version"),
                "OS: " + System.getProperty("os.name"), System.getProperty("os.arch"),
                "Endpoint: https://verify.example.gov.cn/api/", "Account: hosp-310-0042",
                "Secret file: " + secretFile, "Workstation: ADM-W03", "Operator: w03-li",
                "Audit database: " + dir.resolve("audit.db"), "Policy: shanghai-medical-assistance-2018",
                "Log folder: " + dir.resolve("logs"), "Last warnings and errors:\n(none)");
        assertThat(text).doesNotContain(SECRET, SECRET.substring(0, 12));
    }

    @Test
    void demoDeskAndAMissingConfigurationStillGiveABlock() {
        Config demo = new Config(null, null, null, "w03-li", "ADM-W03", dir.resolve("audit.db"), null,
                Duration.ofSeconds(5), null, null, Duration.ofSeconds(30), Locale.SIMPLIFIED_CHINESE);

        assertThat(Diagnostics.collect(demo, "p", dir)).contains("Endpoint: built-in demo service", "Secret file: -");
        assertThat(Diagnostics.collect(null, null, dir)).contains("Configuration: (not loaded)",
                "Policy: (not loaded)");
    }

    @Test
    void namesEverySettingAndWhereItCameFromStillWithoutTheSecret() throws IOException {
        Path secretFile = secretFile();
        Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-r--r--"));
        Config config = new Config("https://verify.example.gov.cn/api/", "hosp-310-0042", secretFile, "w03-li",
                "ADM-W03", dir.resolve("audit.db"), null, Duration.ofSeconds(5), new BigDecimal("5000"),
                dir.resolve("policy.json"), Duration.ofSeconds(45), Locale.SIMPLIFIED_CHINESE, dir.resolve("ca.pem"),
                List.of("sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), true);
        LoadedConfig sources = new LoadedConfig(config, Set.of("endpoint", "accountId"), List.of("endpoint"),
                Path.of("/etc/waiverdesk/config.json"), dir.resolve("config.json"), true, false);

        String text = Diagnostics.collect(config, sources, "p", dir.resolve("logs"));

        assertThat(text).contains("Secret file: " + secretFile + " (readable by other users: rw-r--r--)\n",
                "CA bundle: " + dir.resolve("ca.pem") + "\n",
                "Certificate pins: sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
                "Operator id: asked at start\n", "Audit key file: " + dir.resolve("audit.key") + "\n",
                "Policy file: " + dir.resolve("policy.json") + "\n", "Standard deposit: 5000 yuan\n",
                "Result auto-clear: 45 s\n", "Machine-wide file: /etc/waiverdesk/config.json\n",
                "Locked by IT: accountId, endpoint\n", "User file: " + dir.resolve("config.json") + " (absent)\n",
                "Ignored user fields: endpoint\n");
        assertThat(text).doesNotContain(SECRET, SECRET.substring(0, 12));
    }

    @Test
    void anOwnerOnlySecretFileIsNotFlaggedAndAStoredSecretIsNamedAsSuch() throws IOException {
        Path secretFile = secretFile();
        Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-------"));

        assertThat(Diagnostics.collect(configured(secretFile, "https://verify.example.gov.cn/api/"), "p", dir))
                .contains("Secret file: " + secretFile + "\n").doesNotContain("readable by other users");
        assertThat(Diagnostics.collect(configured(null, "https://verify.example.gov.cn/api/"), "p", dir))
                .contains("Secret file: -\n", "Secret: in this workstation's secret store",
                        "CA bundle: the system's CAs\n", "Certificate pins: -\n", "Operator id: fixed or the OS user\n")
                .doesNotContain("Machine-wide file");
    }

    @Test
    void hidesAPasswordWrittenIntoTheEndpoint() throws IOException {
        String text = Diagnostics.collect(configured(secretFile(), "https://hosp:pa55word@verify.example/api"),
                "p", dir);

        assertThat(text).contains("Endpoint: https://***@verify.example/api").doesNotContain("pa55word");
    }

    @Test
    void keepsTheLastFiftyWarningsAndErrorsOldestFileFirst() throws IOException {
        String older = IntStream.range(0, 30).mapToObj(i -> "2026-11-28 09:00:00.000 WARNING a.B: old " + i)
                .collect(Collectors.joining("\n", "", "\n"));
        String newer = IntStream.range(0, 40).mapToObj(i -> "2026-11-28 10:00:00.000 "
                        + (i % 2 == 0 ? "SEVERE" : "WARNING") + " a.B: new " + i
                        + "\n2026-11-28 10:00:00.000 INFO a.B: routine " + i)
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(AppLogging.pathOf(dir, 1), older, StandardCharsets.UTF_8);
        Files.writeString(AppLogging.pathOf(dir, 0), newer, StandardCharsets.UTF_8);

        String text = Diagnostics.collect(null, null, dir);

        assertThat(text).doesNotContain("routine", "old 19\n").contains("old 20\n", "new 0\n", "new 39\n");
        assertThat(text.indexOf("old 29")).isLessThan(text.indexOf("new 0"));
        assertThat(Diagnostics.lastProblems(dir)).hasSize(Diagnostics.MAX_PROBLEM_LINES);
    }

    @ParameterizedTest
    @CsvSource({
        "'id 310101195203140028 failed', 'id 310101********0028 failed'",
        "'x=11010519491231002X;', 'x=110105********002X;'",
        "'at 2026-11-28 14:56:23.553 took 1234567 ms', 'at 2026-11-28 14:56:23.553 took 1234567 ms'",
        "'order 1234567890123456789', 'order 1234567890123456789'",
    })
    void masksAnyFullResidentIdThatSlippedIntoALogLine(String line, String shown) {
        assertThat(Diagnostics.scrub(line)).isEqualTo(shown);
    }

    @Test
    void cutsOverlongLines() {
        assertThat(Diagnostics.scrub("x".repeat(5000))).hasSize(Diagnostics.MAX_LINE_CHARS + 2);
    }

    @Test
    void readsWhatAppLoggingWrote() {
        try (AppLogging logging = AppLogging.install(dir)) {
            System.getLogger("com.waiverdesk.app.DiagnosticsTest").log(System.Logger.Level.WARNING,
                    "audit anchor missing");
        }

        assertThat(Diagnostics.collect(null, null, dir)).contains("WARNING com.waiverdesk.app.DiagnosticsTest: "
                + "audit anchor missing");
    }
}
