package com.waiverdesk.audit.spool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.CheckSource;
import com.waiverdesk.audit.ProofDetail;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The spool's JSON form of an entry, written field by field rather than by reflection, so that a renamed record
 * component cannot silently change what a waiting row means. Every field is present, {@code null} included; times
 * keep their full precision and the service time its offset.
 */
final class EntryJson {
    static final int FORMAT = 1;
    /** A stateless codec for the tree model; nothing in it is configured per use. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EntryJson() {
    }

    static String write(AuditEntry e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("workstationTime", e.workstationTime().toString());
        o.put("serviceTime", e.serviceTime() == null ? null : e.serviceTime().toString());
        o.put("operator", e.operator());
        o.put("workstation", e.workstation());
        o.put("maskedId", e.maskedId());
        o.put("idHash", e.idHash());
        o.put("name", e.name());
        o.put("decision", e.decision().name());
        o.put("depositPercent", e.depositPercent());
        o.put("reason", e.reason());
        ArrayNode categories = o.putArray("categories");
        e.categories().forEach(categories::add);
        o.put("serviceResult", e.serviceResult());
        o.put("requestId", e.requestId());
        o.put("errorCode", e.errorCode());
        o.put("latencyMillis", e.latencyMillis());
        o.set("source", e.source() == null ? o.nullNode() : source(e.source()));
        o.set("proof", e.proof() == null ? o.nullNode() : proof(e.proof()));
        return o.toString();
    }

    private static ObjectNode source(CheckSource s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("policyId", s.policyId());
        o.put("policySha256", s.policySha256());
        o.put("serviceUrl", s.serviceUrl());
        o.put("demoService", s.demoService());
        o.put("programVersion", s.programVersion());
        return o;
    }

    private static ObjectNode proof(ProofDetail p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("channel", p.channel().name());
        o.put("certId", p.certId());
        o.put("kid", p.kid());
        o.put("trustListAgeSeconds", p.trustListAgeSeconds());
        o.put("revocationListAgeSeconds", p.revocationListAgeSeconds());
        o.put("paperNumber", p.paperNumber());
        o.put("paperCentre", p.paperCentre());
        o.put("paperIssued", p.paperIssued() == null ? null : p.paperIssued().toString());
        o.put("paperCategory", p.paperCategory());
        o.put("followsSeq", p.followsSeq());
        o.put("holderFromCertificate", p.holderFromCertificate());
        return o;
    }

    /** @throws IllegalArgumentException when {@code json} is not an entry this class wrote */
    static AuditEntry read(String json) {
        JsonNode o = tree(json);
        if (integer(o, "format") != FORMAT) {
            throw new IllegalArgumentException("unknown spool entry format " + o.get("format"));
        }
        try {
            String serviceTime = text(o, "serviceTime");
            List<String> categories = new ArrayList<>();
            for (JsonNode c : field(o, "categories")) {
                categories.add(c.textValue());
            }
            Long deposit = number(o, "depositPercent");
            return new AuditEntry(Instant.parse(text(o, "workstationTime")),
                    serviceTime == null ? null : OffsetDateTime.parse(serviceTime), text(o, "operator"),
                    text(o, "workstation"), text(o, "maskedId"), text(o, "idHash"), text(o, "name"),
                    DecisionKind.valueOf(text(o, "decision")), deposit == null ? null : Math.toIntExact(deposit),
                    text(o, "reason"), categories, text(o, "serviceResult"), text(o, "requestId"),
                    text(o, "errorCode"), integer(o, "latencyMillis"), source(field(o, "source")),
                    proof(field(o, "proof")));
        } catch (DateTimeParseException | NullPointerException | ArithmeticException e) {
            throw new IllegalArgumentException("spool entry does not read back: " + e.getMessage(), e);
        }
    }

    private static CheckSource source(JsonNode o) {
        return o.isNull() ? null : new CheckSource(text(o, "policyId"), text(o, "policySha256"),
                text(o, "serviceUrl"), bool(o, "demoService"), text(o, "programVersion"));
    }

    private static ProofDetail proof(JsonNode o) {
        if (o.isNull()) {
            return null;
        }
        String issued = text(o, "paperIssued");
        return new ProofDetail(Channel.valueOf(text(o, "channel")), text(o, "certId"), text(o, "kid"),
                number(o, "trustListAgeSeconds"), number(o, "revocationListAgeSeconds"), text(o, "paperNumber"),
                text(o, "paperCentre"), issued == null ? null : LocalDate.parse(issued), text(o, "paperCategory"),
                number(o, "followsSeq"), bool(o, "holderFromCertificate"));
    }

    /** The JSON object in {@code json}; an {@link IllegalArgumentException} when it is none. */
    static JsonNode tree(String json) {
        try {
            JsonNode o = JSON.readTree(json);
            if (o == null || !o.isObject()) {
                throw new IllegalArgumentException("spool body is not a JSON object");
            }
            return o;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("spool body is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** The field, which must be present (a JSON {@code null} is a value). */
    static JsonNode field(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null) {
            throw new IllegalArgumentException("spool body lacks the field " + name);
        }
        return v;
    }

    static String text(JsonNode o, String name) {
        JsonNode v = field(o, name);
        if (v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("spool body field " + name + " is not text");
        }
        return v.textValue();
    }

    static Long number(JsonNode o, String name) {
        JsonNode v = field(o, name);
        if (v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("spool body field " + name + " is not a whole number");
        }
        return v.longValue();
    }

    private static long integer(JsonNode o, String name) {
        Long v = number(o, name);
        if (v == null) {
            throw new IllegalArgumentException("spool body field " + name + " is null");
        }
        return v;
    }

    private static boolean bool(JsonNode o, String name) {
        JsonNode v = field(o, name);
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("spool body field " + name + " is not true or false");
        }
        return v.booleanValue();
    }
}
