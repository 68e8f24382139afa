package com.waiverdesk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The settings screen's access to the configuration files: what each file holds, a trial of a change (the desk's own
 * reader and checks run on the would-be file before anything is saved), and the save itself. Blocking: disk.
 */
public final class SettingsStore {
    private final ConfigOptions options;
    private final AppPaths paths;
    private final Map<String, String> env;
    /** Made at the first save or trial: its JSON mapper is not worth loading before the desk's first frame. */
    private UserConfigWriter writer;

    /** @param options the command line the desk was started with; its options still win over the saved file */
    public SettingsStore(ConfigOptions options, AppPaths paths, Map<String, String> env) {
        this.options = options;
        this.paths = paths;
        this.env = env;
    }

    /**
     * What the files hold now.
     *
     * @param user    the per-user file's values by field (as {@link ConfigFile} reads them)
     * @param machine the machine-wide file's values by field, without {@code locked}
     */
    public record Snapshot(LoadedConfig loaded, Map<String, Object> user, Map<String, Object> machine) {
        public Snapshot {
            user = Map.copyOf(user);
            machine = Map.copyOf(machine);
        }

        /** The value the files give the field (a locked one the machine's), or {@code null} for the default. */
        public Object fileValue(String field) {
            if (loaded.locked().contains(field)) {
                return machine.get(field);
            }
            return user.containsKey(field) ? user.get(field) : machine.get(field);
        }
    }

    public Snapshot read() throws ConfigException {
        LoadedConfig loaded = options.load(paths, env);
        Map<String, Object> machine = new java.util.HashMap<>(loaded.machineFile() == null ? Map.of()
                : ConfigFile.read(loaded.machineFile(), false, true));
        machine.remove(ConfigFile.LOCKED);
        return new Snapshot(loaded, ConfigFile.read(loaded.userFile(), false), machine);
    }

    /**
     * The configuration the desk would run with after saving {@code changes}: the per-user file with the changes is
     * written to a private temporary file beside it (so relative paths mean the same) and read as at start.
     *
     * @throws ConfigException the change would not work; the message names the real per-user file and the field
     */
    public LoadedConfig trial(Map<String, ?> changes) throws ConfigException {
        LoadedConfig current = options.load(paths, env);
        Path file = current.userFile();
        Path tmp = null;
        try {
            tmp = PrivateFiles.writeTemp(file, ".config-trial", Files.exists(file) ? Files.readAllBytes(file)
                    : "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            writer().write(tmp, changes, current.locked());
            return options.withConfigFile(tmp).load(paths, env);
        } catch (ConfigException e) {
            String named = tmp == null ? e.getMessage() : e.getMessage().replace(tmp.toString(), file.toString());
            throw new ConfigException(named, e);
        } catch (IOException e) {
            throw new ConfigException("Cannot prepare the configuration file " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** Saves the changes into the per-user file and returns what the desk now runs with. */
    public LoadedConfig save(Map<String, ?> changes) throws ConfigException {
        LoadedConfig current = options.load(paths, env);
        writer().write(current.userFile(), changes, current.locked());
        return options.load(paths, env);
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            System.getLogger(SettingsStore.class.getName()).log(System.Logger.Level.WARNING,
                    "could not delete the trial file " + tmp, e);
        }
    }

    private synchronized UserConfigWriter writer() {
        if (writer == null) {
            writer = new UserConfigWriter();
        }
        return writer;
    }
}
