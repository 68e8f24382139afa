package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The machine-wide file IT deploys: its place in the precedence, and its locks against the user's file and options. */
class MachineConfigTest {
    private static final String HTTPS = "https://verify.example.gov.cn/gw/";

    @TempDir
    Path dir;

    private AppPaths paths;
    private Path machineFile;
    private Path secret;

    @BeforeEach
    void setUp() throws IOException {
        machineFile = dir.resolve("etc/config.json");
        paths = new AppPaths(dir.resolve("config"), dir.resolve("data"), dir.resolve("logs"), machineFile);
        secret = dir.resolve("etc/account.secret");
        Files.createDirectories(secret.getParent());
        Files.writeString(secret, "not-a-real-secret\n");
    }

    private LoadedConfig load(String... args) throws ConfigException {
        ConfigOptionsTest.Holder holder = new ConfigOptionsTest.Holder();
        new CommandLine(holder).parseArgs(args);
        return holder.options.load(paths, Map.of("HOSTNAME", "ADM-W03"));
    }

    private void machine(String json) throws IOException {
        Files.writeString(machineFile, json.replace('\'', '"'), StandardCharsets.UTF_8);
    }

    private void user(String json) throws IOException {
        Files.createDirectories(paths.configFile().getParent());
        Files.writeString(paths.configFile(), json.replace('\'', '"'), StandardCharsets.UTF_8);
    }

    private String deployed(String locked) {
        return "{'endpoint': '" + HTTPS + "', 'accountId': 'H310104-0001', 'secretFile': 'account.secret',"
                + " 'standardDeposit': 5000, 'autoClearSeconds': 20, 'locked': [" + locked + "]}";
    }

    @Test
    void withNeitherFileItIsAFirstRunOnTheDemo() throws ConfigException {
        LoadedConfig loaded = load();

        assertThat(loaded.isFirstRun()).isTrue();
        assertThat(loaded.config().isDemo()).isTrue();
        assertThat(loaded.locked()).isEmpty();
    }

    @Test
    void machineValuesApplyAndRelativePathsAreTakenFromItsFolder() throws IOException, ConfigException {
        machine(deployed(""));

        LoadedConfig loaded = load();

        assertThat(loaded.isFirstRun()).isFalse();
        assertThat(loaded.config().endpoint()).isEqualTo(HTTPS);
        assertThat(loaded.config().secretFile()).isEqualTo(secret);
        assertThat(loaded.config().standardDeposit()).isEqualByComparingTo("5000");
    }

    @Test
    void theUsersFileOverridesAnUnlockedMachineValueAndOptionsOverrideBoth() throws IOException, ConfigException {
        machine(deployed("") .replace("}", ", 'timeoutMs': 3000}"));
        user("{'autoClearSeconds': 45, 'timeoutMs': 4000}");

        Config fromFiles = load().config();
        Config withOption = load("--timeout-ms", "4500").config();

        assertThat(fromFiles.autoClear()).isEqualTo(Duration.ofSeconds(45));
        assertThat(fromFiles.timeout()).isEqualTo(Duration.ofMillis(4000));
        assertThat(withOption.timeout()).isEqualTo(Duration.ofMillis(4500));
    }

    @Test
    void aLockedFieldKeepsTheMachineValueAndTheUsersAttemptIsReported() throws IOException, ConfigException {
        machine(deployed("'endpoint', 'standardDeposit', 'accountId'"));
        user("{'endpoint': 'https://evil.example.com/', 'standardDeposit': 0, 'accountId': 'H310104-0001',"
                + " 'autoClearSeconds': 45}");

        LoadedConfig loaded = load();

        assertThat(loaded.config().endpoint()).isEqualTo(HTTPS);
        assertThat(loaded.config().standardDeposit()).isEqualByComparingTo(new BigDecimal("5000"));
        assertThat(loaded.config().autoClear()).isEqualTo(Duration.ofSeconds(45));
        // the same value as IT's is no attempt to change it
        assertThat(loaded.ignoredUserFields()).containsExactly("endpoint", "standardDeposit");
        assertThat(loaded.locked()).containsExactlyInAnyOrder("endpoint", "standardDeposit", "accountId");
    }

    @Test
    void aLockedFieldWithoutAMachineValueIsLockedToTheDefault() throws IOException, ConfigException {
        machine("{'locked': ['operatorId']}");
        user("{'operatorId': 'someone-else'}");

        LoadedConfig loaded = load();

        assertThat(loaded.config().operatorId()).isEqualTo(System.getProperty("user.name"));
        assertThat(loaded.ignoredUserFields()).containsExactly("operatorId");
    }

    @ParameterizedTest
    @CsvSource({"--endpoint, https://other.example.gov.cn/, endpoint", "--account, H1, accountId",
        "--audit-db, /tmp/a.db, auditDatabase", "--timeout-ms, 100, timeoutMs", "--lang, en, language",
        "--operator, w03-li, operatorId"})
    void anOptionForALockedFieldIsAUsageErrorNamingFieldAndIt(String option, String value, String field)
            throws IOException {
        machine(deployed("'" + field + "'"));

        assertThatThrownBy(() -> load(option, value))
                .isInstanceOf(LockedSettingException.class)
                .hasMessageContaining(option)
                .hasMessageContaining("\"" + field + "\"")
                .hasMessageContaining("hospital IT locked")
                .hasMessageContaining(machineFile.toString());
    }

    @Test
    void aBadMachineFileIsAnErrorNamingItAndTheField() throws IOException {
        machine("{'autoClearSeconds': 'soon'}");

        assertThatThrownBy(this::load)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(machineFile.toString())
                .hasMessageContaining("autoClearSeconds");
    }

    @Test
    void anErrorInAMachineValueNamesTheMachineFile() throws IOException {
        machine("{'endpoint': 'http://10.1.2.3/', 'accountId': 'H1', 'secretFile': 'account.secret'}");

        assertThatThrownBy(this::load)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("field \"endpoint\" in " + machineFile);
    }

    @Test
    void askModeAsksUnlessAnOperatorIdIsFixed() throws IOException, ConfigException {
        machine("{'operatorIdMode': 'ask'}");

        assertThat(load().config().askOperator()).isTrue();
        assertThat(load("--operator", "w03-li").config().askOperator()).isFalse();
        user("{'operatorId': 'w03-li'}");
        assertThat(load().config().askOperator()).isFalse();
        assertThat(load().config().operatorId()).isEqualTo("w03-li");
    }

    @Test
    void osUserModeNeverAsks() throws IOException, ConfigException {
        user("{'operatorIdMode': 'os-user'}");

        assertThat(load().config().askOperator()).isFalse();
        assertThat(load().config().withOperatorId("w03-wang").operatorId()).isEqualTo("w03-wang");
    }
}
