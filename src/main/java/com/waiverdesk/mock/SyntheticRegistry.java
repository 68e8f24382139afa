package com.waiverdesk.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.waiverdesk.domain.AssistanceGrant;
import com.waiverdesk.domain.MatchResult;
import com.waiverdesk.domain.PersonName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mock's civil-affairs registry: synthetic people by resident ID, read from the JSON data file described in
 * {@code docs/mock-service.md}, and the answer the service gives about a name and ID.
 */
public final class SyntheticRegistry {
    /** The {@code format} value of the data file this class reads. */
    public static final String FORMAT = "waiverdesk-registry/1";
    static final String BUILT_IN = "registry.json";

    private final Map<String, RegistryPerson> byId;
    private final List<DemoQuery> demoQueries;

    SyntheticRegistry(List<RegistryPerson> people, List<DemoQuery> demoQueries) {
        Map<String, RegistryPerson> map = new LinkedHashMap<>();
        for (RegistryPerson person : people) {
            if (map.put(person.idNumber(), person) != null) {
                throw new IllegalArgumentException("registry lists an ID twice: " + person);
            }
        }
        this.byId = Collections.unmodifiableMap(map);
        this.demoQueries = List.copyOf(demoQueries);
    }

    /** The data shipped in the jar ({@code registry.json} beside this class). */
    public static SyntheticRegistry builtIn() {
        try (InputStream in = SyntheticRegistry.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("built-in registry missing from the class path");
            }
            return read(in);
        } catch (IOException e) {
            throw new IllegalStateException("built-in registry unreadable", e);
        }
    }

    /** Reads a data file with the schema of the built-in one ({@code mock-server --data FILE}). */
    public static SyntheticRegistry load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    static SyntheticRegistry read(InputStream in) throws IOException {
        JsonNode root = MockJson.MAPPER.readTree(in);
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException("not a registry data file: \"format\" must be \"" + FORMAT + "\"");
        }
        List<RegistryPerson> people = new ArrayList<>();
        for (JsonNode node : root.path("people")) {
            people.add(RegistryJson.person(node, people.size()));
        }
        List<DemoQuery> demos = new ArrayList<>();
        for (JsonNode node : root.path("demoQueries")) {
            demos.add(RegistryJson.demoQuery(node, demos.size()));
        }
        try {
            return new SyntheticRegistry(people, demos);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * The service's answer about a name and ID. An ID with no assistance on record is {@code NO_RECORD} whatever the
     * name, so the answer never tells a stranger that a name belongs to a registered ID; a known ID with another name
     * is {@code NAME_MISMATCH} with nothing more disclosed. Names are compared after {@link PersonName#normalize}.
     */
    public Verdict verify(String idNumber, String name) {
        RegistryPerson person = byId.get(idNumber);
        if (person == null || person.assistance().isEmpty()) {
            return new Verdict(MatchResult.NO_RECORD, List.of());
        }
        if (!PersonName.normalize(person.name()).equals(PersonName.normalize(name))) {
            return new Verdict(MatchResult.NAME_MISMATCH, List.of());
        }
        return new Verdict(MatchResult.MATCH, person.assistance());
    }

    public Optional<RegistryPerson> find(String idNumber) {
        return Optional.ofNullable(byId.get(idNumber));
    }

    /** Everyone, in file order (the demo people first in the built-in data). */
    public List<RegistryPerson> people() {
        return List.copyOf(byId.values());
    }

    /** The named demo cases of the data file, in file order; empty for a file without them. */
    public List<DemoQuery> demoQueries() {
        return demoQueries;
    }

    public int size() {
        return byId.size();
    }

    /** What the service says about one name and ID pair: {@code assistance} is empty unless the result is MATCH. */
    public record Verdict(MatchResult result, List<AssistanceGrant> assistance) {
        public Verdict {
            assistance = List.copyOf(assistance);
        }
    }
}
