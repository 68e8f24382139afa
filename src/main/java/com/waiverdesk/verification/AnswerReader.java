package com.waiverdesk.verification;

import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.domain.VerificationAnswer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides whether a {@code 200} body is an answer about the person today: well-formed by the contract, and dated
 * within 300 s plus the time budget of the workstation's clock. Anything else is a failure of the service.
 */
public final class AnswerReader {
    /** How far {@code checkedAt} may lie from the workstation's clock, before the time budget is added. */
    static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(300);

    private final ReplyParser parser;
    private final Clock clock;
    private final Duration maxOffset;

    /**
     * @param clock  the workstation's clock
     * @param budget the check's time budget, added to the tolerance
     */
    public AnswerReader(ReplyParser parser, Clock clock, Duration budget) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxOffset = CLOCK_TOLERANCE.plus(budget);
    }

    /** The answer, or the failure and a detail for the log that names no value about the person. */
    public Read read(String contentType, byte[] body, String sentRequestId) {
        VerificationAnswer answer;
        try {
            answer = parser.parseAnswer(contentType, body, sentRequestId);
        } catch (ReplyParser.MalformedReplyException e) {
            return new Read(null, ServiceFailure.MALFORMED_REPLY, e.getMessage());
        }
        Instant now = clock.instant();
        Duration offset = Duration.between(now, answer.checkedAt().toInstant());
        if (offset.abs().compareTo(maxOffset) > 0) {
            return new Read(null, ServiceFailure.STALE_ANSWER, "checkedAt " + answer.checkedAt() + " is "
                    + offset.abs().toSeconds() + " s " + (offset.isNegative() ? "behind" : "ahead of")
                    + " the workstation clock " + now + " (allowed " + maxOffset.toSeconds() + " s)");
        }
        return new Read(answer, null, "answered");
    }

    /** Exactly one of {@code answer} and {@code failure}. */
    public record Read(VerificationAnswer answer, ServiceFailure failure, String detail) {
    }
}
