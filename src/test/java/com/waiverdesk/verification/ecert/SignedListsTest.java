package com.waiverdesk.verification.ecert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.waiverdesk.domain.EcertFinding;
import com.waiverdesk.domain.DecisionReason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lists: only the pinned root's, never from the future, never older than the held one; demo keys as documented. */
class SignedListsTest {
    private static final Sm2KeyPair ROOT = Sm2KeyPair.fromSeed("lists-root");
    private static final Instant NOW = Instant.parse("2026-12-06T04:00:00Z");

    private static String trust(String issuedAt, String keys) {
        return TestSigner.text("SHTL1", "R", "{\"v\":1,\"issuedAt\":\"" + issuedAt
                + "\",\"nextUpdate\":\"2026-12-07T00:00:00Z\",\"keys\":[" + keys + "]}", ROOT);
    }

    private static String key(String kid, String status) {
        return "{\"kid\":\"" + kid + "\",\"issuer\":\"i\",\"publicKey\":\"" + ROOT.publicKey().spkiBase64()
                + "\",\"validFrom\":\"2026-01-01\",\"validUntil\":\"2026-12-31\",\"status\":\"" + status + "\"}";
    }

    private static ListRefusedException.Reason refusal(String text) {
        try {
            TrustList.read(text, ROOT.publicKey(), NOW);
            return null;
        } catch (ListRefusedException e) {
            return e.reason();
        }
    }

    @Test
    void aTrustListIsRefusedForEachFlawWithItsReason() throws Exception {
        String good = trust("2026-12-06T04:05:00Z", key("A", "ACTIVE"));
        String tampered = good.substring(0, good.length() - 3) + (good.endsWith("AAA") ? "BAA" : "AAA");

        assertThat(refusal(good)).as("300 s ahead").isNull();
        assertThat(TrustList.read(good, ROOT.publicKey(), NOW).text()).isEqualTo(good);
        assertThat(refusal(trust("2026-12-06T04:05:01Z", key("A", "ACTIVE"))))
                .isEqualTo(ListRefusedException.Reason.ISSUED_IN_THE_FUTURE);
        assertThat(refusal(tampered)).isEqualTo(ListRefusedException.Reason.BAD_SIGNATURE);
        assertThat(refusal(TestSigner.text("SHTL1", "R", "{\"v\":1,\"issuedAt\":\"2026-12-06T00:00:00Z\","
                + "\"nextUpdate\":\"2026-12-07T00:00:00Z\",\"keys\":[]}", Sm2KeyPair.fromSeed("other root"))))
                .isEqualTo(ListRefusedException.Reason.BAD_SIGNATURE);
        assertThat(refusal(trust("2026-12-06T00:00:00Z", key("A", "ACTIVE") + "," + key("A", "RETIRED"))))
                .as("kid twice").isEqualTo(ListRefusedException.Reason.MALFORMED);
        assertThat(refusal(trust("2026-12-06T00:00:00Z", key("A", "REVOKED")))).as("unknown status")
                .isEqualTo(ListRefusedException.Reason.MALFORMED);
        assertThat(refusal(trust("2026-12-06T00:00:00Z", key("A", "ACTIVE").replace("\"publicKey\":\"MFkw",
                "\"publicKey\":\"MFkx")))).isEqualTo(ListRefusedException.Reason.MALFORMED);
        assertThat(refusal(trust("2026-12-06", key("A", "ACTIVE")))).isEqualTo(ListRefusedException.Reason.MALFORMED);
        assertThat(refusal(good.replaceFirst("SHTL1", "SHRL1"))).isEqualTo(ListRefusedException.Reason.MALFORMED);
        assertThat(refusal(null)).isEqualTo(ListRefusedException.Reason.MALFORMED);
    }

    @Test
    void aListIsNeverReplacedByAnOlderOne() throws Exception {
        TrustList held = TrustList.read(trust("2026-12-06T00:00:00Z", ""), ROOT.publicKey(), NOW);
        TrustList older = TrustList.read(trust("2026-12-05T23:59:59Z", ""), ROOT.publicKey(), NOW);
        TrustList same = TrustList.read(trust("2026-12-06T08:00:00+08:00", ""), ROOT.publicKey(), NOW);

        TrustList.requireNotOlder(held, same);
        TrustList.requireNotOlder(null, older);
        assertThatThrownBy(() -> TrustList.requireNotOlder(held, older)).isInstanceOf(ListRefusedException.class)
                .extracting(e -> ((ListRefusedException) e).reason())
                .isEqualTo(ListRefusedException.Reason.OLDER_THAN_HELD);
    }

