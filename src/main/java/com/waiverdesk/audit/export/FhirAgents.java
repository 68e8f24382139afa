package com.waiverdesk.audit.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.domain.DecisionKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Who took part in one check and what it was about, as BALP's query pattern lays them out: the agents, the
 * recording source and the entities of an AuditEvent.
 */
final class FhirAgents {
    static final String SERVICE = "Municipal social-assistance verification service";
    static final String DEMO_SERVICE = "WaiverDesk's built-in demo verification service";
    static final String REQUEST_PATH = "POST /api/v1/assistance/verifications";
    private static final JsonFactory JSON = new JsonFactory();

    private FhirAgents() {
    }

    /**
     * The clerk (requesting user), the desk (client) and, unless nothing was sent (invalid input), the verification
     * service (server) at the address the entry recorded, else at {@code fallbackAddress} if not {@code null}.
     */
    static void write(JsonGenerator json, AuditEntry e, String fallbackAddress) throws IOException {
        json.writeArrayFieldStart("agent");
        json.writeStartObject();
        FhirVocabulary.concept(json, "type", FhirVocabulary.INFORMATION_RECIPIENT, FhirVocabulary.HUMAN_USER);
        json.writeObjectFieldStart("who");
        json.writeObjectFieldStart("identifier");
        json.writeStringField("value", e.operator());
        json.writeEndObject();
        json.writeEndObject();
        json.writeStringField("name", e.operator());
        json.writeBooleanField("requestor", true);
        json.writeEndObject();

        json.writeStartObject();
        FhirVocabulary.concept(json, "type", FhirVocabulary.SOURCE_ROLE);
        json.writeObjectFieldStart("who");
        json.writeStringField("display", e.workstation());
        json.writeEndObject();
        json.writeBooleanField("requestor", false);
        network(json, e.workstation(), FhirVocabulary.MACHINE_NAME);
        json.writeEndObject();

        if (wasSent(e)) {
            String address = e.source() != null ? e.source().serviceUrl() : fallbackAddress;
            json.writeStartObject();
            FhirVocabulary.concept(json, "type", FhirVocabulary.DESTINATION_ROLE);
            json.writeObjectFieldStart("who");
            json.writeStringField("display", e.source() != null && e.source().demoService()
                    ? DEMO_SERVICE : SERVICE);
            json.writeEndObject();
            json.writeBooleanField("requestor", false);
            if (address != null) {
                network(json, address, FhirVocabulary.URI);
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** Input refused on the desk was never sent: no service took part and there was no query. */
    static boolean wasSent(AuditEntry e) {
        return e.decision() != DecisionKind.INVALID_INPUT;
    }

    /** The desk program on the workstation recorded the event. */
    static void writeSource(JsonGenerator json, AuditEntry e) throws IOException {
        json.writeObjectFieldStart("source");
        json.writeObjectFieldStart("observer");
        json.writeStringField("display", "WaiverDesk" + (e.source() == null ? "" : " "
                + e.source().programVersion()) + " on " + e.workstation());
        json.writeEndObject();
        json.writeArrayFieldStart("type");
        FhirVocabulary.coding(json, null, FhirVocabulary.USER_DEVICE);
        json.writeEndArray();
        json.writeEndObject();
    }

    /** The patient (masked ID only), the query (its parameters, ID masked) and, if any, the request id. */
    static void writeEntities(JsonGenerator json, AuditEntry e) throws IOException {
        json.writeArrayFieldStart("entity");
        json.writeStartObject();
        json.writeObjectFieldStart("what");
        json.writeStringField("type", "Patient");
        json.writeObjectFieldStart("identifier");
        json.writeObjectFieldStart("type");
        json.writeStringField("text", "Resident identity number, masked");
        json.writeEndObject();
        // no identifier system: a masked number must never be matched as if it were the number itself
        json.writeStringField("value", e.maskedId());
        json.writeEndObject();
        json.writeEndObject();
        FhirVocabulary.coding(json, "type", FhirVocabulary.PERSON);
        FhirVocabulary.coding(json, "role", FhirVocabulary.PATIENT_ROLE);
        json.writeEndObject();

        if (wasSent(e)) {
            json.writeStartObject();
            FhirVocabulary.coding(json, "type", FhirVocabulary.SYSTEM_OBJECT);
            FhirVocabulary.coding(json, "role", FhirVocabulary.QUERY_ROLE);
            json.writeStringField("description", REQUEST_PATH);
            json.writeBinaryField("query", query(e));
            json.writeEndObject();
        }

        if (e.requestId() != null) {
            json.writeStartObject();
            json.writeObjectFieldStart("what");
            json.writeObjectFieldStart("identifier");
            json.writeStringField("value", e.requestId());
            json.writeEndObject();
            json.writeEndObject();
            FhirVocabulary.coding(json, "type", FhirVocabulary.REQUEST_ID);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** The request body's parameters as the desk sent them, with the ID masked (the log never held it). */
    static byte[] query(AuditEntry e) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(160);
        try (JsonGenerator q = JSON.createGenerator(bytes)) {
            q.writeStartObject();
            q.writeStringField("name", e.name());
            q.writeStringField("idNumber", e.maskedId());
            q.writeStringField("purpose", "HOSPITAL_DEPOSIT");
            q.writeStringField("operatorId", e.operator());
            q.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static void network(JsonGenerator json, String address, String type) throws IOException {
        json.writeObjectFieldStart("network");
        json.writeStringField("address", address);
        json.writeStringField("type", type);
        json.writeEndObject();
    }
}
