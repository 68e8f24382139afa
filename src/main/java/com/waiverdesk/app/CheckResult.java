package com.waiverdesk.app;

import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.Decision;
import com.waiverdesk.domain.EcertFinding;
import com.waiverdesk.domain.VerificationOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A finished check whose audit entry is committed: what the window shows and {@code check} prints.
 *
 * @param outcome         the service's outcome of a live query, or {@code null} (invalid input, another channel)
 * @param standardDeposit the configured standard deposit, or {@code null} when none is configured
 * @param auditSeq        the sequence number of the committed audit entry
 * @param channel         how the patient proved status
 * @param ecert           for an e-certificate: what checking it found; {@code null} otherwise or when the input was
 *                        refused before the certificate was looked at
 */
public record CheckResult(Decision decision, String maskedId, VerificationOutcome outcome,
                          BigDecimal standardDeposit, long auditSeq, Instant finishedAt, Channel channel,
                          EcertFinding ecertFinding) {
    public CheckResult {
        Objects.requireNonNull(channel, "channel");
    }

    /** A live query. */
    public CheckResult(Decision decision, String maskedId, VerificationOutcome outcome, BigDecimal standardDeposit,
                       long auditSeq, Instant finishedAt) {
        this(decision, maskedId, outcome, standardDeposit, auditSeq, finishedAt, Channel.LIVE_QUERY, null);
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(outcome).map(VerificationOutcome::requestId);
    }

    /** The service's own time of the check, when it answered. */
    public Optional<OffsetDateTime> checkedAt() {
        return Optional.ofNullable(outcome).filter(VerificationOutcome::isAnswered).map(o -> o.answer().checkedAt());
    }

    public Optional<EcertFinding> ecert() {
        return Optional.ofNullable(ecertFinding);
    }

    public Optional<BigDecimal> amountDue() {
        return decision.amountDue(standardDeposit);
    }
}
