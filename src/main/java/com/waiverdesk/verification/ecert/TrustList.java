package com.waiverdesk.verification.ecert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The issuer keys the pinned root vouches for ({@code SHTL1}). Only made by {@link #read}, so every instance was
 * verified against a root; {@link #text()} is what the disk cache keeps and verifies again when it loads it.
 */
public final class TrustList {
    public static final String PREFIX = "SHTL1";

    private final String text;
    private final String rootKid;
    private final OffsetDateTime issuedAt;
    private final OffsetDateTime nextUpdate;
    private final Map<String, TrustedKey> keys;

    private TrustList(String text, String rootKid, OffsetDateTime issuedAt, OffsetDateTime nextUpdate,
                      Map<String, TrustedKey> keys) {
        this.text = text;
        this.rootKid = rootKid;
        this.issuedAt = issuedAt;
        this.nextUpdate = nextUpdate;
        this.keys = keys;
    }

    /**
     * Verifies and reads a trust list: shape, the root's signature, issuedAt at most 300 s after {@code now}, every
     * key well-formed (an SM2 key, a known status, dates in order), no kid twice. One bad key refuses the whole list:
     * a list the desk can only partly read is not the list the root signed for it.
     */
    public static TrustList read(String compactText, Sm2PublicKey root, Instant now) throws ListRefusedException {
        SignedLists.Header header = SignedLists.open(compactText, PREFIX, root, now);
        Map<String, TrustedKey> keys = new LinkedHashMap<>();
        try {
            for (JsonNode entry : StrictPayload.array(header.payload(), "keys")) {
                TrustedKey key = key(entry);
                if (keys.put(key.kid(), key) != null) {
                    throw new MalformedTextException("a kid is listed twice");
                }
            }
        } catch (MalformedTextException e) {
            throw new ListRefusedException(ListRefusedException.Reason.MALFORMED, PREFIX + ": " + e.getMessage());
        }
        return new TrustList(compactText, header.kid(), header.issuedAt(), header.nextUpdate(),
                java.util.Collections.unmodifiableMap(keys));
    }

    private static TrustedKey key(JsonNode entry) throws MalformedTextException {
        if (!entry.isObject()) {
            throw new MalformedTextException("keys holds a non-object");
        }
        String kid = StrictPayload.text(entry, "kid");
        if (!CompactText.KID.matcher(kid).matches()) {
            throw new MalformedTextException("a key's kid is not 1-32 of [A-Za-z0-9-]");
        }
        String issuer = StrictPayload.text(entry, "issuer");
        Sm2PublicKey publicKey;
        try {
            publicKey = Sm2PublicKey.fromSpkiBase64(StrictPayload.text(entry, "publicKey"));
        } catch (Sm2KeyException e) {
            throw new MalformedTextException("key " + kid + ": " + e.getMessage());
        }
        LocalDate validFrom = StrictPayload.date(entry, "validFrom");
        LocalDate validUntil = StrictPayload.date(entry, "validUntil");
        if (validUntil.isBefore(validFrom)) {
            throw new MalformedTextException("key " + kid + ": validUntil is before validFrom");
        }
        TrustedKey.Status status;
        try {
            status = TrustedKey.Status.valueOf(StrictPayload.text(entry, "status"));
        } catch (IllegalArgumentException e) {
            throw new MalformedTextException("key " + kid + ": status is not ACTIVE, RETIRED or COMPROMISED");
        }
        return new TrustedKey(kid, issuer, publicKey, validFrom, validUntil, status);
    }

    /** Refuses {@code fetched} when it is older (issuedAt) than {@code held}; a list is never replaced by an older one. */
    public static void requireNotOlder(TrustList held, TrustList fetched) throws ListRefusedException {
        if (held != null && fetched.issuedAt.isBefore(held.issuedAt)) {
            throw new ListRefusedException(ListRefusedException.Reason.OLDER_THAN_HELD,
                    PREFIX + " issued " + fetched.issuedAt + " is older than the held one of " + held.issuedAt);
        }
    }

    public Optional<TrustedKey> key(String kid) {
        return Optional.ofNullable(keys.get(kid));
    }

    public List<TrustedKey> keys() {
        return List.copyOf(keys.values());
    }

    /** The compact text as received: what the disk cache keeps. */
    public String text() {
        return text;
    }

    public String rootKid() {
        return rootKid;
    }

    public OffsetDateTime issuedAt() {
        return issuedAt;
    }

    public OffsetDateTime nextUpdate() {
        return nextUpdate;
    }

    @Override
    public String toString() {
        return "TrustList[issuedAt=" + issuedAt + ", keys=" + keys.keySet() + "]";
    }

    public static Builder builder(OffsetDateTime issuedAt, OffsetDateTime nextUpdate) {
        return new Builder(issuedAt, nextUpdate);
    }

    /** Writes and signs a trust list: for the mock and the tests. */
    public static final class Builder {
        private final OffsetDateTime issuedAt;
        private final OffsetDateTime nextUpdate;
        private final List<TrustedKey> keys = new ArrayList<>();

        private Builder(OffsetDateTime issuedAt, OffsetDateTime nextUpdate) {
            this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
            this.nextUpdate = Objects.requireNonNull(nextUpdate, "nextUpdate");
        }

        public Builder key(TrustedKey key) {
            keys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        public Builder key(String kid, String issuer, Sm2PublicKey publicKey, LocalDate validFrom,
                           LocalDate validUntil, TrustedKey.Status status) {
            return key(new TrustedKey(kid, issuer, publicKey, validFrom, validUntil, status));
        }

        public byte[] payloadJson() {
            ObjectNode root = SignedLists.header(issuedAt, nextUpdate);
            ArrayNode array = root.putArray("keys");
            for (TrustedKey key : keys) {
                ObjectNode entry = array.addObject();
                entry.put("kid", key.kid());
                entry.put("issuer", key.issuer());
                entry.put("publicKey", key.publicKey().spkiBase64());
                entry.put("validFrom", key.validFrom().toString());
                entry.put("validUntil", key.validUntil().toString());
                entry.put("status", key.status().name());
            }
            return SignedLists.bytes(root);
        }

        /** {@code SHTL1.rootKid.payload.signature}. */
        public String sign(String rootKid, Sm2KeyPair root) {
            return CompactText.sign(PREFIX, rootKid, payloadJson(), root);
        }
    }
}
