package com.waiverdesk.mock;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The failures the mock injects, parsed from the {@code --faults} option, so that demos and tests can show how the
 * desk behaves when the municipal service is slow, broken or overloaded.
 *
 * <p>Syntax: comma-separated {@code key=value} parts in any order, each key at most once; an empty spec or
 * {@code none} injects nothing. Durations are whole {@code ms} or {@code s}; rates are numbers from 0 to 1.
 * <pre>
 * latency=200ms          fixed delay before every reply
 * jitter=50ms            plus a random delay, uniform in [0, jitter]
 * error=0.1[:503]        share of requests answered with that status (500..599, default 503) and an error body
 * malformed=0.05[:SHAPE] share answered 200 with a broken body; SHAPE is truncated, wrong-types, unknown-result
 *                        or html (default: a random shape each time)
 * ratelimit=0.02[:3]     share answered 429 RATE_LIMITED with that Retry-After in seconds (default 1)
 * timeout=0.01[:60s]     share that hang: no reply for that long (default 60 s, beyond any client budget), then 504
 * seed=42                makes the sequence of faults reproducible
 * </pre>
 * The four rates are exclusive (one request gets at most one of these faults) and add up to at most 1. Example:
 * {@code latency=200ms,jitter=50ms,error=0.1:503,malformed=0.05,ratelimit=0.02:3,timeout=0.01,seed=42}.
 *
 * @param malformedShape the one shape to send, or {@code null} for a random shape each time
 * @param seed           {@code null} for a different sequence on every start
 */
public record FaultSpec(Duration latency, Duration jitter, double errorRate, int errorStatus,
                        double malformedRate, MalformedShape malformedShape, double rateLimitRate,
                        int retryAfterSeconds, double hangRate, Duration hangTime, Long seed) {
    static final FaultSpec NONE = new FaultSpec(Duration.ZERO, Duration.ZERO, 0, 503, 0, null, 0, 1, 0,
            Duration.ofSeconds(60), null);

    public FaultSpec {
        if (errorRate + malformedRate + rateLimitRate + hangRate > 1.0 + 1e-9) {
            throw new IllegalArgumentException("fault spec: the rates of error, malformed, ratelimit and timeout add "
                    + "up to more than 1");
        }
    }

    public static FaultSpec none() {
        return NONE;
    }

    /** Parses the {@code --faults} syntax above; an {@link IllegalArgumentException} names the bad part. */
    public static FaultSpec parse(String spec) {
        return FaultSpecParser.parse(spec);
    }

    /** True when no request is delayed or failed, whatever the seed. */
    public boolean isNone() {
        return latency.isZero() && jitter.isZero() && errorRate == 0 && malformedRate == 0 && rateLimitRate == 0
                && hangRate == 0;
    }

    /** The spec in the syntax above, so that {@code parse(spec.toString())} gives the same spec. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (!latency.isZero()) {
            parts.add("latency=" + format(latency));
        }
        if (!jitter.isZero()) {
            parts.add("jitter=" + format(jitter));
        }
        if (errorRate > 0) {
            parts.add("error=" + rate(errorRate) + ":" + errorStatus);
        }
        if (malformedRate > 0) {
            String shape = malformedShape == null ? "" : ":" + malformedShape.specName();
            parts.add("malformed=" + rate(malformedRate) + shape);
        }
        if (rateLimitRate > 0) {
            parts.add("ratelimit=" + rate(rateLimitRate) + ":" + retryAfterSeconds);
        }
        if (hangRate > 0) {
            parts.add("timeout=" + rate(hangRate) + ":" + format(hangTime));
        }
        if (seed != null) {
            parts.add("seed=" + seed);
        }
        return parts.isEmpty() ? "none" : String.join(",", parts);
    }

    private static String rate(double r) {
        return BigDecimal.valueOf(r).stripTrailingZeros().toPlainString();
    }

    private static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
