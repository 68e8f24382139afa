package com.waiverdesk.app.secret;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The OS credential store through java-keyring: Windows Credential Manager, macOS Keychain, or the freedesktop Secret
 * Service (GNOME Keyring, KWallet 5.97+, KeePassXC) over D-Bus. Every call runs on one daemon thread with a time
 * limit: a keyring waiting on an unlock prompt nobody sees must not freeze the desk.
 *
 * <p>The secret is stored Base64-encoded, because the library turns it into a {@code String} with the platform's
 * default charset on Linux, which would garble bytes outside ASCII.
 */
final class OsSecretStore implements SecretStore {
    static final String SERVICE = "WaiverDesk";
    private static final System.Logger LOG = System.getLogger(OsSecretStore.class.getName());

    private final Keyring keyring;
    private final String name;
    private final Kind kind;
    private final Duration limit;
    private final ExecutorService worker;

    private OsSecretStore(Keyring keyring, KeyringStorageType type, Duration limit, ExecutorService worker) {
        this.keyring = keyring;
        this.name = nameOf(type);
        this.kind = kindOf(type);
        this.limit = limit;
        this.worker = worker;
    }

    /** The platform's store type, or empty on a system java-keyring does not cover. */
    static Optional<KeyringStorageType> typeFor(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return Optional.of(KeyringStorageType.WINDOWS_CREDENTIAL_STORE);
        }
        if (os.startsWith("mac")) {
            return Optional.of(KeyringStorageType.OSX_KEYCHAIN);
        }
        if (os.contains("linux") || os.contains("bsd")) {
            return Optional.of(KeyringStorageType.GNOME_KEYRING);
        }
        return Optional.empty();
    }

    static Kind kindOf(KeyringStorageType type) {
        switch (type) {
            case WINDOWS_CREDENTIAL_STORE:
                return Kind.WINDOWS_CREDENTIAL_MANAGER;
            case OSX_KEYCHAIN:
            case LEGACY_OSX_KEYCHAIN:
                return Kind.MACOS_KEYCHAIN;
            default:
                return Kind.SECRET_SERVICE;
        }
    }

    static String nameOf(KeyringStorageType type) {
        switch (type) {
            case WINDOWS_CREDENTIAL_STORE:
                return "Windows Credential Manager";
            case OSX_KEYCHAIN:
            case LEGACY_OSX_KEYCHAIN:
                return "macOS Keychain";
            default:
                return "Secret Service (D-Bus)";
        }
    }

    /**
     * Connects to the store and reads one entry that need not exist, within {@code limit}: a missing D-Bus session,
     * no keyring daemon or a locked keyring all end here, quickly, instead of at the first real use.
     */
    static OsSecretStore open(KeyringStorageType type, Duration limit) throws SecretStoreException {
        ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "secret-store");
            thread.setDaemon(true);
            return thread;
        });
        String name = nameOf(type);
        try {
            Keyring keyring = call(worker, limit, name, () -> {
                Keyring created = Keyring.create(type);
                try {
                    readOrMissing(created, "waiverdesk:probe@localhost");
                    return created;
                } catch (PasswordAccessException | RuntimeException e) {
                    created.close();
                    throw e;
                }
            });
            return new OsSecretStore(keyring, type, limit, worker);
        } catch (SecretStoreException e) {
            worker.shutdownNow();
            throw e;
        }
    }

    @Override
    public String description() {
        return name;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public Optional<byte[]> read(String accountKey) throws SecretStoreException {
        Optional<String> stored = call(worker, limit, name, () -> readOrMissing(keyring, accountKey));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(stored.get()));
        } catch (IllegalArgumentException e) {
            throw new SecretStoreException("The entry for " + accountKey + " in " + name + " was not written by"
                    + " WaiverDesk (it is not Base64). Set the secret again with `waiverdesk secret set`.");
        }
    }

    @Override
    public void write(String accountKey, byte[] secret) throws SecretStoreException {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("An empty secret cannot be stored");
        }
        String encoded = Base64.getEncoder().encodeToString(secret);
        call(worker, limit, name, () -> {
            keyring.setPassword(SERVICE, accountKey, encoded);
            return null;
        });
    }

    @Override
    public boolean delete(String accountKey) throws SecretStoreException {
        return call(worker, limit, name, () -> {
            if (readOrMissing(keyring, accountKey).isEmpty()) {
                return false;
            }
            keyring.deletePassword(SERVICE, accountKey);
            return true;
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            keyring.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "closing " + name, e);
        }
    }

    /** java-keyring reports a missing entry as an exception; these are its words for it on each platform. */
    private static Optional<String> readOrMissing(Keyring keyring, String accountKey) throws PasswordAccessException {
        try {
            return Optional.of(keyring.getPassword(SERVICE, accountKey));
        } catch (PasswordAccessException e) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("No stored credentials match") || message.equals("Error code 1168")
                    || message.equals("Password not Found")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static <T> T call(ExecutorService worker, Duration limit, String name, Callable<T> action)
            throws SecretStoreException {
        Future<T> result = worker.submit(action);
        try {
            return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new SecretStoreException(name + " did not answer within " + limit.toMillis() + " ms (is the"
                    + " keyring locked, or waiting for an unlock prompt?)", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof BackendNotSupportedException && cause.getCause() != null
                    ? cause.getMessage() + ": " + cause.getCause().getMessage() : String.valueOf(cause.getMessage());
            LOG.log(System.Logger.Level.DEBUG, name + " failed", cause);
            throw new SecretStoreException(name + " cannot be used: " + why, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SecretStoreException("Interrupted while waiting for " + name, e);
        }
    }
}
