package com.waiverdesk.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A resolved {@link Config} with what the settings screen and the clerk's notice need to know about its sources.
 *
 * @param locked             the fields hospital IT locked in the machine-wide file
 * @param ignoredUserFields  fields of the user's file that tried to change a locked setting and were ignored
 * @param machineFile        the machine-wide file looked for (it may be absent), or {@code null} for none
 * @param userFile           the per-user file (or {@code --config}'s)
 * @param machineFileExists  whether the machine-wide file exists
 * @param userFileExists     whether the user's file exists
 */
public record LoadedConfig(Config config, Set<String> locked, List<String> ignoredUserFields, Path machineFile,
                           Path userFile, boolean machineFileExists, boolean userFileExists) {

    public LoadedConfig {
        locked = Set.copyOf(locked);
        ignoredUserFields = List.copyOf(ignoredUserFields);
    }

    /** No configuration at all: the built-in demo as a newcomer sees it, and the place to offer the first setup. */
    public boolean isFirstRun() {
        return !machineFileExists && !userFileExists;
    }
}
