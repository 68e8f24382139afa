package com.waiverdesk.ui.settings;

import com.waiverdesk.app.secret.SecretStore;
import com.waiverdesk.app.secret.SecretStoreException;
import com.waiverdesk.ui.common.Texts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Keeps the secret typed on the settings screen in the workstation's {@link SecretStore}, under
 * {@link SecretStore#accountKey(String, String)}, as {@code waiverdesk secret set} does; nothing is written to a
 * file the configuration names. A configured secret file still wins when the desk reads the secret, so the view
 * model removes {@code secretFile} from the per-user file when it saves a secret here.
 */
public final class SecretStoreSaver implements SecretSaver {
    private final SecretStoreSession session;
    private final Texts texts;

    /** Names the store in the language of {@code texts}, as the settings screen shows it. */
    public SecretStoreSaver(SecretStoreSession session, Texts texts) {
        this.session = session;
        this.texts = texts;
    }

    @Override
    public void save(String accountId, String endpoint, byte[] secret) throws SecretStoreException {
        session.store().write(SecretStore.accountKey(accountId, endpoint), secret);
    }

    @Override
    public SecretStatus status(String accountId, String endpoint, Path secretFile)
            throws SecretStoreException, IOException {
        if (secretFile != null) {
            boolean there = Files.isRegularFile(secretFile) && Files.size(secretFile) > 0;
            return new SecretStatus(there, secretFile.toString(), true);
        }
        SecretStore store = session.store();
        String where = SecretStoreNames.describe(store, texts);
        if (accountId == null || accountId.isBlank() || endpoint == null || endpoint.isBlank()) {
            return new SecretStatus(false, where, false);
        }
        String key;
        try {
            key = SecretStore.accountKey(accountId, endpoint);
        } catch (IllegalArgumentException e) {
            return new SecretStatus(false, where, false);
        }
        Optional<byte[]> secret = store.read(key);
        secret.ifPresent(bytes -> Arrays.fill(bytes, (byte) 0));
        return new SecretStatus(secret.isPresent() && secret.get().length > 0, where, false);
    }
}
