package com.waiverdesk.verification;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the verification client trusts the service beyond the JDK's defaults: a hospital's own CA bundle and pins of
 * the service's public keys, so the settings are checked once and then handed to
 * {@link VerificationHttp#newOkHttpClient(TlsSettings)}.
 *
 * @param caBundle PEM file with one or more CA certificates that replace the system trust store; {@code null}
 *                 keeps the system trust store
 * @param pins     OkHttp pins {@code sha256/<base64 of 32 bytes>} for {@code host}; empty for no pinning
 * @param host     the service's host name, which the pins apply to
 */
public record TlsSettings(Path caBundle, List<String> pins, String host) {
    private static final Pattern PIN = Pattern.compile("sha256/([A-Za-z0-9+/]{43}=)");

    /** The system trust store and no pins. */
    public static final TlsSettings SYSTEM = new TlsSettings(null, List.of(), null);

    /** @throws IllegalArgumentException if a pin is malformed, or pins are given without a host */
    public TlsSettings {
        pins = List.copyOf(Objects.requireNonNull(pins, "pins"));
        for (String pin : pins) {
            checkPin(pin);
        }
        if (!pins.isEmpty() && (host == null || host.isBlank())) {
            throw new IllegalArgumentException("certificate pins need the host they apply to");
        }
    }

    /**
     * Checks one pin's form: {@code sha256/} and the base64 of a 32-byte SHA-256 hash.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static void checkPin(String pin) {
        var m = PIN.matcher(pin == null ? "" : pin);
        if (!m.matches() || Base64.getDecoder().decode(m.group(1)).length != 32) {
            throw new IllegalArgumentException("certificate pin must be sha256/ followed by the base64 of 32 bytes"
                    + " (44 characters ending in =), found \"" + pin + "\"");
        }
    }
}
