package com.waiverdesk.verification;

/** Everything of a report that could be shown or logged, as one string to scan for secrets. */
final class ReportText {
    private ReportText() {
    }

    static String all(ConnectionReport report) {
        StringBuilder text = new StringBuilder(report.toString());
        for (StepResult step : report.steps()) {
            text.append('\n').append(step.detail());
        }
        return text.toString();
    }
}
