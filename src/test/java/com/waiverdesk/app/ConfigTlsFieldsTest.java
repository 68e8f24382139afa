package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The configuration file's {@code caBundle} and {@code certificatePins}: read strictly, resolved beside the file. */
class ConfigTlsFieldsTest {
    private static final String PIN = "sha256/" + "A".repeat(43) + "=";
    private static final String OTHER_PIN = "sha256/GouFho6dFMzH3QkKsZgvtVo5hbxfUAJJQF+/UC7E4/I=";

    @TempDir
    Path dir;
    private AppPaths paths;
    private Path secret;

    @BeforeEach
    void setUp() throws IOException {
        paths = new AppPaths(dir.resolve("config"), dir.resolve("data"));
        secret = Files.writeString(dir.resolve("secret.txt"), "not-a-real-secret\n");
    }

    private Path write(String json) throws IOException {
        Files.createDirectories(paths.configFile().getParent());
        Files.writeString(paths.configFile(), json.replace('\'', '"'), StandardCharsets.UTF_8);
        return paths.configFile();
    }

    private String withEndpoint(String more) {
        return "{'endpoint': 'https://verify.example.gov.cn/', 'accountId': 'H310104-0001', 'secretFile': '"
                + secret + "'" + more + "}";
    }

    private Config resolve() throws ConfigException {
        return new ConfigOptions().resolve(paths, Map.of("HOSTNAME", "ADM-W03"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{'certificatePins': 'sha256/AAAA'}                 | array of pins",
        "{'certificatePins': [5]}                           | only strings",
        "{'certificatePins': ['sha256/AAAA']}               | base64 of 32 bytes",
        "{'certificatePins': ['sha1/AAAAAAAAAAAAAAAAAAAAAAAAAAA=']} | base64 of 32 bytes",
        "{'certificatePins': [{'pin': 'x'}]}                | only strings",
    })
    void refusesBadPinsNamingTheField(String json, String problem) throws IOException {
        Path file = write(json);

        assertThatThrownBy(() -> ConfigFile.read(file, true))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("certificatePins")
                .hasMessageContaining(problem);
    }

    @Test
    void refusesACaBundleThatIsNotAString() throws IOException {
        Path file = write("{'caBundle': ['ca.pem']}");

        assertThatThrownBy(() -> ConfigFile.read(file, true))
                .isInstanceOf(ConfigException.class).hasMessageContaining("caBundle").hasMessageContaining("string");
    }

    @Test
    void readsPinsAsAList() throws IOException, ConfigException {
        Path file = write("{'certificatePins': ['" + PIN + "', ' " + OTHER_PIN + "']}");

        assertThat(ConfigFile.read(file, true)).containsEntry("certificatePins", List.of(PIN, OTHER_PIN));
    }

    @Test
    void resolvesTheCaBundleBesideTheFileWithThePins() throws IOException, ConfigException {
        write(withEndpoint(", 'caBundle': 'hospital-ca.pem', 'certificatePins': ['" + PIN + "']"));
        Path bundle = Files.writeString(paths.configFile().resolveSibling("hospital-ca.pem"), "pem");

        Config config = resolve();

        assertThat(config.caBundle()).isEqualTo(bundle);
        assertThat(config.certificatePins()).containsExactly(PIN);
    }

    @Test
    void withoutTheFieldsKeepsTheSystemTrustAndNoPins() throws IOException, ConfigException {
        write(withEndpoint(""));

        Config config = resolve();

        assertThat(config.caBundle()).isNull();
        assertThat(config.certificatePins()).isEmpty();
    }

    @Test
    void refusesAMissingCaBundle() throws IOException {
        write(withEndpoint(", 'caBundle': 'missing.pem'"));

        assertThatThrownBy(this::resolve).isInstanceOf(ConfigException.class)
                .hasMessageContaining("caBundle").hasMessageContaining("missing.pem");
    }

    @Test
    void refusesTlsSettingsWithoutAnEndpointRatherThanRunTheDemo() throws IOException {
        write("{'certificatePins': ['" + PIN + "']}");

        assertThatThrownBy(this::resolve).isInstanceOf(ConfigException.class).hasMessageContaining("no endpoint");
    }
}
