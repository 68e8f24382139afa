package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.ProofDetail;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.ui.common.Texts;
import javafx.scene.layout.GridPane;

/**
 * The detail pane's block on how the patient proved status: the channel; an e-certificate's id, key and the lists'
 * ages; a paper certificate's number, centre, issue date, category, the check it follows and its review.
 */
final class ProofRows {
    private final AuditWords words;
    private final Texts texts;

    ProofRows(AuditWords words) {
        this.words = words;
        this.texts = words.texts();
    }

    /** @param proof {@code null} for an entry written before schema 4 (a live query) */
    void fill(GridPane block, ProofDetail proof, ReviewState review) {
        Channel channel = proof == null ? Channel.LIVE_QUERY : proof.channel();
        DetailPane.row(block, texts.get("audit.detail.channel"), words.channel(channel), "channel");
        if (proof == null) {
            return;
        }
        if (channel.isEcert()) {
            DetailPane.row(block, texts.get("audit.detail.certId"), orNone(proof.certId()), "code");
            DetailPane.row(block, texts.get("audit.detail.kid"), orNone(proof.kid()), "code");
            DetailPane.row(block, texts.get("audit.detail.trustListAge"), words.listAge(proof.trustListAgeSeconds()),
                    null);
            DetailPane.row(block, texts.get("audit.detail.revocationListAge"),
                    words.listAge(proof.revocationListAgeSeconds()), null);
            DetailPane.row(block, texts.get("audit.detail.holder"), proof.holderFromCertificate()
                    ? texts.get("audit.detail.holder.fromCertificate") : texts.get("audit.detail.holder.typed"), "prose");
        }
        if (channel == Channel.PAPER) {
            DetailPane.row(block, texts.get("audit.detail.paperNumber"), orNone(proof.paperNumber()), "code");
            DetailPane.row(block, texts.get("audit.detail.paperCentre"), orNone(proof.paperCentre()), "prose");
            DetailPane.row(block, texts.get("audit.detail.paperIssued"), proof.paperIssued() == null ? words.none()
                    : proof.paperIssued().toString(), null);
            DetailPane.row(block, texts.get("audit.detail.paperCategory"), proof.paperCategory() == null
                    ? words.none() : words.category(proof.paperCategory()), null);
            review(block, review);
        }
        if (proof.followsSeq() != null) {
            DetailPane.row(block, texts.get("audit.detail.follows"),
                    texts.get("audit.detail.follows.value", Long.toString(proof.followsSeq())), null);
        }
    }

    private void review(GridPane block, ReviewState review) {
        ReviewState state = review == null ? ReviewState.of(ReviewState.Status.READING) : review;
        DetailPane.row(block, texts.get("audit.detail.review"), words.reviewStatus(state),
                "review-" + words.reviewClass(state));
        if (state.status() == ReviewState.Status.REVIEWED) {
            DetailPane.row(block, texts.get("audit.detail.reviewedBy"),
                    texts.get("audit.detail.reviewedBy.value", state.supervisor(), state.workstation()), "prose");
            DetailPane.row(block, texts.get("audit.detail.reviewedAt"), words.time(state.time()), null);
            DetailPane.row(block, texts.get("audit.detail.reviewReason"), state.reason() == null
                    || state.reason().isBlank() ? texts.get("audit.detail.reviewReason.none") : state.reason(), "prose");
        }
    }

    private String orNone(String value) {
        return value == null || value.isEmpty() ? words.none() : value;
    }
}
