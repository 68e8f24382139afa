package com.waiverdesk.audit.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.AuditReadException;
import com.waiverdesk.audit.AuditReader;
import com.waiverdesk.audit.ChainHead;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.audit.ProofDetail;
import com.waiverdesk.audit.Review;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.domain.Channel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The entries of a filter as a FHIR R4 Bundle of AuditEvents, for hospitals that feed an audit repository. Written
 * as a stream, so a million entries take constant memory.
 *
 * <p>Each check is a query about one patient, recorded by the desk that asked. The event follows the IHE Basic Audit
 * Log Patterns (BALP) patient query pattern: the desk is the client (Source Role ID) with its machine name, the
 * verification service the server (Destination Role ID), the clerk the requesting user, the patient an entity with
 * role Patient, the request an entity with role Query (base64 of the parameters sent, the ID masked) and the
 * request id a transaction entity. The event type is DICOM's Query (110112), not BALP's FHIR "rest" type, because
 * the check is not a FHIR interaction; so no BALP profile is claimed. {@link FhirVocabulary} holds the codes.
 *
 * <p>Each event carries its place in the hash chain as an extension. The Bundle carries the chain head and the
 * filter in {@code Bundle.meta}: a Bundle is not a DomainResource and has no extensions of its own, a Provenance
 * would need a target per event, and a separate resource in the collection would be taken for audit data by a
 * repository importing entry by entry.
 */
public final class FhirExport {
    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private final AuditReader reader;
    private final ZoneId zone;
    private final Clock clock;
    private final String serviceAddress;

