package com.waiverdesk.domain;

/** Why the service gave no answer about the person; each one ends in "could not verify", never a waiver. */
public enum ServiceFailure {
    /** The time budget ran out (connect, read or retries). */
    TIMEOUT,
    /** No connection could be made (DNS, refused, TLS handshake). */
    UNREACHABLE,
    /** 5xx after the retries the budget allowed. */
    SERVER_ERROR,
    /** 429 and the Retry-After did not fit the budget. */
    RATE_LIMITED,
    /** The body was not the JSON of the spec (wrong type, missing field, unknown result, too large). */
    MALFORMED_REPLY,
    /** 400: the service refused the request as invalid. */
    REQUEST_REJECTED,
    /** 401 CLOCK_SKEW: the workstation clock is wrong. */
    CLOCK_SKEW,
    /** 401 BAD_SIGNATURE or UNKNOWN_ACCOUNT: credentials or configuration. */
    AUTHENTICATION_FAILED,
    /** 403: account disabled or purpose not allowed. */
    FORBIDDEN,
    /** 409 twice in a row. */
    NONCE_REUSED,
    /** A status code not in the spec's table. */
    UNEXPECTED_STATUS,
    /**
     * A well-formed answer whose {@code checkedAt} lies more than 300 s plus the time budget away from the
     * workstation's clock: not an answer about the person today, and one of the two clocks is wrong.
     */
    STALE_ANSWER,
    /**
     * E-certificate without the service: the cached trust list (7 days) or revocation list (24 h) is older than the
     * spec or IT allows, so the certificate cannot be checked offline.
     */
    ECERT_LISTS_TOO_OLD,
    /**
     * E-certificate: no trust or revocation list signed by the pinned root is held (never fetched, refused as altered,
     * or signed by another root): hospital IT must look at the root key or the service.
     */
    ECERT_LISTS_UNTRUSTED
}
