package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppPathsTest {
    private static final Path HOME = Path.of("/home/li");

    @Test
    void linuxWithoutXdgUsesDotConfigAndDotLocalShare() {
        AppPaths paths = AppPaths.of("Linux", HOME, Map.of());

        assertThat(paths.configFile()).isEqualTo(Path.of("/home/li/.config/waiverdesk/config.json"));
        assertThat(paths.defaultAuditDatabase()).isEqualTo(Path.of("/home/li/.local/share/waiverdesk/audit.db"));
        assertThat(paths.logDir()).isEqualTo(Path.of("/home/li/.local/state/waiverdesk/logs"));
    }

    @Test
    void linuxLogsFollowXdgStateHome() {
        AppPaths paths = AppPaths.of("Linux", HOME, Map.of("XDG_STATE_HOME", "/srv/state"));

        assertThat(paths.logDir()).isEqualTo(Path.of("/srv/state/waiverdesk/logs"));
    }

    @Test
    void linuxFollowsXdgVariables() {
        AppPaths paths = AppPaths.of("Linux", HOME,
                Map.of("XDG_CONFIG_HOME", "/srv/cfg", "XDG_DATA_HOME", "/srv/data"));

        assertThat(paths.configDir()).isEqualTo(Path.of("/srv/cfg/waiverdesk"));
        assertThat(paths.configFile()).isEqualTo(Path.of("/srv/cfg/waiverdesk/config.json"));
        assertThat(paths.dataDir()).isEqualTo(Path.of("/srv/data/waiverdesk"));
        assertThat(paths.defaultAuditDatabase()).isEqualTo(Path.of("/srv/data/waiverdesk/audit.db"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "relative/cfg"})
    void linuxIgnoresEmptyOrRelativeXdgVariablesAsTheSpecSays(String value) {
        AppPaths paths = AppPaths.of("Linux", HOME,
                Map.of("XDG_CONFIG_HOME", value, "XDG_DATA_HOME", value, "XDG_STATE_HOME", value));

        assertThat(paths.configDir()).isEqualTo(Path.of("/home/li/.config/waiverdesk"));
        assertThat(paths.dataDir()).isEqualTo(Path.of("/home/li/.local/share/waiverdesk"));
        assertThat(paths.logDir()).isEqualTo(Path.of("/home/li/.local/state/waiverdesk/logs"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FreeBSD", "SunOS", ""})
    void otherUnixesAreTreatedLikeLinux(String osName) {
        assertThat(AppPaths.of(osName, HOME, Map.of()).configDir()).isEqualTo(Path.of("/home/li/.config/waiverdesk"));
    }

    @Test
    void windowsUsesRoamingAppDataForConfigurationAndLocalAppDataForData() {
        String roaming = "C:\\Users\\li\\AppData\\Roaming";
        String local = "C:\\Users\\li\\AppData\\Local";
        AppPaths paths = AppPaths.of("Windows 11", HOME, Map.of("APPDATA", roaming, "LOCALAPPDATA", local));

        assertThat(paths.configFile()).isEqualTo(Path.of(roaming).resolve("WaiverDesk").resolve("config.json"));
        assertThat(paths.defaultAuditDatabase()).isEqualTo(Path.of(local).resolve("WaiverDesk").resolve("audit.db"));
        assertThat(paths.logDir()).isEqualTo(Path.of(local).resolve("WaiverDesk").resolve("Logs"));
    }

    @Test
    void windowsWithoutTheVariablesFallsBackUnderTheHomeFolder() {
        AppPaths paths = AppPaths.of("Windows 10", HOME, Map.of("APPDATA", " "));

        assertThat(paths.configDir()).isEqualTo(HOME.resolve("AppData").resolve("Roaming").resolve("WaiverDesk"));
        assertThat(paths.dataDir()).isEqualTo(HOME.resolve("AppData").resolve("Local").resolve("WaiverDesk"));
        assertThat(paths.logDir()).isEqualTo(HOME.resolve("AppData").resolve("Local").resolve("WaiverDesk")
                .resolve("Logs"));
    }

    @Test
    void macOsKeepsBothInApplicationSupport() {
        AppPaths paths = AppPaths.of("Mac OS X", Path.of("/Users/li"),
                Map.of("XDG_CONFIG_HOME", "/ignored", "APPDATA", "/ignored"));

        Path support = Path.of("/Users/li/Library/Application Support/WaiverDesk");
        assertThat(paths.configFile()).isEqualTo(support.resolve("config.json"));
        assertThat(paths.defaultAuditDatabase()).isEqualTo(support.resolve("audit.db"));
        assertThat(paths.logDir()).isEqualTo(Path.of("/Users/li/Library/Logs/WaiverDesk"));
    }

    @Test
    void twoFolderConstructorKeepsLogsBesideTheData() {
        assertThat(new AppPaths(Path.of("/c"), Path.of("/d")).logDir()).isEqualTo(Path.of("/d/logs"));
    }

    @Test
    void currentUserGetsAFolderOfThisProgram() {
        AppPaths paths = AppPaths.forCurrentUser();

        assertThat(paths.configFile().getFileName()).hasToString("config.json");
        assertThat(paths.configDir().getFileName().toString()).isEqualToIgnoringCase("waiverdesk");
    }

    @Test
    void machineWideFileIsInTheSystemPlaceOfEachOs() {
        assertThat(AppPaths.of("Linux", HOME, Map.of()).machineConfigFile())
                .isEqualTo(Path.of("/etc/waiverdesk/config.json"));
        assertThat(AppPaths.of("Windows 11", HOME, Map.of("PROGRAMDATA", "D:\\ProgramData")).machineConfigFile())
                .isEqualTo(Path.of("D:\\ProgramData").resolve("WaiverDesk").resolve("config.json"));
        assertThat(AppPaths.of("Windows 11", HOME, Map.of()).machineConfigFile())
                .isEqualTo(Path.of("C:\\ProgramData").resolve("WaiverDesk").resolve("config.json"));
        assertThat(AppPaths.of("Mac OS X", HOME, Map.of()).machineConfigFile())
                .isEqualTo(Path.of("/Library/Application Support/WaiverDesk/config.json"));
    }

    @Test
    void machineWideFileIgnoresXdgConfigDirsWhichAClerkCouldSet() {
        AppPaths paths = AppPaths.of("Linux", HOME, Map.of("XDG_CONFIG_DIRS", "/home/li/empty"));

        assertThat(paths.machineConfigFile()).isEqualTo(Path.of("/etc/waiverdesk/config.json"));
    }

    @Test
    void machineWideFileCanBeRedirectedByASystemPropertyForTests() {
        String before = System.getProperty(AppPaths.MACHINE_CONFIG_PROPERTY);
        System.setProperty(AppPaths.MACHINE_CONFIG_PROPERTY, "/srv/test/machine.json");
        try {
            assertThat(AppPaths.forCurrentUser().machineConfigFile()).isEqualTo(Path.of("/srv/test/machine.json"));
        } finally {
            if (before == null) {
                System.clearProperty(AppPaths.MACHINE_CONFIG_PROPERTY);
            } else {
                System.setProperty(AppPaths.MACHINE_CONFIG_PROPERTY, before);
            }
        }
    }

    @Test
    void testSetupsHaveNoMachineWideFile() {
        assertThat(new AppPaths(Path.of("/c"), Path.of("/d")).machineConfigFile()).isNull();
    }
}
