package com.waiverdesk.verification.ecert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The certificates the root says are revoked ({@code SHRL1}). Only made by {@link #read}, so every instance was
 * verified against a root; {@link #text()} is what the disk cache keeps.
 */
public final class RevocationList {
    public static final String PREFIX = "SHRL1";

    private final String text;
    private final String rootKid;
    private final OffsetDateTime issuedAt;
    private final OffsetDateTime nextUpdate;
    private final Map<String, Revocation> revoked;

    private RevocationList(String text, String rootKid, OffsetDateTime issuedAt, OffsetDateTime nextUpdate,
                           Map<String, Revocation> revoked) {
        this.text = text;
        this.rootKid = rootKid;
        this.issuedAt = issuedAt;
        this.nextUpdate = nextUpdate;
        this.revoked = revoked;
    }

    /** One revoked certificate. */
    public record Revocation(String certId, OffsetDateTime revokedAt, String reason) {
        public Revocation {
            Objects.requireNonNull(certId, "certId");
            Objects.requireNonNull(revokedAt, "revokedAt");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Verifies and reads a revocation list: shape, the root's signature, issuedAt at most 300 s after {@code now},
     * every entry well-formed. A certId listed twice is kept once (the first entry): revocation is a set.
     */
    public static RevocationList read(String compactText, Sm2PublicKey root, Instant now)
            throws ListRefusedException {
        SignedLists.Header header = SignedLists.open(compactText, PREFIX, root, now);
        Map<String, Revocation> revoked = new LinkedHashMap<>();
        try {
            for (JsonNode entry : StrictPayload.array(header.payload(), "revoked")) {
                if (!entry.isObject()) {
                    throw new MalformedTextException("revoked holds a non-object");
                }
                Revocation revocation = new Revocation(StrictPayload.text(entry, "certId"),
                        StrictPayload.dateTime(entry, "revokedAt"), StrictPayload.text(entry, "reason"));
                revoked.putIfAbsent(revocation.certId(), revocation);
            }
        } catch (MalformedTextException e) {
            throw new ListRefusedException(ListRefusedException.Reason.MALFORMED, PREFIX + ": " + e.getMessage());
        }
        return new RevocationList(compactText, header.kid(), header.issuedAt(), header.nextUpdate(),
                Collections.unmodifiableMap(revoked));
    }

    /** Refuses {@code fetched} when it is older (issuedAt) than {@code held}. */
    public static void requireNotOlder(RevocationList held, RevocationList fetched) throws ListRefusedException {
        if (held != null && fetched.issuedAt.isBefore(held.issuedAt)) {
            throw new ListRefusedException(ListRefusedException.Reason.OLDER_THAN_HELD,
                    PREFIX + " issued " + fetched.issuedAt + " is older than the held one of " + held.issuedAt);
        }
    }

    public boolean isRevoked(String certId) {
        return revoked.containsKey(certId);
    }

    public Optional<Revocation> revocation(String certId) {
        return Optional.ofNullable(revoked.get(certId));
    }

    public List<Revocation> revoked() {
        return List.copyOf(revoked.values());
    }

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
        return "RevocationList[issuedAt=" + issuedAt + ", revoked=" + revoked.size() + "]";
    }

    public static Builder builder(OffsetDateTime issuedAt, OffsetDateTime nextUpdate) {
        return new Builder(issuedAt, nextUpdate);
    }

    /** Writes and signs a revocation list: for the mock and the tests. */
    public static final class Builder {
        private final OffsetDateTime issuedAt;
        private final OffsetDateTime nextUpdate;
        private final List<Revocation> revoked = new ArrayList<>();

        private Builder(OffsetDateTime issuedAt, OffsetDateTime nextUpdate) {
            this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
            this.nextUpdate = Objects.requireNonNull(nextUpdate, "nextUpdate");
        }

        public Builder revoke(String certId, OffsetDateTime revokedAt, String reason) {
            revoked.add(new Revocation(certId, revokedAt, reason));
            return this;
        }

        public byte[] payloadJson() {
            ObjectNode root = SignedLists.header(issuedAt, nextUpdate);
            ArrayNode array = root.putArray("revoked");
            for (Revocation r : revoked) {
                ObjectNode entry = array.addObject();
                entry.put("certId", r.certId());
                entry.put("revokedAt", StrictPayload.format(r.revokedAt()));
                entry.put("reason", r.reason());
            }
            return SignedLists.bytes(root);
        }

        /** {@code SHRL1.rootKid.payload.signature}. */
        public String sign(String rootKid, Sm2KeyPair root) {
            return CompactText.sign(PREFIX, rootKid, payloadJson(), root);
        }
    }
}
