package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigFileTest {
    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json.replace('\'', '"'), StandardCharsets.UTF_8);
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{'endpiont': 'https://verify.example.gov.cn/'}     | endpiont         | unknown field",
        "{'timeoutMs': '5000'}                              | timeoutMs        | positive whole number",
        "{'timeoutMs': 0}                                   | timeoutMs        | positive whole number",
        "{'timeoutMs': 2.5}                                 | timeoutMs        | positive whole number",
        "{'timeoutMs': 99999999999}                         | timeoutMs        | positive whole number",
        "{'autoClearSeconds': -1}                           | autoClearSeconds | positive whole number",
        "{'autoClearSeconds': true}                         | autoClearSeconds | positive whole number",
        "{'standardDeposit': 'abc'}                         | standardDeposit  | number of yuan",
        "{'standardDeposit': -1}                            | standardDeposit  | number of yuan",
        "{'standardDeposit': -0.01}                         | standardDeposit  | number of yuan",
        "{'endpoint': 5}                                    | endpoint         | non-empty string",
        "{'accountId': '  '}                                | accountId        | non-empty string",
        "{'operatorId': ['w03-li']}                         | operatorId       | non-empty string",
        "{'secretFile': {'path': 'x'}}                      | secretFile       | non-empty string",
        "{'language': ''}                                   | language         | non-empty string",
        "{'endpoint': 'https://a/', 'endpoint': 'https://b/'} | endpoint       | Duplicate field",
    })
    void refusesABadFieldNamingFileAndField(String json, String field, String problem) throws IOException {
        Path file = write(json);

        assertThatThrownBy(() -> ConfigFile.read(file, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(field)
                .hasMessageContaining(problem);
    }

    @Test
    void unknownFieldListsTheKnownOnes() throws IOException {
        Path file = write("{'endpiont': 'https://verify.example.gov.cn/'}");

        assertThatThrownBy(() -> ConfigFile.read(file, true))
                .hasMessageContaining("\"endpiont\"")
                .hasMessageContaining("endpoint, language, operatorId");
    }

    @Test
    void notJsonIsReportedWithLineAndColumn() throws IOException {
        Path file = write("{\n  'endpoint': 'https://verify.example.gov.cn/',\n  'timeoutMs': \n}");

        assertThatThrownBy(() -> ConfigFile.read(file, true))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("line 4, column 1");
    }

    @Test
    void textAfterTheObjectIsNotJson() throws IOException {
        Path file = write("{'timeoutMs': 4000}\n{'timeoutMs': 9000}");

        assertThatThrownBy(() -> ConfigFile.read(file, true))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid JSON at line 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"['https://verify.example.gov.cn/']", "'https://verify.example.gov.cn/'", "42"})
    void refusesAnythingButAnObject(String json) throws IOException {
        Path file = write(json);

        assertThatThrownBy(() -> ConfigFile.read(file, true))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("must hold one JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n\t\n"})
    void refusesAnEmptyFile(String text) throws IOException {
        Path file = write(text);

        assertThatThrownBy(() -> ConfigFile.read(file, false))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is empty");
    }

    @Test
    void ignoresNullValues() throws Exception {
        Path file = write("{'endpoint': null, 'timeoutMs': null, 'standardDeposit': null, 'language': 'en'}");

        assertThat(ConfigFile.read(file, true)).containsExactly(entry("language", "en"));
    }

    @Test
    void readsAFullFileBack() throws Exception {
        Path file = write("{'endpoint': 'https://verify.example.gov.cn/gw/', 'accountId': ' H310104-0001 ',"
                + " 'secretFile': '/etc/waiverdesk/secret', 'operatorId': 'w03-li', 'workstation': 'ADM-W03',"
                + " 'auditDatabase': '/srv/audit/audit.db', 'auditKeyFile': '/srv/audit/audit.key',"
                + " 'timeoutMs': 4000, 'standardDeposit': 1234.56, 'policyFile': 'policy.json',"
                + " 'autoClearSeconds': 45, 'language': 'en'}");

        assertThat(ConfigFile.read(file, true)).containsExactly(
                entry("endpoint", "https://verify.example.gov.cn/gw/"),
                entry("accountId", "H310104-0001"),
                entry("secretFile", "/etc/waiverdesk/secret"),
                entry("operatorId", "w03-li"),
                entry("workstation", "ADM-W03"),
                entry("auditDatabase", "/srv/audit/audit.db"),
                entry("auditKeyFile", "/srv/audit/audit.key"),
                entry("timeoutMs", 4000),
                entry("standardDeposit", new BigDecimal("1234.56")),
                entry("policyFile", "policy.json"),
                entry("autoClearSeconds", 45),
                entry("language", "en"));
    }

    @Test
    void emptyObjectIsAValidFile() throws Exception {
        assertThat(ConfigFile.read(write("{}"), true)).isEmpty();
    }

    @Test
    void acceptsAByteOrderMarkAsNotepadWritesIt() throws Exception {
        Path file = dir.resolve("config.json");
        Files.write(file, ("\uFEFF{\"operatorId\": \"w03-li\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(ConfigFile.read(file, true)).containsExactly(entry("operatorId", "w03-li"));
    }

    @Test
    void absentFileIsEmptyUnlessRequired() throws Exception {
        Path missing = dir.resolve("nowhere/config.json");

        assertThat(ConfigFile.read(missing, false)).isEmpty();
        assertThatThrownBy(() -> ConfigFile.read(missing, true))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not found")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void aFolderInPlaceOfTheFileCannotBeRead() {
        assertThatThrownBy(() -> ConfigFile.read(dir, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Cannot read configuration file " + dir);
    }

    @Test
    void machineFileMayLockFieldsAndTheyComeBackSorted() throws IOException, ConfigException {
        Path file = write("{'endpoint': 'https://verify.example.gov.cn/', 'locked': ['endpoint', 'accountId',"
                + " 'endpoint']}");

        assertThat(ConfigFile.read(file, true, true)).contains(entry("locked", List.of("accountId", "endpoint")));
    }

    @Test
    void lockedNamingUnknownFieldsListsAllOfThem() throws IOException {
        Path file = write("{'locked': ['endpoint', 'endpiont', 'auditDb']}");

        assertThatThrownBy(() -> ConfigFile.read(file, true, true))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("\"locked\"")
                .hasMessageContaining("\"endpiont\", \"auditDb\"")
                .hasMessageNotContaining("\"endpoint\",");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'locked': 'endpoint'}", "{'locked': [1]}", "{'locked': ['locked']}"})
    void lockedMustBeAnArrayOfFieldNames(String json) throws IOException {
        Path file = write(json);

        assertThatThrownBy(() -> ConfigFile.read(file, true, true))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("locked");
    }

    @Test
    void aUsersFileCannotLock() throws IOException {
        Path file = write("{'locked': ['endpoint']}");

        assertThatThrownBy(() -> ConfigFile.read(file, true))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("machine-wide");
    }

    @ParameterizedTest
    @CsvSource({"os-user", "ask"})
    void operatorIdModeIsOsUserOrAsk(String mode) throws IOException, ConfigException {
        Path file = write("{'operatorIdMode': '" + mode + "'}");

        assertThat(ConfigFile.read(file, true)).containsExactly(entry("operatorIdMode", mode));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'operatorIdMode': 'OS'}", "{'operatorIdMode': true}", "{'operatorIdMode': ''}"})
    void otherOperatorIdModesAreRefusedNamingTheField(String json) throws IOException {
        Path file = write(json);

        assertThatThrownBy(() -> ConfigFile.read(file, true))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("operatorIdMode");
    }
}
