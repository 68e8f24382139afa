package com.waiverdesk.ui.settings;

import java.nio.file.Path;

/**
 * Where the settings screen keeps the account's secret, as a port: {@link SecretStoreSaver} writes it into the
 * workstation's secret store (the OS credential store, or its encrypted file). Blocking: disk or the OS store.
 */
public interface SecretSaver {
    /** Stores the secret of the account at the service's host, replacing any earlier one. */
    void save(String accountId, String endpoint, byte[] secret) throws Exception;

    /**
     * Whether a secret is stored for the account, and where the desk reads it from.
     *
     * @param accountId  the configured account, or {@code null} (the demo)
     * @param endpoint   the configured service URL, or {@code null} (the demo)
     * @param secretFile the secret file the configuration names, which wins over the store; or {@code null}
     */
    SecretStatus status(String accountId, String endpoint, Path secretFile) throws Exception;

    /**
     * What the screen shows of the secret: never the secret itself.
     *
     * @param stored whether a secret is there for the configured account
     * @param where  the store's description (e.g. "Secret Service (D-Bus)"), or the secret file's path
     * @param inFile whether {@code where} is a secret file the configuration names rather than the store
     */
    record SecretStatus(boolean stored, String where, boolean inFile) {
    }
}
