package com.waiverdesk.app;

import com.waiverdesk.domain.EcertFinding;
import com.waiverdesk.domain.ResidentId;
import com.waiverdesk.verification.ecert.EcertPayload;
import com.waiverdesk.verification.ecert.EcertText;
import com.waiverdesk.verification.ecert.EcertVerifier;
import com.waiverdesk.verification.ecert.StatusLookup;
import com.waiverdesk.verification.ecert.StatusReply;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The desk's {@link EcertJudge}: the verifier of e-certificate.md with the lists this desk holds now and the
 * service's status call. Blocking.
 */
final class CityEcertJudge implements EcertJudge {
    private final EcertVerifier verifier;
    private final Supplier<EcertLists.Current> lists;
    private final StatusLookup status;

    /**
     * @param lists  the lists held at the moment of the check (verified against the pinned root), and whether
     *               fetching them just now found the service unreachable
     * @param status the service's status call; {@code null} for a desk that never asks (offline only)
     */
    CityEcertJudge(EcertVerifier verifier, Supplier<EcertLists.Current> lists, StatusLookup status) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.lists = Objects.requireNonNull(lists, "lists");
        this.status = status;
    }

    @Override
    public EcertJudgement judge(String text, String name, String id) {
        AtomicReference<StatusReply> reply = new AtomicReference<>();
        EcertLists.Current current = lists.get();
        // a service that did not answer the list fetch a moment ago is not asked again: decided offline (rule 2)
        StatusLookup recording = status == null || current.serviceUnreachable() ? null : (certId, holderId) -> {
            StatusReply answer = status.status(certId, holderId);
            reply.set(answer);
            return answer;
        };
        EcertFinding finding = verifier.verify(text, name, id, current.snapshot(), recording);
        StatusReply answer = reply.get();
        return new EcertJudgement(finding, answer == null ? null : answer.requestId(),
                answer == null ? null : answer.checkedAt());
    }

    @Override
    public Optional<EcertHolder> peek(String text) {
        return EcertText.peek(text).map(CityEcertJudge::holder);
    }

    private static EcertHolder holder(EcertPayload payload) {
        return new EcertHolder(payload.holderName(), payload.holderIdNumber(),
                ResidentId.mask(payload.holderIdNumber()), payload.certId());
    }
}
