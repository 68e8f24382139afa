package com.waiverdesk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.MediaType;

/**
 * The two checks every contract test makes: a reply as the contract allows it for its operation and status, and a
 * request as the contract asks for it (method, path, signed headers, body), each by what docs/openapi.yaml says.
 */
final class Conformance {
    private static final OpenApiContract CONTRACT = OpenApiContract.get();
    /** As strict as the client's reader: a duplicate key or trailing garbage is not the contract's JSON. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Conformance() {
    }

    /**
     * Asserts that the reply's status is listed for the operation, its media type and headers are those of that
     * response, its body validates against that response's schema and its error code is one listed there.
     *
     * @return the body, parsed
     */
    static JsonNode assertReplyConforms(String method, String path, int status, Headers headers, byte[] body) {
        String what = method + " " + path + " -> " + status;
        assertThat(CONTRACT.statuses(method, path)).as("statuses the contract lists for %s %s", method, path)
                .contains(status);
        OpenApiContract.Located response = CONTRACT.response(method, path, status);
        String essence = essence(headers.get("Content-Type"), what);
        assertThat(OpenApiContract.mediaTypes(response)).as("media type of %s", what).contains(essence);
        JsonNode json = parse(body, what);
        assertThat(CONTRACT.validate(OpenApiContract.schemaPointer(response, essence), json))
                .as("schema errors of %s: %s", what, json).isEmpty();
        Set<String> codes = CONTRACT.errorCodes(response.child("content").child(essence).child("schema"));
        if (!codes.isEmpty()) {
            assertThat(json.path("error").asText()).as("error code of %s", what).isIn(codes);
        }
        assertHeadersConform(response, headers, what);
        return json;
    }

    /** Asserts that a request is one the contract describes: the operation exists, headers and body as declared. */
    static void assertRequestConforms(String method, String apiPath, Headers headers, byte[] body) {
        String what = method + " " + apiPath;
        OpenApiContract.Located operation = CONTRACT.operation(method, apiPath);
        assertThat(operation.exists()).as("the contract has the operation %s", what).isTrue();
        for (OpenApiContract.HeaderParameter p : CONTRACT.headerParameters(method, apiPath)) {
            String value = headers.get(p.name());
            if (p.required()) {
                assertThat(value).as("required header %s of %s", p.name(), what).isNotNull();
            }
            if (value != null) {
                assertThat(CONTRACT.validate(p.schemaPointer(), TextNode.valueOf(value)))
                        .as("header %s of %s", p.name(), what).isEmpty();
            }
        }
        OpenApiContract.Located requestBody = CONTRACT.resolve(operation.child("requestBody"));
        if (!requestBody.exists()) {
            assertThat(body).as("body of %s, which has none in the contract", what).isEmpty();
            return;
        }
        String essence = essence(headers.get("Content-Type"), what);
        assertThat(OpenApiContract.mediaTypes(requestBody)).as("media type of %s", what).contains(essence);
        JsonNode json = parse(body, what);
        assertThat(CONTRACT.validate(OpenApiContract.schemaPointer(requestBody, essence), json))
                .as("schema errors of the body of %s: %s", what, json).isEmpty();
    }

    private static void assertHeadersConform(OpenApiContract.Located response, Headers headers, String what) {
        OpenApiContract.Located declared = response.child("headers");
        Iterator<String> names = declared.node().fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            OpenApiContract.Located header = CONTRACT.resolve(declared.child(name));
            String value = headers.get(name);
            if (header.node().path("required").asBoolean(false)) {
                assertThat(value).as("required header %s of %s", name, what).isNotNull();
            }
            if (value != null) {
                String schema = header.child("schema").pointer();
                assertThat(CONTRACT.validate(schema, headerValue(CONTRACT.at(schema).node(), value)))
                        .as("header %s of %s: %s", name, what, value).isEmpty();
            }
        }
    }

    /** A header is text on the wire; one declared as a number is validated as the number it spells, if it does. */
    private static JsonNode headerValue(JsonNode schema, String value) {
        String type = schema.path("type").asText();
        if ((type.equals("integer") || type.equals("number")) && value.matches("-?\\d{1,18}")) {
            return LongNode.valueOf(Long.parseLong(value));
        }
        return TextNode.valueOf(value);
    }

    private static String essence(String contentType, String what) {
        assertThat(contentType).as("Content-Type of %s", what).isNotNull();
        MediaType type = MediaType.parse(contentType);
        assertThat(type).as("Content-Type of %s: %s", what, contentType).isNotNull();
        String charset = type.parameter("charset");
        if (charset != null) {
            assertThat(charset).as("charset of %s", what).isEqualToIgnoringCase("utf-8");
        }
        return type.type() + "/" + type.subtype();
    }

    private static JsonNode parse(byte[] body, String what) {
        try {
            return STRICT.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("body of " + what + " is not JSON", e);
        }
    }
}
