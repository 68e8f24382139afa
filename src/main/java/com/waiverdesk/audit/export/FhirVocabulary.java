package com.waiverdesk.audit.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.waiverdesk.domain.DecisionKind;
import java.io.IOException;

/**
 * The codes and extension URLs of the FHIR export in one place. The product's own identifiers live under
 * {@link #BASE}, a reserved never-resolving host (RFC 2606), until the vendor registers a canonical base.
 */
final class FhirVocabulary {
    static final String BASE = "https://waiverdesk.invalid/fhir/";
    static final String CHAIN_LINK_EXTENSION = BASE + "StructureDefinition/audit-chain-link";
    static final String CHAIN_HEAD_EXTENSION = BASE + "StructureDefinition/audit-chain-head";
    /** What a check was decided with: policy id and hash, service URL, demo or not, program version. */
    static final String CHECK_SOURCE_EXTENSION = BASE + "StructureDefinition/audit-check-source";
    static final String FILTER_EXTENSION = BASE + "StructureDefinition/audit-export-filter";
    /**
     * How the patient proved status: the channel, and the e-certificate's id, key id and lists' ages or the paper
     * certificate's number, centre, issue date and category (never the QR text).
     */
    static final String PROOF_EXTENSION = BASE + "StructureDefinition/audit-proof";
    /** A paper certificate's review by a supervisor: state, and once reviewed the reason, who, when and where. */
    static final String REVIEW_EXTENSION = BASE + "StructureDefinition/audit-paper-review";

    private static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
    private static final String TERMINOLOGY = "http://terminology.hl7.org/CodeSystem/";

    static final Code QUERY_TYPE = new Code(DCM, "110112", "Query");
    static final Code OPERATION = new Code(BASE + "CodeSystem/operation", "assistance-eligibility-verification",
            "Verification of social-assistance eligibility for the hospital deposit");
    static final Code SOURCE_ROLE = new Code(DCM, "110153", "Source Role ID");
    static final Code DESTINATION_ROLE = new Code(DCM, "110152", "Destination Role ID");
    /** What current BALP names the requesting user. */
    static final Code INFORMATION_RECIPIENT = new Code(TERMINOLOGY + "v3-ParticipationType", "IRCP",
            "information recipient");
    /** What earlier BALP and many repositories look for; sent beside IRCP as a second coding of the same agent. */
    static final Code HUMAN_USER = new Code(TERMINOLOGY + "extra-security-role-type", "humanuser", "human user");
    /** The recorder is the desk program on the clerk's workstation: an end-user device, not an application server. */
    static final Code USER_DEVICE = new Code(TERMINOLOGY + "security-source-type", "1", "User Device");
    static final Code PERSON = new Code(TERMINOLOGY + "audit-entity-type", "1", "Person");
    static final Code SYSTEM_OBJECT = new Code(TERMINOLOGY + "audit-entity-type", "2", "System Object");
    static final Code PATIENT_ROLE = new Code(TERMINOLOGY + "object-role", "1", "Patient");
    static final Code QUERY_ROLE = new Code(TERMINOLOGY + "object-role", "24", "Query");
    static final Code REQUEST_ID = new Code("https://profiles.ihe.net/ITI/BALP/CodeSystem/BasicAuditEntityType",
            "XrequestId", "X-Request-Id");
    /** network-type codes. */
    static final String MACHINE_NAME = "1";
    static final String URI = "5";

    /** One coding. */
    record Code(String system, String code, String display) {
    }

    private FhirVocabulary() {
    }

    /**
     * The audit-event-outcome code: an answered check succeeded whatever the deposit (0); input the desk refused
     * before sending is a minor failure the clerk corrects (4); no answer from the service is a serious failure (8).
     */
    static String outcome(DecisionKind decision) {
        switch (decision) {
            case INVALID_INPUT:
                return "4";
            case CANNOT_VERIFY:
                return "8";
            default:
                return "0";
        }
    }

    /** Writes a Coding as {@code field}, or as the next array element when {@code field} is {@code null}. */
    static void coding(JsonGenerator json, String field, Code c) throws IOException {
        if (field == null) {
            json.writeStartObject();
        } else {
            json.writeObjectFieldStart(field);
        }
        json.writeStringField("system", c.system());
        json.writeStringField("code", c.code());
        json.writeStringField("display", c.display());
        json.writeEndObject();
    }

    /** Writes a CodeableConcept of the given codings as {@code field}. */
    static void concept(JsonGenerator json, String field, Code... codes) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeArrayFieldStart("coding");
        for (Code c : codes) {
            coding(json, null, c);
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
