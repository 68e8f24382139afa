package com.waiverdesk.audit;

import com.waiverdesk.domain.Channel;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How the patient proved status, as an audit entry records it (issue 12): the channel and, for an e-certificate,
 * its id, key id and the lists' ages; for a paper certificate, its number, centre, issue date and category. Never
 * the QR text, never a full ID.
 *
 * @param trustListAgeSeconds      age of the trust list used (by its {@code issuedAt}); {@code null} when none
 * @param revocationListAgeSeconds age of the revocation list held; {@code null} when none
 * @param followsSeq               for a paper entry: the entry of the check it follows (the live query or
 *                                 e-certificate that did not waive); {@code null} when none
 * @param holderFromCertificate    the clerk scanned with empty fields: name and ID were filled from the
 *                                 certificate and the clerk confirmed them against the ID card
 */
public record ProofDetail(Channel channel, String certId, String kid, Long trustListAgeSeconds,
                          Long revocationListAgeSeconds, String paperNumber, String paperCentre,
                          LocalDate paperIssued, String paperCategory, Long followsSeq,
                          boolean holderFromCertificate) {
    public ProofDetail {
        Objects.requireNonNull(channel, "channel");
        if (channel != Channel.PAPER && (paperNumber != null || paperCentre != null || paperIssued != null
                || paperCategory != null)) {
            throw new IllegalArgumentException("paper fields on a " + channel + " entry");
        }
        if (!channel.isEcert() && (certId != null || kid != null || holderFromCertificate)) {
            throw new IllegalArgumentException("e-certificate fields on a " + channel + " entry");
        }
    }

    /** The live query: nothing beyond the channel. */
    public static ProofDetail liveQuery() {
        return new ProofDetail(Channel.LIVE_QUERY, null, null, null, null, null, null, null, null, null, false);
    }

    public static ProofDetail ecert(Channel channel, String certId, String kid, Long trustListAgeSeconds,
                                    Long revocationListAgeSeconds, boolean holderFromCertificate) {
        return new ProofDetail(channel, certId, kid, trustListAgeSeconds, revocationListAgeSeconds, null, null, null,
                null, null, holderFromCertificate);
    }

    public static ProofDetail paper(String number, String centre, LocalDate issued, String category,
                                    Long followsSeq) {
        return new ProofDetail(Channel.PAPER, null, null, null, null, Objects.requireNonNull(number, "number"),
                Objects.requireNonNull(centre, "centre"), Objects.requireNonNull(issued, "issued"),
                Objects.requireNonNull(category, "category"), followsSeq, false);
    }
}
