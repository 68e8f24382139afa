package com.waiverdesk.verification;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a {@link ConnectionTest} found: every step with its outcome and time, one diagnosis, and the facts its sentence
 * needs. Holds no secret, no signature and no URL beyond host and port, so it may be shown, logged and copied.
 *
 * @param host               the service's host as configured; empty when the URL could not be read
 * @param port               its port; -1 when the URL could not be read
 * @param clockOffsetSeconds the service's clock minus the workstation's, when the reply allowed an estimate
 *                           (positive: the workstation is behind)
 * @param httpStatus         the reply's status, or -1 when none arrived
 * @param errorCode          the spec's {@code error} code of the reply, or {@code null}
 */
public record ConnectionReport(Diagnosis diagnosis, List<StepResult> steps, String host, int port,
                               Long clockOffsetSeconds, int httpStatus, String errorCode, Duration elapsed) {
    public ConnectionReport {
        Objects.requireNonNull(diagnosis, "diagnosis");
        steps = List.copyOf(steps);
        host = host == null ? "" : host;
        Objects.requireNonNull(elapsed, "elapsed");
    }

    public boolean works() {
        return diagnosis.works();
    }

    public OptionalLong clockOffset() {
        return clockOffsetSeconds == null ? OptionalLong.empty() : OptionalLong.of(clockOffsetSeconds);
    }

    public StepResult step(ConnectionStep step) {
        return steps.stream().filter(s -> s.step() == step).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + step));
    }
}
