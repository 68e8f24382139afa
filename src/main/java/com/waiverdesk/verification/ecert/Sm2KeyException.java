package com.waiverdesk.verification.ecert;

/** A public key text that is not the base64 of an SM2 SubjectPublicKeyInfo; the message never quotes the text. */
public final class Sm2KeyException extends Exception {
    private static final long serialVersionUID = 1L;

    public Sm2KeyException(String message) {
        super(message);
    }
}
