package com.waiverdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.app.PolicyLoader;
import com.waiverdesk.domain.Decision;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.DepositPolicy;
import com.waiverdesk.domain.EcertFinding;
import com.waiverdesk.verification.ecert.DemoEcertKeys;
import com.waiverdesk.verification.ecert.EcertPayload;
import com.waiverdesk.verification.ecert.EcertVerifier;
import com.waiverdesk.verification.ecert.ListSnapshot;
import com.waiverdesk.verification.ecert.RevocationList;
import com.waiverdesk.verification.ecert.Sm2PublicKey;
import com.waiverdesk.verification.ecert.TrustList;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * Offline e-certificate check per scan: the scanned text to the finding and the policy's decision, next to a bare
 * BouncyCastle SM2 verification of the same text's signature in the same run (the floor no check can go under).
 */
final class EcertBench {
    private static final String NAME = "王秀英";
    private static final String ID = "310101195203140028";

    private final PrintWriter out;

    EcertBench(PrintWriter out) {
        this.out = out;
    }

    void run(int iterations, int warmup) throws Exception {
        Instant now = Instant.now();
        Sm2PublicKey root = DemoEcertKeys.rootPublicKey();
        ListSnapshot lists = new ListSnapshot(TrustList.read(DemoEcertKeys.trustList(now), root, now),
                RevocationList.read(DemoEcertKeys.revocationList(now, Set.of("DEMO-REVOKED")), root, now));
        LocalDate today = LocalDate.now(com.waiverdesk.domain.ShanghaiCalendar.ZONE);
        String text = DemoEcertKeys.certificate(new EcertPayload("SHMZ-BENCH-0001", "SUBSISTENCE_ALLOWANCE", NAME, ID,
                DemoEcertKeys.ISSUER, now.atOffset(ZoneOffset.ofHours(8)).minusDays(1).withNano(0), today.minusDays(1),
                today.plusDays(90)), DemoEcertKeys.ACTIVE_KID);
        DepositPolicy policy = new PolicyLoader(new ObjectMapper()).loadDefault();
        EcertVerifier verifier = new EcertVerifier(Clock.systemUTC());
        org.bouncycastle.crypto.params.ECPublicKeyParameters issuerKey =
                lists.trustList().key(DemoEcertKeys.ACTIVE_KID).orElseThrow().publicKey().parameters();
        List<Double> ours = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        for (int i = 0; i < warmup + iterations; i++) {
            long start = System.nanoTime();
            EcertFinding finding = verifier.verify(text, NAME, ID, lists, null);
            Decision decision = policy.decideEcert(finding);
            long ourNanos = System.nanoTime() - start;
            if (decision.kind() == DecisionKind.CHARGE) {
                throw new IllegalStateException("the bench certificate was refused: " + finding);
            }
            start = System.nanoTime();
            if (!bareVerify(issuerKey, text)) {
                throw new IllegalStateException("the bare verification failed");
            }
            long bareNanos = System.nanoTime() - start;
            if (i >= warmup) {
                ours.add(ourNanos / 1e6);
                bare.add(bareNanos / 1e6);
            }
        }
        double ourP99 = Stats.percentile(ours, 99);
        double bareP99 = Stats.percentile(bare, 99);
        out.printf("e-certificate offline check per scan, %d scans after %d warm-up, ms (%d-character text)%n",
                iterations, warmup, text.length());
        out.printf("  %-44s p50 %6.3f p99 %6.3f%n", "EcertVerifier.verify + DepositPolicy.decideEcert",
                Stats.percentile(ours, 50), ourP99);
        out.printf("  %-44s p50 %6.3f p99 %6.3f%n", "bare BouncyCastle SM2Signer.verifySignature",
                Stats.percentile(bare, 50), bareP99);
        out.printf("  target: p99 <= 1.5 x bare p99 + 5 ms (%.3f ms) -> %s%n", 1.5 * bareP99 + 5,
                ourP99 <= 1.5 * bareP99 + 5 ? "met" : "NOT met");
        out.flush();
    }

    /** Only the signature: split at the last dot, decode, verify with the key already read. */
    static boolean bareVerify(org.bouncycastle.crypto.params.ECPublicKeyParameters key, String text) {
        int dot = text.lastIndexOf('.');
        byte[] signed = text.substring(0, dot).getBytes(StandardCharsets.US_ASCII);
        byte[] sig = Base64.getUrlDecoder().decode(text.substring(dot + 1));
        SM2Signer signer = new SM2Signer();
        signer.init(false, key);
        signer.update(signed, 0, signed.length);
        return signer.verifySignature(sig);
    }
}
