package com.waiverdesk.verification.ecert;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/** An SM2 private key with its public key: the issuers' and the root's in the mock, the demo and the tests. */
public final class Sm2KeyPair {
    private static final BigInteger TWO = BigInteger.valueOf(2);

    private final ECPrivateKeyParameters privateKey;
    private final Sm2PublicKey publicKey;

    private Sm2KeyPair(ECPrivateKeyParameters privateKey) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        ECPublicKeyParameters pub = new ECPublicKeyParameters(
                new FixedPointCombMultiplier().multiply(Sm2Curve.DOMAIN.getG(), privateKey.getD()).normalize(),
                Sm2Curve.DOMAIN);
        this.publicKey = new Sm2PublicKey(pub);
    }

    public static Sm2KeyPair generate(SecureRandom random) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(Sm2Curve.DOMAIN, random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new Sm2KeyPair((ECPrivateKeyParameters) pair.getPrivate());
    }

    /**
     * A deterministic key for the demo and tests: the private scalar is SM3 of the label's UTF-8 bytes reduced into
     * [1, n-2] ({@code d = h mod (n-2) + 1}); n-1 is left out because SM2 signing needs {@code 1 + d} invertible
     * mod n (GB/T 32918.1 §6.1). Anyone who knows the label knows the key: never for production.
     */
    public static Sm2KeyPair fromSeed(String label) {
        SM3Digest sm3 = new SM3Digest();
        byte[] bytes = label.getBytes(StandardCharsets.UTF_8);
        sm3.update(bytes, 0, bytes.length);
        byte[] hash = new byte[sm3.getDigestSize()];
        sm3.doFinal(hash, 0);
        BigInteger d = new BigInteger(1, hash).mod(Sm2Curve.N.subtract(TWO)).add(BigInteger.ONE);
        return new Sm2KeyPair(new ECPrivateKeyParameters(d, Sm2Curve.DOMAIN));
    }

    public Sm2PublicKey publicKey() {
        return publicKey;
    }

    public ECPrivateKeyParameters privateParameters() {
        return privateKey;
    }

    /** PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), for handing the key to openssl in interop tests. */
    public String privateKeyPkcs8Pem() {
        try {
            byte[] der = PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey).getEncoded(ASN1Encoding.DER);
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
            return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an SM2 private key", e);
        }
    }

    /** Never the private key. */
    @Override
    public String toString() {
        return "Sm2KeyPair[public " + publicKey.spkiBase64() + "]";
    }
}
