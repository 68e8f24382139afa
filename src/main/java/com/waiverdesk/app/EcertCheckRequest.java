package com.waiverdesk.app;

import java.util.Objects;

/**
 * An e-certificate check as the clerk (or a script) gave it.
 *
 * @param text                  the QR text as scanned or decoded; never logged or stored
 * @param holderFromCertificate the name and ID were filled from the certificate and the clerk confirmed them against
 *                              the ID card
 */
public record EcertCheckRequest(String text, String rawName, String rawId, String operatorId, String businessRef,
                                boolean holderFromCertificate) {
    public EcertCheckRequest {
        text = text == null ? "" : text;
        rawName = rawName == null ? "" : rawName;
        rawId = rawId == null ? "" : rawId;
        Objects.requireNonNull(operatorId, "operatorId");
        businessRef = businessRef == null ? "" : businessRef;
    }

    @Override
    public String toString() {
        return "EcertCheckRequest[operator=" + operatorId + ", businessRef=" + businessRef + ", holderFromCertificate="
                + holderFromCertificate + "]";
    }
}
