package com.waiverdesk.verification.ecert;

/**
 * A certificate or list text that does not have the format's shape (parts, base64url, JSON, types, dates). The
 * message names the part that is wrong, never a value from the text, so it can be logged.
 */
public final class MalformedTextException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedTextException(String message) {
        super(message);
    }
}
