package com.waiverdesk.verification.ecert;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;

/**
 * The demo's e-certificate keys, derived from public labels ({@link Sm2KeyPair#fromSeed}): anyone can forge with
 * them, which is why the demo root is trusted only in demo mode. One root, an ACTIVE, a RETIRED and a COMPROMISED
 * issuer key, and a rogue key that is never in the trust list.
 */
public final class DemoEcertKeys {
    public static final String ROOT_KID = "DEMO-ROOT";
    public static final String ACTIVE_KID = "DEMO-2026A";
    public static final String RETIRED_KID = "DEMO-2024R";
    public static final String COMPROMISED_KID = "DEMO-2025X";
    public static final String ROGUE_KID = "DEMO-ROGUE";
    public static final String ISSUER = "上海市民政局";
    /** The demo root's public key (SPKI, base64): what demo mode pins; a test derives it again from its seed. */
    public static final String ROOT_SPKI_BASE64 =
            "MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEYUbspXdNIfaRyKfdTWW9DBg+TgKO4x+7qwRp8I9SRGzBVNDbWlLJwTY9m3/BgdBmDvQSlaWWcCl4pRkTW9HAuA==";

    private static final String SEED_PREFIX = "waiverdesk-demo-ecert-";
    private static final Map<String, Sm2KeyPair> KEYS = Map.of(
            ROOT_KID, Sm2KeyPair.fromSeed(SEED_PREFIX + ROOT_KID),
            ACTIVE_KID, Sm2KeyPair.fromSeed(SEED_PREFIX + ACTIVE_KID),
            RETIRED_KID, Sm2KeyPair.fromSeed(SEED_PREFIX + RETIRED_KID),
            COMPROMISED_KID, Sm2KeyPair.fromSeed(SEED_PREFIX + COMPROMISED_KID),
            ROGUE_KID, Sm2KeyPair.fromSeed(SEED_PREFIX + ROGUE_KID));

    private DemoEcertKeys() {
    }

    /** The seed label of a demo key ({@code waiverdesk-demo-ecert-<kid>}). */
    public static String seedLabel(String kid) {
        return SEED_PREFIX + kid;
    }

    /** The demo key pair of {@code kid} (one of the constants here). */
    public static Sm2KeyPair keyPair(String kid) {
        Sm2KeyPair pair = KEYS.get(kid);
        if (pair == null) {
            throw new IllegalArgumentException("no demo key " + kid);
        }
        return pair;
    }

    public static Sm2KeyPair root() {
        return keyPair(ROOT_KID);
    }

    /** The pinned demo root, read from {@link #ROOT_SPKI_BASE64} (not derived: the constant is what ships). */
    public static Sm2PublicKey rootPublicKey() {
        try {
            return Sm2PublicKey.fromSpkiBase64(ROOT_SPKI_BASE64);
        } catch (Sm2KeyException e) {
            throw new IllegalStateException("the demo root key constant is damaged", e);
        }
    }

    /**
     * The demo trust list's keys for a Shanghai date {@code today}: ACTIVE from a year ago to a year ahead, RETIRED
     * from three years ago to 181 days ago (certificates it signed in that window still verify), COMPROMISED over
     * the same window as ACTIVE (nothing it signed verifies).
     */
    public static TrustList.Builder trustListBuilder(Instant now) {
        OffsetDateTime issuedAt = shanghai(now);
        LocalDate today = issuedAt.toLocalDate();
        return TrustList.builder(issuedAt, issuedAt.plusDays(1))
                .key(ACTIVE_KID, ISSUER, keyPair(ACTIVE_KID).publicKey(), today.minusYears(1), today.plusYears(1),
                        TrustedKey.Status.ACTIVE)
                .key(RETIRED_KID, ISSUER, keyPair(RETIRED_KID).publicKey(), today.minusYears(3), today.minusDays(181),
                        TrustedKey.Status.RETIRED)
                .key(COMPROMISED_KID, ISSUER, keyPair(COMPROMISED_KID).publicKey(), today.minusYears(1),
                        today.plusYears(1), TrustedKey.Status.COMPROMISED);
    }

    /** The demo trust list issued at {@code now}, signed by the demo root: {@code SHTL1.DEMO-ROOT.…}. */
    public static String trustList(Instant now) {
        return trustListBuilder(now).sign(ROOT_KID, root());
    }

    /** A demo revocation list issued at {@code now} listing {@code revokedCertIds}: {@code SHRL1.DEMO-ROOT.…}. */
    public static String revocationList(Instant now, Collection<String> revokedCertIds) {
        OffsetDateTime issuedAt = shanghai(now);
        RevocationList.Builder builder = RevocationList.builder(issuedAt, issuedAt.plusHours(1));
        for (String certId : revokedCertIds) {
            builder.revoke(certId, issuedAt.minusDays(1), "REVOKED_BY_ISSUER");
        }
        return builder.sign(ROOT_KID, root());
    }

    /** A certificate text with {@code payload} signed by the demo key {@code kid}. */
    public static String certificate(EcertPayload payload, String kid) {
        return EcertText.sign(payload, kid, keyPair(kid));
    }

    private static OffsetDateTime shanghai(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.ofHours(8));
    }
}
