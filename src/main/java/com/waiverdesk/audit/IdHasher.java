package com.waiverdesk.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hash (HMAC-SHA256) of a resident ID, so a supervisor can find entries by exact ID while the log holds no ID.
 * The key lives outside the database: without it the small ID space cannot be searched by brute force.
 */
public final class IdHasher {
    private final byte[] key;

    public IdHasher(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("audit key too short");
        }
        this.key = Arrays.copyOf(key, key.length);
    }

    /** Hex HMAC of the normalized ID; {@code null} for empty input. */
    public String hash(String normalizedId) {
        if (normalizedId == null || normalizedId.isEmpty()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(normalizedId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
