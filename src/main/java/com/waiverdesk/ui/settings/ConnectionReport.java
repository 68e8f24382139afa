package com.waiverdesk.ui.settings;

import java.util.List;
import java.util.Objects;

/**
 * What a connection test found, as IT reads it, already in the desk's language; never holds the secret.
 *
 * @param outcome   whether checks will go through
 * @param diagnosis the one sentence (with its code) that says what was found
 * @param action    what to do about it; empty when there is nothing to add
 * @param details   one line per step (outcome and time), then the clock difference; empty when no test ran
 */
public record ConnectionReport(Outcome outcome, String diagnosis, String action, List<String> details) {
    /** How the test ended. */
    public enum Outcome {
        /** The service accepted the signed health check. */
        OK,
        /** It accepted it, but something needs attention soon (the clock near the limit). */
        WARNING,
        /** Checks would not go through. */
        FAILED
    }

    public ConnectionReport {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(diagnosis, "diagnosis");
        action = action == null ? "" : action;
        details = List.copyOf(details);
    }

    /** A report with one sentence and no steps: the test could not run, or did not need to. */
    public static ConnectionReport sentence(Outcome outcome, String text) {
        return new ConnectionReport(outcome, text, "", List.of());
    }

    /** Whether checks will go through (possibly with a warning). */
    public boolean works() {
        return outcome != Outcome.FAILED;
    }
}
