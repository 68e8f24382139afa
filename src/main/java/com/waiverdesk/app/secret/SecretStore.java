package com.waiverdesk.app.secret;

import com.waiverdesk.verification.VerificationHttp;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the verification account's shared secret is kept on a workstation, so it is never a plain-text file a clerk
 * can open: the OS credential store, or an encrypted file where there is none (see {@code docs/secrets.md}).
 * Entries are keyed by {@link #accountKey(String, String)}; no method ever puts a secret in a message or a log.
 */
public interface SecretStore extends AutoCloseable {

    /** Which store this is, in English, for logs and {@code secret status}; never a secret. */
    String description();

    /** The kind of store, for screens that name it in the user's language. */
    default Kind kind() {
        return Kind.OTHER;
    }

    /** The file an {@link Kind#ENCRYPTED_FILE} store keeps its entries in; {@code null} for the others. */
    default Path file() {
        return null;
    }

    /** A second store this one also reads entries from (the encrypted file beside an OS store), if any. */
    default Optional<SecretStore> alsoReads() {
        return Optional.empty();
    }

    /** The kinds of store, as the settings screen names them. */
    enum Kind { WINDOWS_CREDENTIAL_MANAGER, MACOS_KEYCHAIN, SECRET_SERVICE, ENCRYPTED_FILE, OTHER }

    /**
     * The stored secret, or empty when this store holds none for the key.
     *
     * @throws SecretStoreException the store cannot be reached, or its entry cannot be decrypted or was altered
     */
    Optional<byte[]> read(String accountKey) throws SecretStoreException;

    /** Stores the secret, replacing any earlier one for the key. */
    void write(String accountKey, byte[] secret) throws SecretStoreException;

    /** @return whether there was an entry to delete */
    boolean delete(String accountKey) throws SecretStoreException;

    /** Lets go of the store's connection (D-Bus); the store is not used after. */
    @Override
    default void close() {
    }

    /**
     * The key of one account at one service: {@code waiverdesk:<accountId>@<host>}. The host is part of it so that
     * pointing a desk at another service (test, then production) never sends the other service's secret.
     *
     * @throws IllegalArgumentException the endpoint is not a usable base URL, or the account id is blank
     */
    static String accountKey(String accountId, String endpoint) {
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("An account id is required to find its secret");
        }
        return "waiverdesk:" + accountId.strip() + "@" + VerificationHttp.parseBaseUrl(endpoint).host();
    }
}
