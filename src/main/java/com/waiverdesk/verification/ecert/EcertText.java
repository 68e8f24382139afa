package com.waiverdesk.verification.ecert;

import java.util.Optional;

/** Recognizes and reads the QR text of an e-certificate ({@code SHEC1.kid.payload.signature}). */
public final class EcertText {
    public static final String PREFIX = "SHEC1";
    /** How every certificate text starts: what a scanner's first keys give away. */
    public static final String START = PREFIX + ".";
    public static final int MAX_LENGTH = 1200;

    private EcertText() {
    }

    /** A text starting with {@code SHEC1.} is a certificate (maybe a bad one), never a name or an ID. */
    public static boolean isCertificateText(String text) {
        return text != null && text.startsWith(START);
    }

    /**
     * The payload without checking the signature: to fill the name and ID fields before the clerk compares them with
     * the ID card. Empty for any malformed text. Never a basis for a decision.
     */
    public static Optional<EcertPayload> peek(String text) {
        try {
            return Optional.of(read(text).payload());
        } catch (MalformedTextException e) {
            return Optional.empty();
        }
    }

    /** The parts and the payload, strictly read; the signature is not checked. */
    public static Parsed read(String text) throws MalformedTextException {
        CompactText compact = CompactText.parse(text, PREFIX, MAX_LENGTH);
        return new Parsed(compact, EcertPayload.fromJson(compact.payload()));
    }

    /** A certificate's text: the payload signed by {@code key} under {@code kid}. For the mock and the tests. */
    public static String sign(EcertPayload payload, String kid, Sm2KeyPair key) {
        return CompactText.sign(PREFIX, kid, payload.toJson(), key);
    }

    /** A read certificate: its text's parts and its payload. */
    public record Parsed(CompactText text, EcertPayload payload) {
    }
}
