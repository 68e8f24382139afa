package com.waiverdesk.audit;

import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One check as written to the audit log. Holds the masked ID and a keyed hash of the full ID, never the ID itself.
 *
 * @param workstationTime when the check finished on this workstation
 * @param serviceTime     the service's {@code checkedAt}, or {@code null} when it gave no answer
 * @param idHash          keyed hash (see {@link IdHasher}) of the normalized ID as typed, or {@code null} if empty
 * @param name            the normalized name as sent (or as typed, for invalid input)
 * @param depositPercent  {@code null} unless verified
 * @param reason          {@code DecisionReason} name, plus the input problem or failure (e.g. {@code SERVICE_FAILED:TIMEOUT})
 * @param serviceResult   MATCH / NO_RECORD / NAME_MISMATCH, or {@code null}
 * @param errorCode       the service's error code, or {@code null}
 * @param source          the policy, service and program the check ran with; {@code null} for entries written before
 *                        schema version 3 recorded it
 * @param proof           how the patient proved status; {@code null} for entries written before schema version 4
 *                        (all of them live queries)
 */
public record AuditEntry(Instant workstationTime, OffsetDateTime serviceTime, String operator, String workstation,
                         String maskedId, String idHash, String name, DecisionKind decision, Integer depositPercent,
                         String reason, List<String> categories, String serviceResult, String requestId,
                         String errorCode, long latencyMillis, CheckSource source, ProofDetail proof) {
    public AuditEntry {
        Objects.requireNonNull(workstationTime, "workstationTime");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(workstation, "workstation");
        Objects.requireNonNull(maskedId, "maskedId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        categories = List.copyOf(categories);
    }

    /** An entry written before schema version 4: a live query, or one that does not say. */
    public AuditEntry(Instant workstationTime, OffsetDateTime serviceTime, String operator, String workstation,
                      String maskedId, String idHash, String name, DecisionKind decision, Integer depositPercent,
                      String reason, List<String> categories, String serviceResult, String requestId,
                      String errorCode, long latencyMillis, CheckSource source) {
        this(workstationTime, serviceTime, operator, workstation, maskedId, idHash, name, decision, depositPercent,
                reason, categories, serviceResult, requestId, errorCode, latencyMillis, source, null);
    }

    /** An entry that does not say what it was decided with (as every entry before schema version 3). */
    public AuditEntry(Instant workstationTime, OffsetDateTime serviceTime, String operator, String workstation,
                      String maskedId, String idHash, String name, DecisionKind decision, Integer depositPercent,
                      String reason, List<String> categories, String serviceResult, String requestId,
                      String errorCode, long latencyMillis) {
        this(workstationTime, serviceTime, operator, workstation, maskedId, idHash, name, decision, depositPercent,
                reason, categories, serviceResult, requestId, errorCode, latencyMillis, null, null);
    }

    /** This entry with what it was decided with (its proof kept). */
    public AuditEntry withSource(CheckSource checkSource) {
        return new AuditEntry(workstationTime, serviceTime, operator, workstation, maskedId, idHash, name, decision,
                depositPercent, reason, categories, serviceResult, requestId, errorCode, latencyMillis, checkSource,
                proof);
    }

    /** This entry with how the patient proved status (its source kept). */
    public AuditEntry withProof(ProofDetail proofDetail) {
        return new AuditEntry(workstationTime, serviceTime, operator, workstation, maskedId, idHash, name, decision,
                depositPercent, reason, categories, serviceResult, requestId, errorCode, latencyMillis, source,
                proofDetail);
    }

    /** The channel; an entry without a proof (written before schema version 4) was a live query. */
    public Channel channel() {
        return proof == null ? Channel.LIVE_QUERY : proof.channel();
    }
}
