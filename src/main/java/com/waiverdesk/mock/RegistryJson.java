package com.waiverdesk.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.waiverdesk.domain.AssistanceGrant;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.MatchResult;
import com.waiverdesk.domain.ResidentId;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry data file's entries to and from JSON, in one place so the generator writes exactly what the registry
 * reads. Errors name the entry by position and masked ID, never by name or full ID.
 */
final class RegistryJson {
    private RegistryJson() {
    }

    static RegistryPerson person(JsonNode node, int index) throws IOException {
        String where = "people[" + index + "]";
        String id = validId(text(node, "idNumber", where), where);
        String name = text(node, "name", where);
        List<AssistanceGrant> grants = new ArrayList<>();
        for (JsonNode grant : node.path("assistance")) {
            String at = where + " (" + ResidentId.mask(id) + ") assistance[" + grants.size() + "]";
            LocalDate from = date(text(grant, "validFrom", at), at);
            JsonNode until = grant.path("validUntil");
            grants.add(new AssistanceGrant(text(grant, "category", at), from,
                    until.isNull() || until.isMissingNode() ? null : date(until.asText(), at)));
        }
        return new RegistryPerson(id, name, grants);
    }

    static DemoQuery demoQuery(JsonNode node, int index) throws IOException {
        String where = "demoQueries[" + index + "]";
        try {
            return new DemoQuery(text(node, "name", where),
                    validId(text(node, "idNumber", where), where),
                    MatchResult.valueOf(text(node, "expectedResult", where)),
                    DecisionKind.valueOf(text(node, "expectedDecision", where)),
                    node.path("expectedDepositPercent").asInt(-1), text(node, "note", where));
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": unknown expected result or decision", e);
        }
    }

    static Map<String, Object> toJson(RegistryPerson person) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("idNumber", person.idNumber());
        p.put("name", person.name());
        p.put("assistance", toJson(person.assistance()));
        return p;
    }

    /** Grants as the wire format and the data file both write them; {@code validUntil} null when open-ended. */
    static List<Map<String, Object>> toJson(List<AssistanceGrant> grants) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (AssistanceGrant grant : grants) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("category", grant.category());
            g.put("validFrom", grant.validFrom().toString());
            g.put("validUntil", grant.validUntil() == null ? null : grant.validUntil().toString());
            list.add(g);
        }
        return list;
    }

    static Map<String, Object> toJson(DemoQuery demo) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", demo.name());
        d.put("idNumber", demo.idNumber());
        d.put("expectedResult", demo.expectedResult().name());
        d.put("expectedDecision", demo.expectedDecision().name());
        d.put("expectedDepositPercent", demo.expectedDepositPercent());
        d.put("note", demo.note());
        return d;
    }

    private static String text(JsonNode node, String field, String where) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IOException(where + ": \"" + field + "\" must be a non-empty string");
        }
        return value.asText();
    }

    private static String validId(String id, String where) throws IOException {
        boolean shape = id.matches("\\d{17}[\\dX]");
        if (!shape || ResidentId.checkCharacter(id.substring(0, 17)) != id.charAt(17)) {
            throw new IOException(where + " (" + ResidentId.mask(id) + "): not an 18-character ID with a valid "
                    + "check character");
        }
        return id;
    }

    private static LocalDate date(String text, String where) throws IOException {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IOException(where + ": not a date (YYYY-MM-DD): " + text, e);
        }
    }
}
