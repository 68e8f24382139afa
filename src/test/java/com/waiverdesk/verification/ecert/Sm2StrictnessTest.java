package com.waiverdesk.verification.ecert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/** One signature has one encoding and one key one text: the non-canonical forms are built here byte by byte. */
class Sm2StrictnessTest {
    private static final Sm2KeyPair KEY = Sm2KeyPair.fromSeed("strictness");
    private static final byte[] MESSAGE = "SHEC1.K.e30".getBytes(StandardCharsets.US_ASCII);
    /** sm2p256v1's order n, from GB/T 32918.5. */
    private static final BigInteger N = new BigInteger(
            "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123", 16);

    @Test
    void aCanonicalSignatureVerifiesAndEveryReencodingOfItDoesNot() {
        byte[] sig = Sm2.sign(KEY, MESSAGE);
        BigInteger[] rs = decode(sig);

        assertThat(Sm2.verify(KEY.publicKey(), MESSAGE, sig)).isTrue();
        assertThat(Sm2.verify(KEY.publicKey(), MESSAGE, concat(sig, new byte[] {0}))).as("trailing byte").isFalse();
        assertThat(Sm2.verify(KEY.publicKey(), MESSAGE, longFormLength(sig))).as("BER long-form length").isFalse();
        assertThat(Sm2.verify(KEY.publicKey(), MESSAGE, seq(intPadded(rs[0]), integer(rs[1])))).as("r with an extra 00")
                .isFalse();
        assertThat(Sm2.verify(KEY.publicKey(), MESSAGE, seq(integer(rs[0]), integer(rs[1])))).as("rebuilt by hand")
                .isTrue();
        assertThat(Sm2.verify(KEY.publicKey(), MESSAGE, seq(integer(rs[0].add(N)), integer(rs[1])))).as("r + n")
                .isFalse();
        assertThat(Sm2.verify(KEY.publicKey(), MESSAGE, seq(integer(rs[0]), integer(rs[1].add(N))))).as("s + n")
                .isFalse();
        assertThat(Sm2.verify(KEY.publicKey(), MESSAGE, seq(integer(BigInteger.ZERO), integer(rs[1])))).isFalse();
        assertThat(Sm2.verify(KEY.publicKey(), MESSAGE, seq(integer(N), integer(rs[1])))).isFalse();
        assertThat(Sm2.verify(KEY.publicKey(), MESSAGE, seq(integer(rs[0].negate()), integer(rs[1])))).isFalse();
        assertThat(Sm2.verify(KEY.publicKey(), MESSAGE, new byte[0])).isFalse();
        assertThat(Sm2.verify(KEY.publicKey(), MESSAGE, new byte[] {0x30, 0x00})).isFalse();
        assertThat(Sm2.verify(KEY.publicKey(), MESSAGE, new byte[] {0x30, (byte) 0x84, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xFF})).isFalse();
        assertThat(Sm2.verify(null, MESSAGE, sig)).isFalse();
        assertThat(Sm2.verify(Sm2KeyPair.fromSeed("other").publicKey(), MESSAGE, sig)).isFalse();
    }

    @Test
    void aPublicKeyIsReadOnlyFromItsCanonicalText() throws Sm2KeyException {
        String good = KEY.publicKey().spkiBase64();
        byte[] der = Base64.getDecoder().decode(good);
        byte[] offCurve = der.clone();
        offCurve[offCurve.length - 1] ^= 1;
        byte[] p256 = der.clone();
        // the curve OID's last arc: 1.2.156.10197.1.301 -> another arc, same length
        p256[20] ^= 1;
        byte[] compressed = Arrays.copyOf(der, der.length);
        compressed[26] = 0x02;

        assertThat(Sm2PublicKey.fromSpkiBase64(good)).isEqualTo(KEY.publicKey());
        for (String bad : new String[] {"", "not base64!", good.replace("==", ""), good.replace("==", "=") ,
            " " + good, good + "\n", Base64.getUrlEncoder().encodeToString(der).replace('+', '-'),
            Base64.getEncoder().encodeToString(offCurve), Base64.getEncoder().encodeToString(p256),
            Base64.getEncoder().encodeToString(compressed), Base64.getEncoder().encodeToString(concat(der, new byte[1])),
            Base64.getEncoder().encodeToString(new byte[] {0x30, 0x00})}) {
            assertThatThrownBy(() -> Sm2PublicKey.fromSpkiBase64(bad)).as(bad).isInstanceOf(Sm2KeyException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(good.substring(30, 60)));
        }
    }

    @Test
    void theDemoRootConstantIsTheSeedsKeyComputedWithoutTheCodeUnderTest() {
        SM3Digest sm3 = new SM3Digest();
        byte[] label = "waiverdesk-demo-ecert-DEMO-ROOT".getBytes(StandardCharsets.UTF_8);
        sm3.update(label, 0, label.length);
        byte[] hash = new byte[32];
        sm3.doFinal(hash, 0);
        BigInteger d = new BigInteger(1, hash).mod(N.subtract(BigInteger.TWO)).add(BigInteger.ONE);
        ECPoint q = GMNamedCurves.getByName("sm2p256v1").getG().multiply(d).normalize();
        byte[] der = Base64.getDecoder().decode(DemoEcertKeys.ROOT_SPKI_BASE64);

        assertThat(Arrays.copyOfRange(der, der.length - 65, der.length)).isEqualTo(q.getEncoded(false));
        assertThat(DemoEcertKeys.root().publicKey().spkiBase64()).isEqualTo(DemoEcertKeys.ROOT_SPKI_BASE64);
        assertThat(DemoEcertKeys.rootPublicKey()).isEqualTo(DemoEcertKeys.root().publicKey());
    }

    @Test
    void aPrivateKeyNeverReachesToString() {
        String d = KEY.privateParameters().getD().toString(16);
        assertThat(KEY.toString()).doesNotContain(d).doesNotContain(d.toUpperCase());
    }

    private static BigInteger[] decode(byte[] der) {
        org.bouncycastle.asn1.ASN1Sequence s = org.bouncycastle.asn1.ASN1Sequence.getInstance(der);
        return new BigInteger[] {((org.bouncycastle.asn1.ASN1Integer) s.getObjectAt(0)).getValue(),
            ((org.bouncycastle.asn1.ASN1Integer) s.getObjectAt(1)).getValue()};
    }

    private static byte[] integer(BigInteger v) {
        byte[] body = v.toByteArray();
        return concat(new byte[] {0x02, (byte) body.length}, body);
    }

    private static byte[] intPadded(BigInteger v) {
        byte[] body = concat(new byte[] {0}, v.toByteArray());
        return concat(new byte[] {0x02, (byte) body.length}, body);
    }

    private static byte[] seq(byte[] a, byte[] b) {
        byte[] body = concat(a, b);
        return concat(new byte[] {0x30, (byte) body.length}, body);
    }

    private static byte[] longFormLength(byte[] sig) {
        return concat(new byte[] {0x30, (byte) 0x81, sig[1]}, Arrays.copyOfRange(sig, 2, sig.length));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
