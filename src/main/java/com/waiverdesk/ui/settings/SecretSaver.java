package com.waiverdesk.ui.settings;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the settings screen keeps the account's secret, as a port: the lead wires the OS credential store
 * ({@code com.waiverdesk.app.secret.SecretStore}) here when it lands; {@link SecretFileSaver} writes the secret file
 * the configuration already understands until then. Blocking: disk or the OS store.
 */
public interface SecretSaver {
    /**
     * Stores the secret of the account at the service's host.
     *
     * @return the secret file the configuration must name ({@code secretFile}), or empty when the store needs none
     */
    Optional<Path> save(String accountId, String host, byte[] secret) throws Exception;

    /** Whether a secret is stored for the account; {@code secretFile} is what the configuration names now. */
    boolean hasSecret(String accountId, String host, Path secretFile) throws Exception;
}
