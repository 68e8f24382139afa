package com.waiverdesk.verification.ecert;

import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.ECPoint;

/**
 * An SM2 public key as the trust list and the configuration carry it: standard padded base64 of the X.509
 * SubjectPublicKeyInfo DER ({@code id-ecPublicKey} with the {@code sm2p256v1} curve, uncompressed point).
 */
public final class Sm2PublicKey {
    private static final int UNCOMPRESSED_POINT_LENGTH = 65;

    private final ECPublicKeyParameters parameters;
    private final String spkiBase64;

    Sm2PublicKey(ECPublicKeyParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        try {
            this.spkiBase64 = Base64.getEncoder().encodeToString(
                    SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(parameters).getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an SM2 public key", e);
        }
    }

    /**
     * Reads a key strictly: canonical padded base64, DER that re-encodes to the same bytes, the SM2 curve's OID, an
     * uncompressed point on the curve. Anything else is refused (a key that only decodes leniently is not one the
     * issuer published).
     */
    public static Sm2PublicKey fromSpkiBase64(String text) throws Sm2KeyException {
        if (text == null || text.isEmpty()) {
            throw new Sm2KeyException("empty public key");
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new Sm2KeyException("public key is not base64");
        }
        if (!Base64.getEncoder().encodeToString(der).equals(text)) {
            throw new Sm2KeyException("public key is not canonical padded base64");
        }
        return fromSpkiDer(der);
    }

    /** The key of a SubjectPublicKeyInfo DER, read as strictly as {@link #fromSpkiBase64}. */
    public static Sm2PublicKey fromSpkiDer(byte[] der) throws Sm2KeyException {
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
            if (!Arrays.equals(info.getEncoded(ASN1Encoding.DER), der)) {
                throw new Sm2KeyException("public key is not DER");
            }
            AlgorithmIdentifier algorithm = info.getAlgorithm();
            if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())
                    || !GMObjectIdentifiers.sm2p256v1.equals(algorithm.getParameters())) {
                throw new Sm2KeyException("public key is not on the SM2 curve");
            }
            if (info.getPublicKeyData().getPadBits() != 0) {
                throw new Sm2KeyException("public key bit string has pad bits");
            }
            byte[] point = info.getPublicKeyData().getOctets();
            if (point.length != UNCOMPRESSED_POINT_LENGTH || point[0] != 0x04) {
                throw new Sm2KeyException("public key point is not uncompressed");
            }
            ECPoint q = Sm2Curve.DOMAIN.getCurve().decodePoint(point);
            // the constructor checks the point is on the curve, not infinity, in the subgroup
            return new Sm2PublicKey(new ECPublicKeyParameters(q, Sm2Curve.DOMAIN));
        } catch (IOException | RuntimeException e) {
            throw new Sm2KeyException("public key is not an SM2 SubjectPublicKeyInfo (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Standard padded base64 of the SubjectPublicKeyInfo DER. */
    public String spkiBase64() {
        return spkiBase64;
    }

    public byte[] spkiDer() {
        return Base64.getDecoder().decode(spkiBase64);
    }

    public ECPublicKeyParameters parameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sm2PublicKey && ((Sm2PublicKey) o).spkiBase64.equals(spkiBase64);
    }

    @Override
    public int hashCode() {
        return spkiBase64.hashCode();
    }

    @Override
    public String toString() {
        return "Sm2PublicKey[" + spkiBase64 + "]";
    }
}
