package com.waiverdesk.verification;

/** Where the signed trust and revocation lists come from: the service ({@link EcertServiceClient}) or a test's fake. */
public interface EcertListSource {
    /** {@code GET /api/v1/ecert/trust-list}. Blocking. */
    FetchedList fetchTrustList();

    /** {@code GET /api/v1/ecert/revocations}. Blocking. */
    FetchedList fetchRevocationList();
}
