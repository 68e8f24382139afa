package com.waiverdesk.verification;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.waiverdesk.domain.AssistanceGrant;
import com.waiverdesk.domain.MatchResult;
import com.waiverdesk.domain.Rfc3339;
import com.waiverdesk.domain.Unprintable;
import com.waiverdesk.domain.VerificationAnswer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.MediaType;

/**
 * Reads the service's replies strictly off the JSON tree, because lenient data binding would turn a wrong type or a
 * missing field into a plausible answer, and only a well-formed answer may ever lead to a waiver.
 */
public final class ReplyParser {
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    /**
     * What the contract's {@code pattern: \S} for a category counts as white space (ECMA-262's, as JSON Schema
     * uses): wider than {@link String#isBlank()}, which lets a no-break or ideographic space through as a category.
     */
    private static final String SCHEMA_WHITE_SPACE = "\t\n\u000B\f\r \u00A0\u1680\u2000\u2001\u2002\u2003"
            + "\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";

    private final ObjectReader reader;

    public ReplyParser(ObjectMapper mapper) {
        this.reader = mapper.readerFor(JsonNode.class)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // {"result":"NO_RECORD","result":"MATCH"} means whatever the reader picks: refuse it
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * The {@code 200} body of a verification, or an exception saying which part is wrong (field names only: the
     * message never quotes a value, so it can be logged).
     */
    public VerificationAnswer parseAnswer(String contentType, byte[] body, String sentRequestId)
            throws MalformedReplyException {
        JsonNode root = jsonObject(contentType, body);
        String requestId = text(root, "requestId");
        if (!requestId.equals(sentRequestId)) {
            throw new MalformedReplyException("requestId differs from the one sent");
        }
        MatchResult result;
        try {
            result = MatchResult.valueOf(text(root, "result"));
        } catch (IllegalArgumentException e) {
            throw new MalformedReplyException("result is not a known value");
        }
        JsonNode assistance = root.get("assistance");
        if (assistance == null || !assistance.isArray()) {
            throw new MalformedReplyException("assistance is missing or not an array");
        }
        if (result != MatchResult.MATCH && !assistance.isEmpty()) {
            throw new MalformedReplyException("assistance is not empty for " + result);
        }
        List<AssistanceGrant> grants = new ArrayList<>();
        for (JsonNode grant : assistance) {
            grants.add(grant(grant));
        }
        OffsetDateTime checkedAt = Rfc3339.dateTime(text(root, "checkedAt")).orElseThrow(
                () -> new MalformedReplyException("checkedAt is not an RFC 3339 date-time with seconds and offset"));
        return new VerificationAnswer(requestId, result, grants, checkedAt);
    }

    /** Whether a {@code 200} health body says {@code "status": "UP"}. */
    public boolean isUp(String contentType, byte[] body) throws MalformedReplyException {
        return text(jsonObject(contentType, body), "status").equals("UP");
    }

    /**
     * The service's clock from a {@code 200} health body's {@code time}, or empty when it is missing or not an
     * RFC 3339 date-time (the status alone says whether the service is up).
     */
    public Optional<OffsetDateTime> healthTime(String contentType, byte[] body) throws MalformedReplyException {
        JsonNode time = jsonObject(contentType, body).get("time");
        return time != null && time.isTextual() ? Rfc3339.dateTime(time.textValue()) : Optional.empty();
    }

    /**
     * The {@code error} code of an error body, read leniently: {@code null} when the body is garbled, so the status
     * alone decides. Only a plain upper-case code is kept, since it ends up in logs and the audit trail.
     */
    public String errorCode(byte[] body) {
        try {
            JsonNode root = reader.readValue(body);
            JsonNode error = root == null ? null : root.get("error");
            return error != null && error.isTextual() && ERROR_CODE.matcher(error.textValue()).matches()
                    ? error.textValue() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The body as a JSON object: {@code application/json}, strict UTF-8, no duplicate keys or trailing tokens. */
    JsonNode jsonObject(String contentType, byte[] body) throws MalformedReplyException {
        MediaType type = contentType == null ? null : MediaType.parse(contentType);
        if (type == null || !type.type().equals("application") || !type.subtype().equals("json")) {
            throw new MalformedReplyException("Content-Type is not application/json");
        }
        String charset = type.parameter("charset");
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw new MalformedReplyException("charset is not UTF-8");
        }
        JsonNode root;
        try {
            // decoded here, not by Jackson, which would guess UTF-16 or UTF-32 from the first bytes and read them
            root = reader.readValue(strictUtf8(body));
        } catch (CharacterCodingException e) {
            throw new MalformedReplyException("body is not UTF-8");
        } catch (IOException | RuntimeException e) {
            throw new MalformedReplyException("body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedReplyException("body is not a JSON object");
        }
        return root;
    }

    private static String strictUtf8(byte[] body) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(body))
                .toString();
    }

    private static AssistanceGrant grant(JsonNode grant) throws MalformedReplyException {
        if (!grant.isObject()) {
            throw new MalformedReplyException("assistance entry is not an object");
        }
        String raw = text(grant, "category");
        if (raw.chars().allMatch(c -> SCHEMA_WHITE_SPACE.indexOf(c) >= 0)) {
            throw new MalformedReplyException("assistance category is blank");
        }
        // shown on the card, printed by check and stored: a control or bidi character would reorder or hide what
        // a reader sees; replaced, the code still names no policy category, so it still grants nothing
        String category = Unprintable.replace(raw);
        LocalDate from = date(grant, "validFrom");
        JsonNode untilNode = grant.get("validUntil");
        if (untilNode == null) {
            // open-ended is an explicit null; a grant without the key is not the answer the contract describes
            throw new MalformedReplyException("validUntil is missing");
        }
        LocalDate until = untilNode.isNull() ? null : date(grant, "validUntil");
        if (until != null && until.isBefore(from)) {
            throw new MalformedReplyException("validUntil is before validFrom");
        }
        return new AssistanceGrant(category, from, until);
    }

    private static LocalDate date(JsonNode node, String field) throws MalformedReplyException {
        return Rfc3339.date(text(node, field))
                .orElseThrow(() -> new MalformedReplyException(field + " is not an RFC 3339 full-date"));
    }

    static String text(JsonNode node, String field) throws MalformedReplyException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new MalformedReplyException(field + " is missing or not a string");
        }
        return value.textValue();
    }

    /** The reply is not the JSON of the spec; the message names the part, never a value. */
    public static final class MalformedReplyException extends Exception {
        private static final long serialVersionUID = 1L;

        public MalformedReplyException(String reason) {
            super(reason);
        }
    }
}
