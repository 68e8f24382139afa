package com.waiverdesk.verification.ecert;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * SM2 signatures as the e-certificate format uses them: SM3, the default user id {@code 1234567812345678}
 * (BouncyCastle's SM2Signer default, GM/T 0009), DER {@code SEQUENCE {r, s}}.
 */
public final class Sm2 {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sm2() {
    }

    public static byte[] sign(Sm2KeyPair key, byte[] message) {
        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithRandom(key.privateParameters(), RANDOM));
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    /**
     * Whether {@code der} is a valid signature of {@code message} by {@code key}. False, never an exception, for
     * anything else: a non-canonical DER encoding (BER lengths, leading zeros, trailing bytes) and r or s outside
     * [1, n-1] are refused before the arithmetic, so one signature has one encoding.
     */
    public static boolean verify(Sm2PublicKey key, byte[] message, byte[] der) {
        if (key == null || message == null || der == null || !isStrictDer(der)) {
            return false;
        }
        try {
            SM2Signer signer = new SM2Signer();
            signer.init(false, key.parameters());
            signer.update(message, 0, message.length);
            return signer.verifySignature(der);
        } catch (RuntimeException e) {
            return false;
        }
    }

    static boolean isStrictDer(byte[] der) {
        try {
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
            if (!(primitive instanceof ASN1Sequence)) {
                return false;
            }
            ASN1Sequence sequence = (ASN1Sequence) primitive;
            if (sequence.size() != 2 || !(sequence.getObjectAt(0) instanceof ASN1Integer)
                    || !(sequence.getObjectAt(1) instanceof ASN1Integer)) {
                return false;
            }
            if (!Arrays.equals(sequence.getEncoded(ASN1Encoding.DER), der)) {
                return false;
            }
            return inRange(((ASN1Integer) sequence.getObjectAt(0)).getValue())
                    && inRange(((ASN1Integer) sequence.getObjectAt(1)).getValue());
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean inRange(BigInteger v) {
        return v.signum() > 0 && v.compareTo(Sm2Curve.N) < 0;
    }
}
