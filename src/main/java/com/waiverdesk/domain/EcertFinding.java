package com.waiverdesk.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What checking an e-certificate against rules 1–4 of e-certificate.md found, before the hospital's policy (rule 5)
 * turns it into a decision ({@link DepositPolicy#decideEcert}).
 *
 * @param channel                  {@link Channel#ECERT_ONLINE} when the service's status call answered, else
 *                                 {@link Channel#ECERT_OFFLINE}
 * @param refusal                  for {@link Verdict#REFUSED}: the first rule the certificate failed, in the clerk's
 *                                 words through its reason
 * @param failure                  for {@link Verdict#CANNOT_VERIFY}: why it could not be checked
 * @param errorCode                the service's error code of the status call, if any
 * @param certId                   the certificate's id, when its payload could be read; {@code null} otherwise
 * @param kid                      the issuer key's id from the text, when the text had one
 * @param category                 the certificate's category, when its payload could be read
 * @param trustListAgeSeconds      age of the trust list used (by its {@code issuedAt}), {@code null} when none
 * @param revocationListAgeSeconds age of the revocation list held, {@code null} when none
 * @param today                    the Shanghai date the certificate was judged on
 */
public record EcertFinding(Channel channel, Verdict verdict, DecisionReason refusal, ServiceFailure failure,
                           String errorCode, String certId, String kid, String category, LocalDate validFrom,
                           LocalDate validUntil, Long trustListAgeSeconds, Long revocationListAgeSeconds,
                           LocalDate today) {

    /** ACCEPTED: rules 1–4 hold; REFUSED: one failed (charge); CANNOT_VERIFY: they could not be checked. */
    public enum Verdict { ACCEPTED, REFUSED, CANNOT_VERIFY }

    public EcertFinding {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(today, "today");
        if (!channel.isEcert()) {
            throw new IllegalArgumentException("not an e-certificate channel: " + channel);
        }
        if ((verdict == Verdict.REFUSED) != (refusal != null)) {
            throw new IllegalArgumentException("a refusal reason belongs to REFUSED only");
        }
        if ((verdict == Verdict.CANNOT_VERIFY) != (failure != null)) {
            throw new IllegalArgumentException("a failure belongs to CANNOT_VERIFY only");
        }
        if (verdict == Verdict.ACCEPTED && (category == null || certId == null)) {
            throw new IllegalArgumentException("an accepted certificate names its id and category");
        }
    }
}
