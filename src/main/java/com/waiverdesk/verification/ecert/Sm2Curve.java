package com.waiverdesk.verification.ecert;

import java.math.BigInteger;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;

/** The one curve of the e-certificate format (GB/T 32918.5's sm2p256v1), named so keys encode with its OID. */
final class Sm2Curve {
    static final X9ECParameters X9 = GMNamedCurves.getByOID(GMObjectIdentifiers.sm2p256v1);
    static final ECNamedDomainParameters DOMAIN = new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, X9);
    static final BigInteger N = DOMAIN.getN();

    private Sm2Curve() {
    }
}