    @Test
    void aRevocationListIsReadAndCheckedLikeATrustList() throws Exception {
        String good = TestSigner.text("SHRL1", "R", "{\"v\":1,\"issuedAt\":\"2026-12-06T00:00:00Z\",\"nextUpdate\":"
                + "\"2026-12-06T01:00:00Z\",\"revoked\":[{\"certId\":\"C-1\",\"revokedAt\":\"2026-12-01T00:00:00Z\","
                + "\"reason\":\"lost\"},{\"certId\":\"C-1\",\"revokedAt\":\"2026-12-02T00:00:00Z\",\"reason\":\"x\"}]}",
                ROOT);

        RevocationList list = RevocationList.read(good, ROOT.publicKey(), NOW);

        assertThat(list.isRevoked("C-1")).isTrue();
        assertThat(list.isRevoked("C-2")).isFalse();
        assertThat(list.revoked()).hasSize(1);
        assertThatThrownBy(() -> RevocationList.read(good.replace(".R.", ".Q."), ROOT.publicKey(), NOW))
                .isInstanceOf(ListRefusedException.class);
        assertThatThrownBy(() -> RevocationList.read(TestSigner.text("SHRL1", "R", "{\"v\":1,\"issuedAt\":"
                + "\"2026-12-06T00:00:00Z\",\"nextUpdate\":\"2026-12-06T01:00:00Z\",\"revoked\":[{\"certId\":7,"
                + "\"revokedAt\":\"2026-12-01T00:00:00Z\",\"reason\":\"x\"}]}", ROOT), ROOT.publicKey(), NOW))
                .isInstanceOf(ListRefusedException.class);
    }

    @Test
    void theDemoKeysDoWhatTheirNamesSay() throws Exception {
        TrustList trust = TrustList.read(DemoEcertKeys.trustList(NOW), DemoEcertKeys.rootPublicKey(), NOW);
        RevocationList revocations = RevocationList.read(DemoEcertKeys.revocationList(NOW, List.of("DEMO-REVOKED")),
                DemoEcertKeys.rootPublicKey(), NOW);
        ListSnapshot lists = new ListSnapshot(trust, revocations);
        EcertVerifier verifier = new EcertVerifier(Clock.fixed(NOW, ZoneOffset.UTC));
        java.time.OffsetDateTime issued = java.time.OffsetDateTime.parse("2026-12-01T10:00:00+08:00");
        EcertPayload payload = new EcertPayload("DEMO-1", "SUBSISTENCE_ALLOWANCE", "王秀英", "310101195203140028",
                DemoEcertKeys.ISSUER, issued, java.time.LocalDate.of(2026, 12, 1), java.time.LocalDate.of(2027, 2, 28));
        EcertPayload oldPayload = new EcertPayload("DEMO-2", "SUBSISTENCE_ALLOWANCE", "王秀英", "310101195203140028",
                DemoEcertKeys.ISSUER, issued.minusYears(1), java.time.LocalDate.of(2025, 12, 1),
                java.time.LocalDate.of(2027, 2, 28));

        assertThat(trust.rootKid()).isEqualTo("DEMO-ROOT");
        assertThat(trust.key("DEMO-ROGUE")).isEmpty();
        assertThat(verdict(verifier, lists, DemoEcertKeys.certificate(payload, DemoEcertKeys.ACTIVE_KID)))
                .isEqualTo(EcertFinding.Verdict.ACCEPTED);
        assertThat(verdict(verifier, lists, DemoEcertKeys.certificate(oldPayload, DemoEcertKeys.RETIRED_KID)))
                .as("retired key, issued a year ago, inside its window").isEqualTo(EcertFinding.Verdict.ACCEPTED);
        for (String kid : List.of(DemoEcertKeys.RETIRED_KID, DemoEcertKeys.COMPROMISED_KID, DemoEcertKeys.ROGUE_KID)) {
            assertThat(verifier.verify(DemoEcertKeys.certificate(payload, kid), "王秀英", "310101195203140028", lists,
                    null).refusal()).as(kid).isEqualTo(DecisionReason.ECERT_NOT_GENUINE);
        }
        assertThat(verifier.verify(DemoEcertKeys.certificate(new EcertPayload("DEMO-REVOKED", "SUBSISTENCE_ALLOWANCE",
                "王秀英", "310101195203140028", DemoEcertKeys.ISSUER, issued, java.time.LocalDate.of(2026, 12, 1),
                java.time.LocalDate.of(2027, 2, 28)), DemoEcertKeys.ACTIVE_KID), "王秀英", "310101195203140028", lists,
                null).refusal()).isEqualTo(DecisionReason.ECERT_REVOKED);
    }

    private static EcertFinding.Verdict verdict(EcertVerifier verifier, ListSnapshot lists, String text) {
        return verifier.verify(text, "王秀英", "310101195203140028", lists, null).verdict();
    }
}
