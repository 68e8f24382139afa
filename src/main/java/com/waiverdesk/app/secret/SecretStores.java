package com.waiverdesk.app.secret;

import com.github.javakeyring.KeyringStorageType;
import com.waiverdesk.app.AppPaths;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Picks where secrets live: the OS credential store when it answers within a short probe, else the encrypted file in
 * the per-user data folder, and logs which (never a secret). IT can force one with the system property
 * {@value #MODE_PROPERTY} or the environment variable {@value #MODE_ENV}: {@code auto} (the default), {@code os}
 * (fail rather than fall back) or {@code file}.
 */
public final class SecretStores {
    public static final String MODE_PROPERTY = "waiverdesk.secretStore";
    public static final String MODE_ENV = "WAIVERDESK_SECRET_STORE";
    /**
     * Room for loading the D-Bus library and a round trip on a loaded machine (up to 3.4 s measured with a load of 8
     * on 2 cores); only a keyring that never answers costs all of it, once per start.
     */
    static final Duration LIMIT = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(SecretStores.class.getName());

    /** How the store is chosen. */
    public enum Mode { AUTO, OS, FILE }

    private SecretStores() {
    }

    /** The store for the current user, chosen as the property, the environment or {@code auto} say. */
    public static SecretStore open(AppPaths paths) throws SecretStoreException {
        return open(paths, mode(System.getProperty(MODE_PROPERTY), System.getenv()),
                System.getProperty("os.name", ""), LIMIT);
    }

    static SecretStore open(AppPaths paths, Mode mode, String osName, Duration limit) throws SecretStoreException {
        EncryptedFileStore file = new EncryptedFileStore(paths.dataDir());
        if (mode == Mode.FILE) {
            return chosen(file, "forced by " + MODE_PROPERTY + "/" + MODE_ENV);
        }
        Optional<KeyringStorageType> type = OsSecretStore.typeFor(osName);
        if (type.isEmpty()) {
            if (mode == Mode.OS) {
                throw new SecretStoreException("No OS credential store is known for " + osName);
            }
            return chosen(file, "no OS credential store is known for " + osName);
        }
        try {
            OsSecretStore os = OsSecretStore.open(type.get(), limit);
            return chosen(mode == Mode.OS ? os : new LayeredStore(os, file), "it answered");
        } catch (SecretStoreException e) {
            if (mode == Mode.OS) {
                throw e;
            }
            return chosen(file, e.getMessage());
        }
    }

    static Mode mode(String property, Map<String, String> env) throws SecretStoreException {
        String value = property != null ? property : env.get(MODE_ENV);
        if (value == null || value.isBlank()) {
            return Mode.AUTO;
        }
        try {
            return Mode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SecretStoreException("Secret store \"" + value + "\" (" + MODE_PROPERTY + " / " + MODE_ENV
                    + ") is not one of auto, os, file");
        }
    }

    private static SecretStore chosen(SecretStore store, String why) {
        LOG.log(System.Logger.Level.INFO, "secret store: {0}; because {1}", store.description(), why);
        return store;
    }
}
