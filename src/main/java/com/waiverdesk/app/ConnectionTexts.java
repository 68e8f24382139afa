package com.waiverdesk.app;

import com.waiverdesk.verification.ConnectionReport;
import com.waiverdesk.verification.ConnectionStep;
import com.waiverdesk.verification.Diagnosis;
import com.waiverdesk.verification.StepOutcome;
import com.waiverdesk.verification.StepResult;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of a {@link ConnectionReport} in Chinese (the default) or English, from {@code connection.properties}.
 * Here rather than in the verification package, which stays free of wording, and rather than in {@code ui}, so that
 * {@code test-connection} and the settings screen say exactly the same sentences.
 */
public final class ConnectionTexts {
    public static final String BUNDLE = "com.waiverdesk.app.connection";
    private final ResourceBundle bundle;
    private final Locale locale;

    /** No fallback to the JVM's locale: a Chinese desk on an English OS stays Chinese. */
    public ConnectionTexts(Locale locale) {
        this.locale = locale;
        Locale lookup = locale.getLanguage().equals("en") ? Locale.ENGLISH : Locale.ROOT;
        this.bundle = ResourceBundle.getBundle(BUNDLE, lookup,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public String stepName(ConnectionStep step) {
        return format("step." + step);
    }

    public String outcome(StepOutcome outcome) {
        return format("outcome." + outcome);
    }

    /** What was found, with the report's facts filled in: host, port, clock offset, HTTP status, error code. */
    public String sentence(ConnectionReport report) {
        Diagnosis diagnosis = report.diagnosis();
        String key = "diagnosis." + diagnosis;
        if (diagnosis == Diagnosis.CLOCK_SKEW && report.clockOffsetSeconds() == null) {
            key += ".unknownOffset";
        }
        long offset = report.clockOffsetSeconds() == null ? 0 : report.clockOffsetSeconds();
        return format(key, report.host(), report.port(), Math.abs(offset), report.httpStatus(),
                report.errorCode() == null ? "" : report.errorCode(), offset > 0 ? 0 : 1);
    }

    /** What to do about it: who to call, what to set. */
    public String action(Diagnosis diagnosis) {
        return format("action." + diagnosis);
    }

    /** The measured clock difference, or that none could be measured. */
    public String clockOffset(ConnectionReport report) {
        if (report.clockOffsetSeconds() == null) {
            return format("clock.unknown");
        }
        long offset = report.clockOffsetSeconds();
        return format(offset == 0 ? "clock.same" : offset > 0 ? "clock.behind" : "clock.ahead", Math.abs(offset));
    }

    /** One line per step, e.g. {@code 域名解析 (DNS)：通过（3 毫秒）127.0.0.1}; no time for a step that did not run. */
    public String stepLine(StepResult step) {
        boolean ran = step.outcome() != StepOutcome.SKIPPED && step.outcome() != StepOutcome.NOT_APPLICABLE;
        return format(ran ? "line.step" : "line.stepNotRun", stepName(step.step()), outcome(step.outcome()),
                step.elapsed().toMillis(), step.detail()).strip();
    }

    /** The whole report as lines: each step, the diagnosis with its code, the action, and the clock. */
    public List<String> lines(ConnectionReport report) {
        List<String> lines = new ArrayList<>();
        for (StepResult step : report.steps()) {
            lines.add(stepLine(step));
        }
        lines.add(diagnosisLine(report));
        lines.add(actionLine(report.diagnosis()));
        lines.add(clockOffset(report));
        return lines;
    }

    /** The sentence with the diagnosis's code, e.g. {@code 诊断（代码 51）：…}. */
    public String diagnosisLine(ConnectionReport report) {
        return format("line.diagnosis", report.diagnosis().code(), sentence(report));
    }

    /** The first line of a test of the built-in demo (no service URL configured): which service was tested. */
    public String demoLine(String baseUrl) {
        return format("line.demo", baseUrl);
    }

    /** The action with its lead-in, e.g. {@code What to do: …}. */
    public String actionLine(Diagnosis diagnosis) {
        return format("line.action", action(diagnosis));
    }

    public Locale locale() {
        return locale;
    }

    private String format(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
