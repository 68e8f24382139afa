package com.waiverdesk.verification.ecert;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * Builds compact texts for tests by hand (its own base64url, BouncyCastle's SM2Signer called directly), so a test's
 * input does not come from the writer it may be testing.
 */
final class TestSigner {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestSigner() {
    }

    static String b64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sm2(Sm2KeyPair key, byte[] message) {
        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithRandom(key.privateParameters(), RANDOM));
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code prefix.kid.b64url(json).b64url(sig)} with the JSON exactly as given. */
    static String text(String prefix, String kid, String json, Sm2KeyPair key) {
        return text(prefix, kid, json.getBytes(StandardCharsets.UTF_8), key);
    }

    static String text(String prefix, String kid, byte[] json, Sm2KeyPair key) {
        String signed = prefix + "." + kid + "." + b64url(json);
        return signed + "." + b64url(sm2(key, signed.getBytes(StandardCharsets.US_ASCII)));
    }
}
