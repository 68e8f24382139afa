package com.waiverdesk.verification.ecert;

/**
 * The service's status call for a certificate (rule 2 online). Implemented over HTTP elsewhere; called on a
 * background thread, after rule 1 passed, with the certificate's own certId and holder ID.
 */
@FunctionalInterface
public interface StatusLookup {
    StatusReply status(String certId, String holderIdNumber);
}
