package com.waiverdesk.verification;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The request signature of the verification API: {@code base64(HMAC-SHA256(secret, canonical))} over method, path,
 * timestamp, nonce and the body's SHA-256. Shared by the client and the mock service.
 */
public final class RequestSigner {
    public static final String ACCOUNT_HEADER = "X-Account-Id";
    public static final String TIMESTAMP_HEADER = "X-Timestamp";
    public static final String NONCE_HEADER = "X-Nonce";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String SIGNATURE_HEADER = "X-Signature";

    private static final HexFormat HEX = HexFormat.of();
    private final SecureRandom random = new SecureRandom();

    /** The five-line canonical string, joined by {@code \n} with no trailing newline. */
    public static String canonical(String method, String path, long timestampMillis, String nonce, byte[] body) {
        return method + "\n" + path + "\n" + timestampMillis + "\n" + nonce + "\n" + sha256Hex(body);
    }

    public static String signature(byte[] secret, String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Compares in constant time, so the mock does not leak how much of a signature was right. */
    public static boolean signatureMatches(byte[] secret, String canonical, String presented) {
        if (presented == null) {
            return false;
        }
        byte[] expected = signature(secret, canonical).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.US_ASCII));
    }

    public static String sha256Hex(byte[] body) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** 32 lower-case hex characters from a secure random source. */
    public String newNonce() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }
}
