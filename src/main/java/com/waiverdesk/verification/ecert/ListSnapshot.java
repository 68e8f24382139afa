package com.waiverdesk.verification.ecert;

/**
 * The lists held at the moment of a check, each verified against the pinned root when it was read; either may be
 * {@code null} (never fetched, or the cached copy was refused).
 */
public record ListSnapshot(TrustList trustList, RevocationList revocationList) {
    public static final ListSnapshot NONE = new ListSnapshot(null, null);
}
