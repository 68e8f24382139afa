package com.waiverdesk.app;

import com.waiverdesk.domain.Decision;
import com.waiverdesk.domain.VerificationOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A finished check whose audit entry is committed: what the window shows and {@code check} prints.
 *
 * @param outcome         the service's outcome, or {@code null} when nothing was sent (invalid input)
 * @param standardDeposit the configured standard deposit, or {@code null} when none is configured
 * @param auditSeq        the sequence number of the committed audit entry
 */
public record CheckResult(Decision decision, String maskedId, VerificationOutcome outcome,
                          BigDecimal standardDeposit, long auditSeq, Instant finishedAt) {

    public Optional<String> requestId() {
        return Optional.ofNullable(outcome).map(VerificationOutcome::requestId);
    }

    /** The service's own time of the check, when it answered. */
    public Optional<OffsetDateTime> checkedAt() {
        return Optional.ofNullable(outcome).filter(VerificationOutcome::isAnswered).map(o -> o.answer().checkedAt());
    }

    public Optional<BigDecimal> amountDue() {
        return decision.amountDue(standardDeposit);
    }
}
