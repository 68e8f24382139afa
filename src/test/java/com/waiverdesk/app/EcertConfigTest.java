package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.waiverdesk.verification.ecert.DemoEcertKeys;
import java.io.IOException;
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
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code ecertRootKey} and the list ages: read, checked at start, lockable, and never longer than the spec's. */
class EcertConfigTest {
    @TempDir
    Path dir;

    private AppPaths paths;
    private Path machineFile;

    @BeforeEach
    void setUp() {
        machineFile = dir.resolve("etc/config.json");
        paths = new AppPaths(dir.resolve("config"), dir.resolve("data"), dir.resolve("logs"), machineFile);
    }

    private LoadedConfig load(String... args) throws ConfigException {
        ConfigOptionsTest.Holder holder = new ConfigOptionsTest.Holder();
        new CommandLine(holder).parseArgs(args);
        return holder.options.load(paths, Map.of("HOSTNAME", "ADM-W03"));
    }

    private void write(Path file, String json) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, json.replace('\'', '"'), StandardCharsets.UTF_8);
    }

    @Test
    void withoutSettingsTheSpecsAgesAndNoRootKey() throws ConfigException {
        EcertSettings ecert = load().config().ecert();

        assertThat(ecert.rootKey()).isNull();
        assertThat(ecert.maxTrustListAge()).isEqualTo(Duration.ofDays(7));
        assertThat(ecert.maxRevocationAge()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void readsTheRootKeyAndShorterAges() throws Exception {
        write(paths.configFile(), "{'ecertRootKey': '" + DemoEcertKeys.ROOT_SPKI_BASE64 + "',"
                + " 'ecertMaxTrustListAgeHours': 48, 'ecertMaxRevocationAgeHours': 6}");

        EcertSettings ecert = load().config().ecert();

        assertThat(ecert.rootKey()).isEqualTo(DemoEcertKeys.ROOT_SPKI_BASE64);
        assertThat(ecert.maxTrustListAge()).isEqualTo(Duration.ofHours(48));
        assertThat(ecert.maxRevocationAge()).isEqualTo(Duration.ofHours(6));
    }

    @ParameterizedTest
    @CsvSource({"ecertMaxTrustListAgeHours, 169, 168", "ecertMaxRevocationAgeHours, 25, 24"})
    void anAgeLongerThanTheSpecsIsAConfigurationError(String field, int hours, int longest) throws Exception {
        write(paths.configFile(), "{'" + field + "': " + hours + "}");

        assertThatThrownBy(this::load).isInstanceOf(ConfigException.class)
                .hasMessageContaining(field).hasMessageContaining("at most " + longest + " h");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1.5", "'12'"})
    void anAgeMustBeAPositiveWholeNumber(String value) throws Exception {
        write(paths.configFile(), "{'ecertMaxRevocationAgeHours': " + value + "}");

        assertThatThrownBy(this::load).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ecertMaxRevocationAgeHours");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAE", "AAAA"})
    void aRootKeyThatIsNotAnSm2KeyIsRefusedAtStart(String key) throws Exception {
        write(paths.configFile(), "{'ecertRootKey': '" + key + "'}");

        assertThatThrownBy(this::load).isInstanceOf(ConfigException.class).hasMessageContaining("ecertRootKey");
    }

    @Test
    void theOptionsKeyFileOverridesTheConfiguredKey() throws Exception {
        write(paths.configFile(), "{'ecertRootKey': '" + DemoEcertKeys.ROOT_SPKI_BASE64 + "'}");
        Path keyFile = dir.resolve("root.b64");
        String other = com.waiverdesk.verification.ecert.Sm2KeyPair.fromSeed("hospital-test-root").publicKey()
                .spkiBase64();
        Files.writeString(keyFile, other + "\n");

        assertThat(load("--ecert-root-key", keyFile.toString()).config().ecert().rootKey()).isEqualTo(other);
    }

    @Test
    void itCanLockTheRootKeyAgainstTheUserAndTheOption() throws Exception {
        write(machineFile, "{'ecertRootKey': '" + DemoEcertKeys.ROOT_SPKI_BASE64 + "', 'locked': ['ecertRootKey',"
                + " 'ecertMaxRevocationAgeHours']}");
        String other = com.waiverdesk.verification.ecert.Sm2KeyPair.fromSeed("clerk-root").publicKey().spkiBase64();
        write(paths.configFile(), "{'ecertRootKey': '" + other + "', 'ecertMaxRevocationAgeHours': 2}");

        LoadedConfig loaded = load();

        assertThat(loaded.config().ecert().rootKey()).isEqualTo(DemoEcertKeys.ROOT_SPKI_BASE64);
        assertThat(loaded.config().ecert().maxRevocationAge()).isEqualTo(Duration.ofHours(24));
        assertThat(loaded.ignoredUserFields()).containsExactlyInAnyOrder("ecertRootKey", "ecertMaxRevocationAgeHours");
        Path keyFile = Files.writeString(dir.resolve("root.b64"), other);
        assertThatThrownBy(() -> load("--ecert-root-key", keyFile.toString()))
                .isInstanceOf(LockedSettingException.class).hasMessageContaining("--ecert-root-key");
    }

    @Test
    void theOperatorsChangeKeepsTheEcertSettings() throws Exception {
        write(paths.configFile(), "{'ecertMaxRevocationAgeHours': 3}");

        assertThat(load().config().withOperatorId("w03-li").ecert().maxRevocationAge())
                .isEqualTo(Duration.ofHours(3));
    }
}
