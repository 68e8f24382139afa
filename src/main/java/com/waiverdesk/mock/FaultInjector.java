package com.waiverdesk.mock;

import java.security.SecureRandom;
import java.util.Random;

/**
 * Draws the fault of each request from a {@link FaultSpec}. Every request takes the same number of draws from one
 * seeded generator, so a seed gives the same sequence of faults for the same sequence of requests.
 */
final class FaultInjector {
    private final FaultSpec spec;
    private final Random random;

    FaultInjector(FaultSpec spec) {
        this.spec = spec;
        // java.util.Random's sequence is fixed by its specification, so a seed reproduces on every JVM.
        this.random = new Random(spec.seed() != null ? spec.seed() : new SecureRandom().nextLong());
    }

    synchronized Fault next() {
        double pick = random.nextDouble();
        double jitter = random.nextDouble();
        MalformedShape[] shapes = MalformedShape.values();
        MalformedShape shape = shapes[random.nextInt(shapes.length)];
        long delay = spec.latency().toMillis() + Math.round(jitter * spec.jitter().toMillis());
        double bound = spec.hangRate();
        if (pick < bound) {
            return new Fault(Fault.Kind.HANG, spec.hangTime().toMillis(), null,
                    MockReply.error(504, "GATEWAY_TIMEOUT", "the service did not answer in time"));
        }
        bound += spec.errorRate();
        if (pick < bound) {
            return new Fault(Fault.Kind.ERROR, delay, null, MockReply.error(spec.errorStatus(),
                    errorCode(spec.errorStatus()), "injected fault"));
        }
        bound += spec.rateLimitRate();
        if (pick < bound) {
            return new Fault(Fault.Kind.RATE_LIMIT, delay, null,
                    RejectedRequest.rateLimited(spec.retryAfterSeconds()).reply());
        }
        bound += spec.malformedRate();
        if (pick < bound) {
            return new Fault(Fault.Kind.MALFORMED, delay,
                    spec.malformedShape() != null ? spec.malformedShape() : shape, null);
        }
        return new Fault(Fault.Kind.NONE, delay, null, null);
    }

    private static String errorCode(int status) {
        switch (status) {
            case 500:
                return "INTERNAL_ERROR";
            case 502:
                return "BAD_GATEWAY";
            case 503:
                return "SERVICE_UNAVAILABLE";
            case 504:
                return "GATEWAY_TIMEOUT";
            default:
                return "SERVER_ERROR";
        }
    }

    /**
     * What happens to one request.
     *
     * @param delayMillis how long the reply is held back
     * @param shape       the broken body that replaces the real reply, for {@link Kind#MALFORMED} only
     * @param replacement the reply sent without processing the request (error, 429, 504 after a hang), or null
     */
    record Fault(Kind kind, long delayMillis, MalformedShape shape, MockReply replacement) {
        enum Kind { NONE, HANG, ERROR, RATE_LIMIT, MALFORMED }
    }
}
