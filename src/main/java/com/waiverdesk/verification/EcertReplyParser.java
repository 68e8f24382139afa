package com.waiverdesk.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.waiverdesk.domain.Rfc3339;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * Reads the e-certificate endpoints' {@code 200} bodies as strictly as {@link ReplyParser} reads a verification: only
 * a reply that echoes what was asked and names a status of the spec can reach the decision.
 */
final class EcertReplyParser {
    static final Set<String> STATUSES = Set.of("VALID", "REVOKED", "EXPIRED", "UNKNOWN");

    private final ReplyParser parser;

    EcertReplyParser(ReplyParser parser) {
        this.parser = parser;
    }

    /** A status answer: the status as the spec spells it and the service's clock. */
    record Status(String status, OffsetDateTime checkedAt) {
    }

    /** The {@code 200} body of {@code POST /api/v1/ecert/status}; the message never quotes a value. */
    Status status(String contentType, byte[] body, String sentRequestId, String sentCertId)
            throws ReplyParser.MalformedReplyException {
        JsonNode root = parser.jsonObject(contentType, body);
        if (!ReplyParser.text(root, "requestId").equals(sentRequestId)) {
            throw new ReplyParser.MalformedReplyException("requestId differs from the one sent");
        }
        // an answer about another certificate (a proxy's cache, a mixed-up reply) says nothing about this one
        if (!ReplyParser.text(root, "certId").equals(sentCertId)) {
            throw new ReplyParser.MalformedReplyException("certId differs from the one sent");
        }
        String status = ReplyParser.text(root, "status");
        if (!STATUSES.contains(status)) {
            throw new ReplyParser.MalformedReplyException("status is not a known value");
        }
        OffsetDateTime checkedAt = Rfc3339.dateTime(ReplyParser.text(root, "checkedAt")).orElseThrow(
                () -> new ReplyParser.MalformedReplyException(
                        "checkedAt is not an RFC 3339 date-time with seconds and offset"));
        return new Status(status, checkedAt);
    }

    /**
     * The compact text in a list reply ({@code {"trustList": "SHTL1.…"}}): a string of printable ASCII that starts
     * with {@code prefix}. Whether it is signed by the root is the list's reader's to say.
     */
    String list(String contentType, byte[] body, String field, String prefix)
            throws ReplyParser.MalformedReplyException {
        String text = ReplyParser.text(parser.jsonObject(contentType, body), field);
        if (!text.startsWith(prefix) || !text.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new ReplyParser.MalformedReplyException(field + " is not a " + prefix + " compact text");
        }
        return text;
    }
}
