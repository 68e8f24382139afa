package com.waiverdesk.ui.settings;

import com.waiverdesk.app.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * TO BE REPLACED by the OS credential store adapter (com.waiverdesk.app.secret.SecretStore) when it is merged: writes
 * the secret as the text file that {@code secretFile} names, readable by its owner only, replaced in one step. This
 * is no better than a secret file IT writes by hand (see docs/configuration.md), but no worse either.
 */
public final class SecretFileSaver implements SecretSaver {
    private final Path file;

    /** @param file where the secret goes, e.g. {@code account.secret} beside the per-user configuration file */
    public SecretFileSaver(Path file) {
        this.file = file;
    }

    @Override
    public Optional<Path> save(String accountId, String host, byte[] secret) throws IOException {
        PrivateFiles.replace(file, ".secret", secret);
        return Optional.of(file);
    }

    @Override
    public boolean hasSecret(String accountId, String host, Path secretFile) throws IOException {
        return secretFile != null && Files.isRegularFile(secretFile) && Files.size(secretFile) > 0;
    }
}
