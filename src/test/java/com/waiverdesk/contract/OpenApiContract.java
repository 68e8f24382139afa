package com.waiverdesk.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * {@code docs/openapi.yaml} read at test time, so the contract tests hold the code to the very file the project
 * publishes (no copy of it in Java): operations, their header parameters and responses are looked up in the
 * document, and bodies are validated by a JSON Schema 2020-12 validator against the document's own schemas.
 */
final class OpenApiContract {
    static final Path FILE = Path.of("docs", "openapi.yaml");
    static final String VERIFY_PATH = "/api/v1/assistance/verifications";
    static final String HEALTH_PATH = "/api/v1/health";
    /** Where the validator files the document; never fetched, the registry is handed the text. */
    private static final String IRI = "https://waiverdesk.invalid/docs/openapi.yaml";
    private static final OpenApiContract INSTANCE = load();

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(JsonNode document) {
        this.document = document;
        String json = document.toString();
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder
                .schemas(Map.of(IRI, json))
                // date, date-time and uuid are only annotations in 2020-12 unless asked for
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    static OpenApiContract get() {
        return INSTANCE;
    }

    private static OpenApiContract load() {
        try {
            return new OpenApiContract(new YAMLMapper().readTree(FILE.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE.toAbsolutePath(), e);
        }
    }

    JsonNode document() {
        return document;
    }

    /** A node of the document with the JSON pointer it sits at, so a schema found there can be validated against. */
    record Located(String pointer, JsonNode node) {
        Located child(String name) {
            JsonNode next = node.isArray() ? node.path(Integer.parseInt(name)) : node.path(name);
            return new Located(pointer + "/" + escape(name), next);
        }

        boolean exists() {
            return !node.isMissingNode();
        }
    }

    Located at(String pointer) {
        return new Located(pointer, document.at(pointer));
    }

    /** Follows local {@code $ref}s, as OpenAPI allows for parameters, responses and headers. */
    Located resolve(Located located) {
        Located current = located;
        for (int hops = 0; current.node().has("$ref"); hops++) {
            String ref = current.node().get("$ref").asText();
            if (!ref.startsWith("#") || hops > 10) {
                throw new IllegalStateException("unsupported $ref " + ref + " at " + current.pointer());
            }
            current = at(ref.substring(1));
        }
        return current;
    }

    Located operation(String method, String path) {
        return at("/paths").child(path).child(method.toLowerCase(Locale.ROOT));
    }

    /** A header parameter of an operation, with where its schema is. */
    record HeaderParameter(String name, boolean required, String schemaPointer) {
    }

    List<HeaderParameter> headerParameters(String method, String path) {
        Located parameters = operation(method, path).child("parameters");
        List<HeaderParameter> headers = new ArrayList<>();
        for (int i = 0; i < parameters.node().size(); i++) {
            Located p = resolve(parameters.child(Integer.toString(i)));
            if (p.node().path("in").asText().equals("header")) {
                headers.add(new HeaderParameter(p.node().path("name").asText(),
                        p.node().path("required").asBoolean(false), p.pointer() + "/schema"));
            }
        }
        return headers;
    }

    Set<Integer> statuses(String method, String path) {
        Set<Integer> statuses = new LinkedHashSet<>();
        operation(method, path).child("responses").node().fieldNames()
                .forEachRemaining(status -> statuses.add(Integer.valueOf(status)));
        return statuses;
    }

    /** The response object of that status, {@code $ref} followed; missing when the status is not listed. */
    Located response(String method, String path, int status) {
        return resolve(operation(method, path).child("responses").child(Integer.toString(status)));
    }

    /** The media types a request body or response may be sent as. */
    static Set<String> mediaTypes(Located bodyOwner) {
        Set<String> types = new LinkedHashSet<>();
        bodyOwner.node().path("content").fieldNames().forEachRemaining(types::add);
        return types;
    }

    static String schemaPointer(Located bodyOwner, String mediaType) {
        return bodyOwner.child("content").child(mediaType).child("schema").pointer();
    }

    /**
     * The {@code error} codes a response's body may carry, gathered through {@code $ref} and {@code allOf}; empty
     * when the contract allows any code.
     */
    Set<String> errorCodes(Located schema) {
        Located s = resolve(schema);
        Set<String> codes = new LinkedHashSet<>();
        s.node().path("properties").path("error").path("enum").forEach(code -> codes.add(code.asText()));
        Located allOf = s.child("allOf");
        for (int i = 0; i < allOf.node().size(); i++) {
            codes.addAll(errorCodes(allOf.child(Integer.toString(i))));
        }
        return codes;
    }

    /** The validator's complaints about {@code instance} under the schema at {@code pointer}; empty when valid. */
    List<String> validate(String pointer, JsonNode instance) {
        if (at(pointer).node().isMissingNode()) {
            throw new IllegalArgumentException("no schema at " + pointer + " in " + FILE);
        }
        Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(IRI + "#" + p)));
        return schema.validate(instance).stream().map(Error::toString).collect(Collectors.toList());
    }

    /** An example in the document and the schema it must satisfy. */
    record Example(String pointer, String schemaPointer, JsonNode value) {
    }

    /** Every {@code example} and {@code examples} value beside a {@code schema}: media types, parameters, headers. */
    List<Example> examples() {
        List<Example> found = new ArrayList<>();
        collectExamples(new Located("", document), found);
        return found;
    }

    private static void collectExamples(Located here, List<Example> found) {
        JsonNode node = here.node();
        if (node.isObject() && node.has("schema")) {
            String schema = here.child("schema").pointer();
            if (node.has("example")) {
                found.add(new Example(here.child("example").pointer(), schema, node.get("example")));
            }
            Iterator<String> names = node.path("examples").fieldNames();
            while (names.hasNext()) {
                Located example = here.child("examples").child(names.next());
                found.add(new Example(example.pointer(), schema, example.node().path("value")));
            }
        }
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> collectExamples(here.child(name), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectExamples(here.child(Integer.toString(i)), found);
            }
        }
    }

    /** JSON pointer escaping of one reference token (RFC 6901). */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
