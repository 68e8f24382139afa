package com.waiverdesk.verification.ecert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.waiverdesk.domain.Rfc3339;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Reads a signed payload's JSON off the tree with exact types: the payloads are this package's own wire format, so
 * the package holds its one strictly configured mapper (duplicate names and trailing tokens refused) rather than
 * borrowing the program's, whose settings serve other readers.
 */
final class StrictPayload {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final java.time.format.DateTimeFormatter WIRE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private StrictPayload() {
    }

    /** The JSON object {@code bytes} hold: strict UTF-8 (no BOM, no overlong forms, no surrogates), one object. */
    static JsonNode object(byte[] bytes) throws MalformedTextException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedTextException("payload is not UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            throw new MalformedTextException("payload starts with a byte order mark");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedTextException("payload is not JSON");
        } catch (RuntimeException e) {
            throw new MalformedTextException("payload is not JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedTextException("payload is not a JSON object");
        }
        return root;
    }

    static void requireVersion1(JsonNode root) throws MalformedTextException {
        JsonNode v = root.get("v");
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() != 1) {
            throw new MalformedTextException("v is not the integer 1");
        }
    }

    static JsonNode object(JsonNode parent, String name) throws MalformedTextException {
        JsonNode node = parent.get(name);
        if (node == null || !node.isObject()) {
            throw new MalformedTextException(name + " is not an object");
        }
        return node;
    }

    static ArrayNode array(JsonNode parent, String name) throws MalformedTextException {
        JsonNode node = parent.get(name);
        if (node == null || !node.isArray()) {
            throw new MalformedTextException(name + " is not an array");
        }
        return (ArrayNode) node;
    }

    static String text(JsonNode parent, String name) throws MalformedTextException {
        JsonNode node = parent.get(name);
        if (node == null || !node.isTextual()) {
            throw new MalformedTextException(name + " is not a string");
        }
        return node.textValue();
    }

    static OffsetDateTime dateTime(JsonNode parent, String name) throws MalformedTextException {
        return Rfc3339.dateTime(text(parent, name))
                .orElseThrow(() -> new MalformedTextException(name + " is not an RFC 3339 date-time"));
    }

    /** The date-time as the wire writes it: seconds always present, fractions dropped, {@code Z} for UTC. */
    static String format(OffsetDateTime time) {
        return WIRE_TIME.format(time);
    }

    static LocalDate date(JsonNode parent, String name) throws MalformedTextException {
        return Rfc3339.date(text(parent, name))
                .orElseThrow(() -> new MalformedTextException(name + " is not a YYYY-MM-DD date"));
    }
}
