package com.waiverdesk.app;

import java.time.Duration;

/**
 * How the desk trusts e-certificates: the pinned root key and how old the cached lists may be for a decision. The
 * spec's ages are the longest allowed; IT may only shorten them.
 *
 * @param rootKey             the configured root key (base64 SubjectPublicKeyInfo), or {@code null}: the demo then
 *                            uses its own demo root, a configured service has no root and trusts no list
 * @param maxTrustListAge     at most {@link #MAX_TRUST_LIST_AGE}
 * @param maxRevocationAge    at most {@link #MAX_REVOCATION_AGE}
 */
public record EcertSettings(String rootKey, Duration maxTrustListAge, Duration maxRevocationAge) {
    public static final Duration MAX_TRUST_LIST_AGE = Duration.ofDays(7);
    public static final Duration MAX_REVOCATION_AGE = Duration.ofHours(24);
    public static final EcertSettings DEFAULTS = new EcertSettings(null, MAX_TRUST_LIST_AGE, MAX_REVOCATION_AGE);

    public EcertSettings {
        if (maxTrustListAge.isNegative() || maxTrustListAge.isZero()
                || maxTrustListAge.compareTo(MAX_TRUST_LIST_AGE) > 0) {
            throw new IllegalArgumentException("trust list age must be positive and at most 7 days: "
                    + maxTrustListAge);
        }
        if (maxRevocationAge.isNegative() || maxRevocationAge.isZero()
                || maxRevocationAge.compareTo(MAX_REVOCATION_AGE) > 0) {
            throw new IllegalArgumentException("revocation list age must be positive and at most 24 hours: "
                    + maxRevocationAge);
        }
    }

    public EcertSettings withRootKey(String key) {
        return new EcertSettings(key, maxTrustListAge, maxRevocationAge);
    }
}
