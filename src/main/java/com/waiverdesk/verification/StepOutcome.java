package com.waiverdesk.verification;

/** How one {@link ConnectionStep} ended. */
public enum StepOutcome {
    PASSED,
    /** Passed, but something needs attention soon (e.g. the clock is close to the service's limit). */
    WARNING,
    FAILED,
    /** Not tried because an earlier step failed. */
    SKIPPED,
    /** Not part of this connection (no DNS for an IP address, no TLS for http on loopback). */
    NOT_APPLICABLE
}
