package com.waiverdesk.verification.ecert;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One issuer key of the trust list. It verifies a certificate only when the certificate's issuedAt (Shanghai date)
 * lies within validFrom..validUntil and the key is not {@link Status#COMPROMISED}.
 */
public record TrustedKey(String kid, String issuer, Sm2PublicKey publicKey, LocalDate validFrom, LocalDate validUntil,
                         Status status) {
    public enum Status { ACTIVE, RETIRED, COMPROMISED }

    public TrustedKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(status, "status");
    }

    /** Whether a certificate issued on {@code issuedDay} (Shanghai) may be verified with this key. */
    public boolean vouchesFor(LocalDate issuedDay) {
        return status != Status.COMPROMISED && !issuedDay.isBefore(validFrom) && !issuedDay.isAfter(validUntil);
    }
}
