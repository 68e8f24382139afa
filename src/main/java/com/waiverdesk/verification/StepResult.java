package com.waiverdesk.verification;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of a {@link ConnectionReport}.
 *
 * @param elapsed time the step took; zero when it did not run
 * @param detail  a language-neutral fact (addresses, {@code host:port}, TLS version, {@code HTTP 401},
 *                the error code), never the secret, the signature or a URL query; empty when there is none
 */
public record StepResult(ConnectionStep step, StepOutcome outcome, Duration elapsed, String detail) {
    public StepResult {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(elapsed, "elapsed");
        detail = detail == null ? "" : detail;
    }

    static StepResult notRun(ConnectionStep step, StepOutcome outcome) {
        return new StepResult(step, outcome, Duration.ZERO, "");
    }
}
