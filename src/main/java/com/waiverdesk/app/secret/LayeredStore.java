package com.waiverdesk.app.secret;

import java.util.Optional;

/**
 * The OS store in front of the encrypted file. IT may set a secret where the OS store is out of reach (over ssh, with
 * no desktop session: it lands in the file) while the clerk's desk later finds the OS store: reads fall back to the
 * file, and the next write moves the secret into the OS store and out of the file.
 */
final class LayeredStore implements SecretStore {
    private static final System.Logger LOG = System.getLogger(LayeredStore.class.getName());
    private final SecretStore primary;
    private final SecretStore fallback;

    LayeredStore(SecretStore primary, SecretStore fallback) {
        this.primary = primary;
        this.fallback = fallback;
    }

    @Override
    public String description() {
        return primary.description() + " (also reads the " + fallback.description() + ")";
    }

    @Override
    public Kind kind() {
        return primary.kind();
    }

    @Override
    public java.util.Optional<SecretStore> alsoReads() {
        return java.util.Optional.of(fallback);
    }

    @Override
    public Optional<byte[]> read(String accountKey) throws SecretStoreException {
        Optional<byte[]> found = primary.read(accountKey);
        return found.isPresent() ? found : fallback.read(accountKey);
    }

    @Override
    public void write(String accountKey, byte[] secret) throws SecretStoreException {
        primary.write(accountKey, secret);
        try {
            fallback.delete(accountKey);
        } catch (SecretStoreException e) {
            // the new secret is safe in the OS store, which is read first; the old copy is only left behind
            LOG.log(System.Logger.Level.WARNING, "could not remove the older copy: {0}", e.getMessage());
        }
    }

    @Override
    public boolean delete(String accountKey) throws SecretStoreException {
        boolean deleted = primary.delete(accountKey);
        return fallback.delete(accountKey) || deleted;
    }

    @Override
    public void close() {
        primary.close();
        fallback.close();
    }
}
