package com.waiverdesk.verification.ecert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waiverdesk.domain.ResidentId;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The content of an e-certificate (e-certificate.md, "Payload"). Read strictly: all fields, exact types, v = 1,
 * RFC 3339 dates; unknown extra fields ignored. Where the spec is silent the desk also requires what a certificate
 * it can use must have (docs/e-certificate.md): printable certId and category codes, a non-empty name and issuer, an
 * 18-character ID number and {@code validFrom <= validUntil}.
 */
public record EcertPayload(String certId, String category, String holderName, String holderIdNumber, String issuer,
                           OffsetDateTime issuedAt, LocalDate validFrom, LocalDate validUntil) {
    /** Printable ASCII without space: it goes to the audit log and the status call. */
    public static final Pattern CERT_ID = Pattern.compile("[!-~]{1,64}");
    /** The verification API's code shape. */
    public static final Pattern CATEGORY = Pattern.compile("[A-Z0-9_]{1,64}");
    public static final Pattern ID_NUMBER = Pattern.compile("[0-9]{17}[0-9X]");
    public static final int MAX_TEXT_LENGTH = 256;

    public EcertPayload {
        Objects.requireNonNull(certId, "certId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(holderName, "holderName");
        Objects.requireNonNull(holderIdNumber, "holderIdNumber");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
    }

    /** The payload of a certificate's JSON bytes, or why it is not one (field names only, no values). */
    public static EcertPayload fromJson(byte[] json) throws MalformedTextException {
        JsonNode root = StrictPayload.object(json);
        StrictPayload.requireVersion1(root);
        String certId = StrictPayload.text(root, "certId");
        String category = StrictPayload.text(root, "category");
        JsonNode holder = StrictPayload.object(root, "holder");
        String name = StrictPayload.text(holder, "name");
        String idNumber = StrictPayload.text(holder, "idNumber");
        String issuer = StrictPayload.text(root, "issuer");
        OffsetDateTime issuedAt = StrictPayload.dateTime(root, "issuedAt");
        LocalDate validFrom = StrictPayload.date(root, "validFrom");
        LocalDate validUntil = StrictPayload.date(root, "validUntil");
        if (!CERT_ID.matcher(certId).matches()) {
            throw new MalformedTextException("certId is not 1-64 printable ASCII characters");
        }
        if (!CATEGORY.matcher(category).matches()) {
            throw new MalformedTextException("category is not a code of [A-Z0-9_]");
        }
        if (!ID_NUMBER.matcher(idNumber).matches()) {
            throw new MalformedTextException("holder.idNumber is not 18 characters of a resident ID");
        }
        requireText(name, "holder.name");
        requireText(issuer, "issuer");
        if (validUntil.isBefore(validFrom)) {
            throw new MalformedTextException("validUntil is before validFrom");
        }
        return new EcertPayload(certId, category, name, idNumber, issuer, issuedAt, validFrom, validUntil);
    }

    private static void requireText(String value, String name) throws MalformedTextException {
        if (value.isBlank() || value.length() > MAX_TEXT_LENGTH) {
            throw new MalformedTextException(name + " is empty or longer than " + MAX_TEXT_LENGTH);
        }
    }

    /** The payload's JSON as an issuer writes it (v first, then the spec's order); for the mock and the tests. */
    public byte[] toJson() {
        ObjectNode root = StrictPayload.MAPPER.createObjectNode();
        root.put("v", 1);
        root.put("certId", certId);
        root.put("category", category);
        ObjectNode holder = root.putObject("holder");
        holder.put("name", holderName);
        holder.put("idNumber", holderIdNumber);
        root.put("issuer", issuer);
        root.put("issuedAt", StrictPayload.format(issuedAt));
        root.put("validFrom", validFrom.toString());
        root.put("validUntil", validUntil.toString());
        try {
            return StrictPayload.MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Masks the holder's ID and name, like {@link ResidentId#toString()}: a payload must not reach a log whole. */
    @Override
    public String toString() {
        return "EcertPayload[certId=" + certId + ", category=" + category + ", holderIdNumber="
                + ResidentId.mask(holderIdNumber) + ", issuedAt=" + issuedAt + ", validFrom=" + validFrom
                + ", validUntil=" + validUntil + "]";
    }
}
