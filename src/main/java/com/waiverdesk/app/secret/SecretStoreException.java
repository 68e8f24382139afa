package com.waiverdesk.app.secret;

/** A secret store could not be used; the message says which store and what to do, and never holds the secret. */
public final class SecretStoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public SecretStoreException(String message) {
        super(message);
    }

    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
