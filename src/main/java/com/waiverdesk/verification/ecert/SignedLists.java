package com.waiverdesk.verification.ecert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** What the trust list and the revocation list share: the compact text signed by the root, issuedAt, nextUpdate. */
final class SignedLists {
    /** Far above any real list (a few hundred keys or tens of thousands of revocations fit), far below harm. */
    static final int MAX_LENGTH = 4 * 1024 * 1024;
    static final Duration FUTURE_TOLERANCE = Duration.ofSeconds(300);

    private SignedLists() {
    }

    /** The verified payload of a list text, after its shape, signature and issuedAt are checked. */
    static Header open(String text, String prefix, Sm2PublicKey root, Instant now) throws ListRefusedException {
        CompactText compact;
        JsonNode payload;
        try {
            compact = CompactText.parse(text, prefix, MAX_LENGTH);
        } catch (MalformedTextException e) {
            throw new ListRefusedException(ListRefusedException.Reason.MALFORMED, e.getMessage());
        }
        if (!compact.verifiedBy(root)) {
            throw new ListRefusedException(ListRefusedException.Reason.BAD_SIGNATURE,
                    prefix + " signed under " + compact.kid() + " does not verify with the pinned root");
        }
        try {
            payload = StrictPayload.object(compact.payload());
            StrictPayload.requireVersion1(payload);
            OffsetDateTime issuedAt = StrictPayload.dateTime(payload, "issuedAt");
            OffsetDateTime nextUpdate = StrictPayload.dateTime(payload, "nextUpdate");
            if (nextUpdate.isBefore(issuedAt)) {
                throw new MalformedTextException("nextUpdate is before issuedAt");
            }
            if (issuedAt.toInstant().isAfter(now.plus(FUTURE_TOLERANCE))) {
                throw new ListRefusedException(ListRefusedException.Reason.ISSUED_IN_THE_FUTURE,
                        prefix + " issuedAt " + issuedAt + " is more than 300 s after the clock " + now);
            }
            return new Header(compact.kid(), issuedAt, nextUpdate, payload);
        } catch (MalformedTextException e) {
            throw new ListRefusedException(ListRefusedException.Reason.MALFORMED, prefix + ": " + e.getMessage());
        }
    }

    static ObjectNode header(OffsetDateTime issuedAt, OffsetDateTime nextUpdate) {
        ObjectNode root = StrictPayload.MAPPER.createObjectNode();
        root.put("v", 1);
        root.put("issuedAt", StrictPayload.format(issuedAt));
        root.put("nextUpdate", StrictPayload.format(nextUpdate));
        return root;
    }

    static byte[] bytes(ObjectNode root) {
        try {
            return StrictPayload.MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    record Header(String kid, OffsetDateTime issuedAt, OffsetDateTime nextUpdate, JsonNode payload) {
    }
}
