package com.waiverdesk.ui.settings;

import com.waiverdesk.app.secret.SecretStore;
import com.waiverdesk.app.secret.SecretStoreException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The workstation's secret store for one settings window. Opening it probes the OS credential store (up to 10 s on a
 * keyring that does not answer), so the opening starts on its own thread when the window opens, the adapters wait for
 * it on their workers, and it is closed with the window, also if it finishes opening after that.
 */
public final class SecretStoreSession implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SecretStoreSession.class.getName());

    /** Opens the store (e.g. {@code SecretStores.open(paths)}). Blocking. */
    public interface Opener {
        SecretStore open() throws SecretStoreException;
    }

    private final CompletableFuture<SecretStore> opening = new CompletableFuture<>();
    private volatile boolean closed;

    private SecretStoreSession() {
    }

    /** Starts opening the store on a thread of its own and returns at once. */
    public static SecretStoreSession start(Opener opener) {
        SecretStoreSession session = new SecretStoreSession();
        Thread thread = new Thread(() -> {
            try {
                session.opening.complete(opener.open());
            } catch (SecretStoreException | RuntimeException e) {
                session.opening.completeExceptionally(e);
            }
        }, "secret-store-open");
        thread.setDaemon(true);
        thread.start();
        return session;
    }

    /**
     * The open store, waiting for the opening if it is still under way. Blocking: call on a worker.
     *
     * @throws SecretStoreException the store could not be opened (the message names it, never a secret)
     */
    public SecretStore store() throws SecretStoreException {
        if (closed) {
            throw new IllegalStateException("the settings window's secret store is closed");
        }
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SecretStoreException) {
                throw (SecretStoreException) e.getCause();
            }
            throw new SecretStoreException("The secret store could not be opened: "
                    + e.getCause().getClass().getSimpleName(), e.getCause());
        }
    }

    /** Closes the store once it is open; later calls of {@link #store()} fail. */
    @Override
    public void close() {
        closed = true;
        opening.thenAccept(store -> {
            try {
                store.close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "closing the secret store: " + e.getClass().getSimpleName());
            }
        });
    }
}
