package com.waiverdesk.verification.ecert;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.domain.DecisionReason;
import com.waiverdesk.domain.EcertFinding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SM2/SM3 with the default user id both ways against OpenSSL 3, an implementation that shares no code with
 * BouncyCastle: openssl's keys and signatures verify here, ours verify in openssl, a flipped byte fails in both.
 */
class Sm2OpensslInteropTest {
    private static final String NOW = "2026-12-06T04:00:00Z";
    private static final String PAYLOAD = "{\"v\":1,\"certId\":\"SHMZ-2026-0009999\",\"category\":"
            + "\"SUBSISTENCE_ALLOWANCE\",\"holder\":{\"name\":\"王秀英\",\"idNumber\":\"310101195203140028\"},"
            + "\"issuer\":\"上海市民政局\",\"issuedAt\":\"2026-11-02T09:30:00+08:00\",\"validFrom\":\"2026-11-02\","
            + "\"validUntil\":\"2027-02-01\"}";

    @TempDir
    Path dir;

    @Test
    void aCertificateSignedByOpensslIsAcceptedAndAFlippedByteIsNot() throws Exception {
        Openssl.ok(dir, "genpkey", "-algorithm", "SM2", "-out", "k.pem");
        Openssl.ok(dir, "pkey", "-in", "k.pem", "-pubout", "-outform", "DER", "-out", "pub.der");
        Sm2PublicKey opensslKey = Sm2PublicKey.fromSpkiBase64(
                Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("pub.der"))));
        String signed = "SHEC1.OSSL-1." + TestSigner.b64url(PAYLOAD.getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("msg"), signed, StandardCharsets.US_ASCII);
        Openssl.ok(dir, Openssl.with(new String[] {"pkeyutl", "-sign"},
                Openssl.with(Openssl.SM2_SM3, "-inkey", "k.pem", "-in", "msg", "-out", "sig")));
        byte[] sig = Files.readAllBytes(dir.resolve("sig"));
        String text = signed + "." + TestSigner.b64url(sig);
        Sm2KeyPair root = Sm2KeyPair.fromSeed("interop-root");
        ListSnapshot lists = lists(root, opensslKey);
        EcertVerifier verifier = new EcertVerifier(Clock.fixed(Instant.parse(NOW), ZoneOffset.UTC));

        EcertFinding finding = verifier.verify(text, "王秀英", "310101195203140028", lists, null);
        byte[] flipped = sig.clone();
        flipped[sig.length / 2] ^= 0x01;
        EcertFinding flippedFinding = verifier.verify(signed + "." + TestSigner.b64url(flipped), "王秀英",
                "310101195203140028", lists, null);

        assertThat(finding.verdict()).isEqualTo(EcertFinding.Verdict.ACCEPTED);
        assertThat(Sm2.verify(opensslKey, signed.getBytes(StandardCharsets.US_ASCII), sig)).isTrue();
        assertThat(Sm2.verify(opensslKey, signed.getBytes(StandardCharsets.US_ASCII), flipped)).isFalse();
        assertThat(flippedFinding.refusal()).isEqualTo(DecisionReason.ECERT_NOT_GENUINE);
    }

    @Test
    void manyOpensslSignaturesVerifyHereWithOurPkcs8Key() throws Exception {
        Sm2KeyPair ours = Sm2KeyPair.generate(new SecureRandom());
        Files.writeString(dir.resolve("ours.pem"), ours.privateKeyPkcs8Pem(), StandardCharsets.US_ASCII);
        Openssl.ok(dir, "pkey", "-in", "ours.pem", "-pubout", "-outform", "DER", "-out", "ours.der");
        assertThat(Files.readAllBytes(dir.resolve("ours.der"))).as("openssl's public key of our PKCS#8 key")
                .isEqualTo(ours.publicKey().spkiDer());
        // r and s with leading zero bytes, short integers: 24 signatures meet most DER shapes
        for (int i = 0; i < 24; i++) {
            byte[] message = ("SHEC1.K." + i).getBytes(StandardCharsets.US_ASCII);
            Files.write(dir.resolve("m"), message);
            Openssl.ok(dir, Openssl.with(new String[] {"pkeyutl", "-sign"},
                    Openssl.with(Openssl.SM2_SM3, "-inkey", "ours.pem", "-in", "m", "-out", "s")));
            assertThat(Sm2.verify(ours.publicKey(), message, Files.readAllBytes(dir.resolve("s")))).as("signature " + i)
                    .isTrue();
        }
    }

    @Test
    void ourSignaturesVerifyInOpensslAndAFlippedByteFailsThere() throws Exception {
        Sm2KeyPair ours = Sm2KeyPair.generate(new SecureRandom());
        Files.write(dir.resolve("pub.der"), ours.publicKey().spkiDer());
        for (int i = 0; i < 24; i++) {
            byte[] message = ("SHEC1.DESK-1." + TestSigner.b64url(PAYLOAD.getBytes(StandardCharsets.UTF_8)) + i)
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] sig = Sm2.sign(ours, message);
            Files.write(dir.resolve("m"), message);
            Files.write(dir.resolve("s"), sig);
            Openssl.Result good = Openssl.run(dir, verifyArgs("s"));
            byte[] flipped = sig.clone();
            flipped[sig.length - 1 - i % 8] ^= 0x40;
            Files.write(dir.resolve("f"), flipped);
            Openssl.Result bad = Openssl.run(dir, verifyArgs("f"));

            assertThat(good.exit()).as("openssl verifies signature " + i + ": " + good.output()).isZero();
            assertThat(good.output()).contains("Signature Verified Successfully");
            assertThat(bad.exit()).as("openssl refuses flipped signature " + i).isNotZero();
            assertThat(Sm2.verify(ours.publicKey(), message, flipped)).isFalse();
        }
    }

    private static String[] verifyArgs(String sigFile) {
        return Openssl.with(new String[] {"pkeyutl", "-verify"}, Openssl.with(Openssl.SM2_SM3, "-pubin", "-keyform",
                "DER", "-inkey", "pub.der", "-in", "m", "-sigfile", sigFile));
    }

    private static ListSnapshot lists(Sm2KeyPair root, Sm2PublicKey issuer) throws Exception {
        Instant now = Instant.parse(NOW);
        OffsetDateTime issued = OffsetDateTime.parse("2026-12-06T08:00:00+08:00");
        String trust = TrustList.builder(issued, issued.plusDays(1)).key("OSSL-1", "上海市民政局", issuer,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), TrustedKey.Status.ACTIVE).sign("R", root);
        String revoked = RevocationList.builder(issued, issued.plusHours(1)).sign("R", root);
        return new ListSnapshot(TrustList.read(trust, root.publicKey(), now),
                RevocationList.read(revoked, root.publicKey(), now));
    }
}
