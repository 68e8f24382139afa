package com.waiverdesk.verification.ecert;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The signed text shape shared by certificates and lists: {@code PREFIX.kid.payload.signature}, the signature an
 * SM2 signature over the ASCII bytes of {@code PREFIX.kid.payload} exactly as written.
 *
 * @param prefix      {@code SHEC1}, {@code SHTL1} or {@code SHRL1}
 * @param kid         the signing key's id
 * @param payload     the decoded payload bytes (UTF-8 JSON, not yet read)
 * @param signature   the decoded DER signature
 * @param signedBytes the ASCII bytes the signature covers
 */
public record CompactText(String prefix, String kid, byte[] payload, byte[] signature, byte[] signedBytes) {
    public static final Pattern KID = Pattern.compile("[A-Za-z0-9-]{1,32}");

    public CompactText {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(kid, "kid");
        payload = payload.clone();
        signature = signature.clone();
        signedBytes = signedBytes.clone();
    }

    /** {@code PREFIX.kid.b64url(payload).b64url(signature)}, signed with {@code key}. */
    public static String sign(String prefix, String kid, byte[] payloadJson, Sm2KeyPair key) {
        if (!KID.matcher(kid).matches()) {
            throw new IllegalArgumentException("kid must match " + KID);
        }
        String signed = prefix + "." + kid + "." + Base64Url.encode(payloadJson);
        return signed + "." + Base64Url.encode(Sm2.sign(key, signed.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Splits and decodes a text strictly: at most {@code maxLength} characters, printable ASCII only, exactly four
     * parts, the expected prefix, a kid of {@link #KID}, canonical base64url without padding. The signature is not
     * checked here ({@link #verifiedBy}).
     */
    public static CompactText parse(String text, String prefix, int maxLength) throws MalformedTextException {
        if (text == null) {
            throw new MalformedTextException("no text");
        }
        if (text.length() > maxLength) {
            throw new MalformedTextException("text longer than " + maxLength + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw new MalformedTextException("text has a character that is not printable ASCII at " + i);
            }
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new MalformedTextException("text has " + parts.length + " parts, not 4");
        }
        if (!parts[0].equals(prefix)) {
            throw new MalformedTextException("text does not start with " + prefix);
        }
        if (!KID.matcher(parts[1]).matches()) {
            throw new MalformedTextException("kid is not 1-32 of [A-Za-z0-9-]");
        }
        byte[] payload = Base64Url.decode(parts[2], "payload");
        byte[] signature = Base64Url.decode(parts[3], "signature");
        byte[] signed = text.substring(0, text.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        return new CompactText(parts[0], parts[1], payload, signature, signed);
    }

    /** Whether the signature is {@code key}'s over the signed bytes. */
    public boolean verifiedBy(Sm2PublicKey key) {
        return Sm2.verify(key, signedBytes, signature);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] signedBytes() {
        return signedBytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompactText && java.util.Arrays.equals(((CompactText) o).signedBytes, signedBytes)
                && java.util.Arrays.equals(((CompactText) o).signature, signature);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(signedBytes);
    }

    /** Only the prefix and kid: a payload carries a resident ID. */
    @Override
    public String toString() {
        return "CompactText[" + prefix + "." + kid + "]";
    }
}