    /**
     * @param zone           the zone of the {@code recorded} instants (written with their offset)
     * @param serviceAddress the verification service's base URL for entries that did not record the one they asked
     *                       (written before schema version 3); {@code null} leaves their server's address out. An
     *                       entry that recorded its service always gives that one.
     */
    public FhirExport(AuditReader reader, ZoneId zone, Clock clock, String serviceAddress) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.serviceAddress = serviceAddress;
    }

    /**
     * Writes the entries matching {@code filter} up to {@code head}, newest first, to {@code jsonFile}, which
     * appears complete or not at all.
     *
     * @throws java.util.concurrent.CancellationException when {@code progress} cancelled; no file is left behind
     */
    public ExportResult write(AuditFilter filter, ChainHead head, Path jsonFile, ProgressListener progress)
            throws AuditReadException, IOException {
        try (ExportFile file = new ExportFile(jsonFile)) {
            long rows;
            try (JsonGenerator json = JSON.createGenerator(file.stream())) {
                Instant now = clock.instant();
                json.writeStartObject();
                json.writeStringField("resourceType", "Bundle");
                json.writeStringField("id", UUID.randomUUID().toString());
                writeBundleMeta(json, filter, head, now);
                json.writeStringField("type", "collection");
                json.writeStringField("timestamp", now.toString());
                json.writeArrayFieldStart("entry");
                rows = EntryPages.forEach(reader, filter, head, progress, entry -> writeEntry(json, entry,
                        entry.entry().channel() == Channel.PAPER ? reader.review(entry.seq()) : null));
                json.writeEndArray();
                json.writeEndObject();
            }
            String sha256 = file.finish();
            file.commit();
            return new ExportResult(jsonFile, null, rows, sha256);
        }
    }

    private static void writeBundleMeta(JsonGenerator json, AuditFilter filter, ChainHead head, Instant now)
            throws IOException {
        json.writeObjectFieldStart("meta");
        json.writeStringField("lastUpdated", now.toString());
        json.writeArrayFieldStart("extension");
        json.writeStartObject();
        json.writeStringField("url", FhirVocabulary.CHAIN_HEAD_EXTENSION);
        json.writeArrayFieldStart("extension");
        if (head.time() != null) {
            subExtension(json, "time", "valueInstant", head.time().toString());
        }
        subExtension(json, "seq", head.seq());
        subExtension(json, "hash", "valueString", head.hash());
        subExtension(json, "accessSeq", head.accessSeq());
        subExtension(json, "accessHash", "valueString", head.accessHash());
        json.writeEndArray();
        json.writeEndObject();
        json.writeStartObject();
        json.writeStringField("url", FhirVocabulary.FILTER_EXTENSION);
        json.writeStringField("valueString", filter.describe());
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }

    /** @param review a paper entry's review (empty while pending); {@code null} for other channels */
    private void writeEntry(JsonGenerator json, StoredEntry stored, Optional<Review> review) throws IOException {
        AuditEntry e = stored.entry();
        json.writeStartObject();
        json.writeStringField("fullUrl", "urn:uuid:"
                + UUID.nameUUIDFromBytes(stored.entryHash().getBytes(StandardCharsets.US_ASCII)));
        json.writeObjectFieldStart("resource");
        json.writeStringField("resourceType", "AuditEvent");
        json.writeStringField("id", "waiverdesk-" + stored.seq());
        json.writeArrayFieldStart("extension");
        json.writeStartObject();
        json.writeStringField("url", FhirVocabulary.CHAIN_LINK_EXTENSION);
        json.writeArrayFieldStart("extension");
        subExtension(json, "seq", stored.seq());
        subExtension(json, "entryHash", "valueString", stored.entryHash());
        subExtension(json, "prevHash", "valueString", stored.prevHash());
        json.writeEndArray();
        json.writeEndObject();
        if (e.source() != null) {
            json.writeStartObject();
            json.writeStringField("url", FhirVocabulary.CHECK_SOURCE_EXTENSION);
            json.writeArrayFieldStart("extension");
            subExtension(json, "policyId", "valueString", e.source().policyId());
            subExtension(json, "policySha256", "valueString", e.source().policySha256());
            subExtension(json, "serviceUrl", "valueUri", e.source().serviceUrl());
            json.writeStartObject();
            json.writeStringField("url", "demoService");
            json.writeBooleanField("valueBoolean", e.source().demoService());
            json.writeEndObject();
            subExtension(json, "programVersion", "valueString", e.source().programVersion());
            json.writeEndArray();
            json.writeEndObject();
        }
        writeProof(json, e);
        if (review != null) {
            writeReview(json, review);
        }
        json.writeEndArray();
        FhirVocabulary.coding(json, "type", FhirVocabulary.QUERY_TYPE);
        json.writeArrayFieldStart("subtype");
        FhirVocabulary.coding(json, null, FhirVocabulary.OPERATION);
        json.writeEndArray();
        json.writeStringField("action", "E");
        json.writeStringField("recorded", INSTANT.format(e.workstationTime().atZone(zone)));
        json.writeStringField("outcome", FhirVocabulary.outcome(e.decision()));
        json.writeStringField("outcomeDesc", e.decision().name() + ": " + e.reason());
        FhirAgents.write(json, e, serviceAddress);
        FhirAgents.writeSource(json, e);
        FhirAgents.writeEntities(json, e);
        json.writeEndObject();
        json.writeEndObject();
    }

    /** Every entry names its channel; an entry from before channels were recorded was a live query. */
    private static void writeProof(JsonGenerator json, AuditEntry e) throws IOException {
        ProofDetail p = e.proof();
        json.writeStartObject();
        json.writeStringField("url", FhirVocabulary.PROOF_EXTENSION);
        json.writeArrayFieldStart("extension");
        subExtension(json, "channel", "valueCode", e.channel().name());
        if (p != null) {
            optional(json, "certId", "valueString", p.certId());
            optional(json, "kid", "valueString", p.kid());
            age(json, "trustListAgeSeconds", p.trustListAgeSeconds());
            age(json, "revocationListAgeSeconds", p.revocationListAgeSeconds());
            optional(json, "paperNumber", "valueString", p.paperNumber());
            optional(json, "paperCentre", "valueString", p.paperCentre());
            optional(json, "paperIssued", "valueDate", p.paperIssued() == null ? null : p.paperIssued().toString());
            optional(json, "paperCategory", "valueCode", p.paperCategory());
            if (p.followsSeq() != null) {
                subExtension(json, "followsSeq", p.followsSeq());
            }
            if (p.channel().isEcert()) {
                json.writeStartObject();
                json.writeStringField("url", "holderFromCertificate");
                json.writeBooleanField("valueBoolean", p.holderFromCertificate());
                json.writeEndObject();
            }
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** An age in seconds; beyond FHIR's 32-bit integer (68 years: never written, but not worth a failed export) a decimal. */
    private static void age(JsonGenerator json, String url, Long seconds) throws IOException {
        if (seconds == null) {
            return;
        }
        if (seconds == (int) (long) seconds) {
            subExtension(json, url, seconds);
            return;
        }
        json.writeStartObject();
        json.writeStringField("url", url);
        json.writeNumberField("valueDecimal", seconds.longValue());
        json.writeEndObject();
    }

    private static void writeReview(JsonGenerator json, Optional<Review> review) throws IOException {
        json.writeStartObject();
        json.writeStringField("url", FhirVocabulary.REVIEW_EXTENSION);
        json.writeArrayFieldStart("extension");
        subExtension(json, "state", "valueCode", review.map(Review::state).orElse(CsvExport.PENDING));
        if (review.isPresent()) {
            Review r = review.get();
            optional(json, "reason", "valueString", r.reason().isEmpty() ? null : r.reason());
            subExtension(json, "reviewer", "valueString", r.supervisor());
            subExtension(json, "time", "valueInstant", r.time().toString());
            subExtension(json, "workstation", "valueString", r.workstation());
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void optional(JsonGenerator json, String url, String valueField, String value) throws IOException {
        if (value != null) {
            subExtension(json, url, valueField, value);
        }
    }

    private static void subExtension(JsonGenerator json, String url, String valueField, String value)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("url", url);
        json.writeStringField(valueField, value);
        json.writeEndObject();
    }

    /** An integer sub-extension; FHIR R4 integers are 32-bit, and a log of two billion checks is not in sight. */
    private static void subExtension(JsonGenerator json, String url, long value) throws IOException {
        json.writeStartObject();
        json.writeStringField("url", url);
        json.writeNumberField("valueInteger", Math.toIntExact(value));
        json.writeEndObject();
    }
}
