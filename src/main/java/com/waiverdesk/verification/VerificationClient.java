package com.waiverdesk.verification;

import com.waiverdesk.domain.VerificationOutcome;

/** Asks the municipal verification service about a person; never throws for anything the service does. */
public interface VerificationClient {
    /** Sends the signed query with the retries the spec allows inside the time budget. Blocking. */
    VerificationOutcome verify(VerificationRequest request);

    /** A signed {@code GET /api/v1/health}. Blocking. */
    HealthStatus checkHealth();
}
