package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserConfigWriterTest {
    @TempDir
    Path dir;

    private final UserConfigWriter writer = new UserConfigWriter();

    private Path file() {
        return dir.resolve("waiverdesk/config.json");
    }

    @Test
    void createsTheFileAndItsFolderReadableByItsOwnerOnly() throws ConfigException, IOException {
        writer.write(file(), Map.of("autoClearSeconds", 45, "workstation", "ADM-W09"), Set.of());

        assertThat(ConfigFile.read(file(), true)).containsOnly(entry("autoClearSeconds", 45),
                entry("workstation", "ADM-W09"));
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        }
    }

    @Test
    void keepsTheFieldsItIsNotGivenAndRemovesThoseSetToNull() throws IOException, ConfigException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"language\": \"en\", \"timeoutMs\": 4000, \"workstation\": \"OLD\"}",
                StandardCharsets.UTF_8);
        Map<String, Object> changes = new HashMap<>();
        changes.put("workstation", null);
        changes.put("standardDeposit", new BigDecimal("5000.50"));
        changes.put("certificatePins", List.of("sha256/GouFho6dFMzH3QkKsZgvtVo5hbxfUAJJQF+/UC7E4/I="));

        writer.write(file(), changes, Set.of());

        assertThat(ConfigFile.read(file(), true)).containsOnly(entry("language", "en"), entry("timeoutMs", 4000),
                entry("standardDeposit", new BigDecimal("5000.5")),
                entry("certificatePins", List.of("sha256/GouFho6dFMzH3QkKsZgvtVo5hbxfUAJJQF+/UC7E4/I=")));
        try (var leftovers = Files.list(file().getParent())) {
            assertThat(leftovers).containsExactly(file());
        }
    }

    @Test
    void refusesALockedFieldAndLeavesTheFileAsItWas() throws IOException {
        Files.createDirectories(file().getParent());
        String before = "{\"autoClearSeconds\": 30}";
        Files.writeString(file(), before, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> writer.write(file(), Map.of("endpoint", "https://a.example/", "autoClearSeconds", 5),
                Set.of("endpoint", "accountId")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("endpoint")
                .hasMessageContaining("locked by hospital IT");
        assertThat(Files.readString(file())).isEqualTo(before);
    }

    @Test
    void refusesAValueTheDeskWouldRefuseNamingTheRealFile() throws IOException {
        assertThatThrownBy(() -> writer.write(file(), Map.of("operatorIdMode", "sometimes"), Set.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("operatorIdMode")
                .hasMessageContaining("not saved");
        assertThat(file()).doesNotExist();
        try (var leftovers = Files.list(file().getParent())) {
            assertThat(leftovers).isEmpty();
        }
    }

    @Test
    void doesNotOverwriteABrokenFile() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"endpiont\": 1}", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> writer.write(file(), Map.of("autoClearSeconds", 5), Set.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("endpiont");
        assertThat(Files.readString(file())).isEqualTo("{\"endpiont\": 1}");
    }
}
