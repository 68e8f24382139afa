package com.waiverdesk.app;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The OS-standard folders for per-user configuration, data and logs (XDG, %APPDATA%, Application Support, Library/Logs),
 * and the machine-wide configuration file IT deploys, so the desk finds its files, and IT finds its logs, where each
 * platform's users and IT expect them.
 */
public final class AppPaths {
    /**
     * System property naming another machine-wide configuration file, for tests and for IT trying a file before
     * deploying it. Deliberately not an environment variable: a clerk can set those for their own session.
     */
    public static final String MACHINE_CONFIG_PROPERTY = "waiverdesk.machineConfig";
    private static final String APP = "waiverdesk";
    private final Path configDir;
    private final Path dataDir;
    private final Path logDir;
    private final Path machineConfigFile;

    /** Logs go to a {@code logs} folder beside the data, as a test or a portable setup would want; no machine file. */
    public AppPaths(Path configDir, Path dataDir) {
        this(configDir, dataDir, dataDir.resolve("logs"));
    }

    public AppPaths(Path configDir, Path dataDir, Path logDir) {
        this(configDir, dataDir, logDir, null);
    }

    /** @param machineConfigFile the machine-wide file IT deploys, or {@code null} for none (tests) */
    public AppPaths(Path configDir, Path dataDir, Path logDir, Path machineConfigFile) {
        this.configDir = configDir;
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.machineConfigFile = machineConfigFile;
    }

    public static AppPaths forCurrentUser() {
        AppPaths standard = of(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home", ".")),
                System.getenv());
        String override = System.getProperty(MACHINE_CONFIG_PROPERTY);
        return override == null || override.isBlank() ? standard
                : standard.withMachineConfigFile(pathOr(override, standard.machineConfigFile));
    }

    public AppPaths withMachineConfigFile(Path file) {
        return new AppPaths(configDir, dataDir, logDir, file);
    }

    static AppPaths of(String osName, Path home, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path appData = pathOr(env.get("APPDATA"), home.resolve("AppData").resolve("Roaming"));
            Path local = pathOr(env.get("LOCALAPPDATA"), home.resolve("AppData").resolve("Local"));
            Path data = local.resolve("WaiverDesk");
            Path programData = pathOr(env.get("PROGRAMDATA"), Path.of("C:\\ProgramData"));
            return new AppPaths(appData.resolve("WaiverDesk"), data, data.resolve("Logs"),
                    programData.resolve("WaiverDesk").resolve("config.json"));
        }
        if (os.startsWith("mac")) {
            Path support = home.resolve("Library").resolve("Application Support").resolve("WaiverDesk");
            return new AppPaths(support, support, home.resolve("Library").resolve("Logs").resolve("WaiverDesk"),
                    Path.of("/Library/Application Support/WaiverDesk/config.json"));
        }
        Path config = xdgOr(env.get("XDG_CONFIG_HOME"), home.resolve(".config"));
        Path data = xdgOr(env.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share"));
        // logs are state, not data, in the XDG spec: kept across runs but not worth backing up
        Path state = xdgOr(env.get("XDG_STATE_HOME"), home.resolve(".local").resolve("state"));
        // not XDG_CONFIG_DIRS: a clerk can set it for their own session and so step around IT's locks
        return new AppPaths(config.resolve(APP), data.resolve(APP), state.resolve(APP).resolve("logs"),
                Path.of("/etc").resolve(APP).resolve("config.json"));
    }

    private static Path pathOr(String value, Path fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            // a broken variable must not stop the desk from opening; the standard place still works
            return fallback;
        }
    }

    /** The XDG base-directory spec says a relative path in these variables is invalid and must be ignored. */
    private static Path xdgOr(String value, Path fallback) {
        Path path = pathOr(value, fallback);
        return path.isAbsolute() ? path : fallback;
    }

    public Path configFile() {
        return configDir.resolve("config.json");
    }

    /** The clerk's text size and contrast ({@link DisplayPreferences}), beside the user's configuration. */
    public Path displayPreferencesFile() {
        return configDir.resolve("display.properties");
    }

    /** The machine-wide file IT deploys (it may be absent), or {@code null} when this setup has none. */
    public Path machineConfigFile() {
        return machineConfigFile;
    }

    public Path defaultAuditDatabase() {
        return dataDir.resolve("audit.db");
    }

    public Path configDir() {
        return configDir;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Where the rotating application logs go. */
    public Path logDir() {
        return logDir;
    }
}
