package com.waiverdesk.verification;

import com.waiverdesk.domain.ServiceFailure;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;

/**
 * Sends one signed request with the retries the spec's error table allows inside one time budget: the HTTP half of
 * the client, kept apart from what a reply body means.
 */
final class RetryingSender {
    private static final long FIRST_BACKOFF_MILLIS = 200;
    private static final long MAX_BACKOFF_MILLIS = 2_000;
    /** Waiting is only worth it if this much budget is left for the try after the wait. */
    private static final long MIN_TRY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAX_RETRY_AFTER_SECONDS = 3_600;
    private static final System.Logger LOG = System.getLogger(RetryingSender.class.getName());

    private final SignedAttempt attempt;
    private final long budgetNanos;
    private final Sleeper sleeper;
    private final ReplyParser parser;

    RetryingSender(SignedAttempt attempt, Duration budget, Sleeper sleeper, ReplyParser parser) {
        this.attempt = attempt;
        this.budgetNanos = budget.toNanos();
        this.sleeper = sleeper;
        this.parser = parser;
    }

    /** The last reply or failure; a {@code 200} comes back with its body, anything else as a failure. */
    Reply send(String method, HttpUrl url, byte[] body, String requestId) {
        long start = sleeper.nanoTime();
        long deadline = start + budgetNanos;
        int attempts = 0;
        int conflicts = 0;
        int backoffStep = 0;
        ServiceFailure failure = ServiceFailure.TIMEOUT;
        String errorCode = null;
        String detail = "no time for a first try";
        while (deadline - sleeper.nanoTime() > 0) {
            SignedAttempt.Result a = attempt.run(method, url, body, requestId, deadline - sleeper.nanoTime());
            attempts++;
            LOG.log(System.Logger.Level.DEBUG, "request {0} try {1}: {2}", requestId, attempts, a.describe());
            if (a.status() == 200) {
                if (a.body() == null) {
                    return Reply.failed(ServiceFailure.MALFORMED_REPLY, null, "body over 1 MiB", attempts,
                            millisSince(start));
                }
                return Reply.ok(a.contentType(), a.body(), attempts, millisSince(start));
            }
            errorCode = a.body() == null ? null : parser.errorCode(a.body());
            detail = a.describe();
            Long waitMillis = null;
            if (a.status() < 0) {
                boolean timedOut = a.timedOut() || deadline - sleeper.nanoTime() <= 0;
                failure = timedOut ? ServiceFailure.TIMEOUT : ServiceFailure.UNREACHABLE;
                // a certificate that is not trusted, expired or pinned otherwise will not change by the next try
                boolean tls = a.ioProblem() != null && a.ioProblem().startsWith("TLS:");
                waitMillis = timedOut || tls ? null : backoffMillis(backoffStep++);
            } else if (a.status() == 400) {
                failure = ServiceFailure.REQUEST_REJECTED;
            } else if (a.status() == 401) {
                failure = "CLOCK_SKEW".equals(errorCode) ? ServiceFailure.CLOCK_SKEW
                        : ServiceFailure.AUTHENTICATION_FAILED;
            } else if (a.status() == 403) {
                failure = ServiceFailure.FORBIDDEN;
            } else if (a.status() == 409) {
                failure = ServiceFailure.NONCE_REUSED;
                waitMillis = ++conflicts > 1 ? null : 0L;
            } else if (a.status() == 429) {
                failure = ServiceFailure.RATE_LIMITED;
                waitMillis = retryAfterMillis(a.retryAfter());
            } else if (a.status() == 500 || a.status() == 502 || a.status() == 503 || a.status() == 504) {
                failure = ServiceFailure.SERVER_ERROR;
                waitMillis = backoffMillis(backoffStep++);
            } else {
                failure = ServiceFailure.UNEXPECTED_STATUS;
            }
            long remaining = deadline - sleeper.nanoTime();
            if (waitMillis == null || TimeUnit.MILLISECONDS.toNanos(waitMillis) + MIN_TRY_NANOS > remaining) {
                break;
            }
            try {
                sleeper.sleep(Duration.ofMillis(waitMillis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Reply.failed(failure, errorCode, detail, attempts, millisSince(start));
    }

    /** Exponential from 200 ms, capped at 2 s, with the upper half jittered so desks do not retry in step. */
    private static long backoffMillis(int step) {
        long full = Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(step, 10));
        return full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1);
    }

    /** Whole seconds only, as the spec says; an absent or other form means "do not come back soon": give up. */
    private static Long retryAfterMillis(String header) {
        if (header == null || !header.trim().matches("\\d{1,9}")) {
            return null;
        }
        long seconds = Long.parseLong(header.trim());
        return seconds > MAX_RETRY_AFTER_SECONDS ? null : seconds * 1000;
    }

    private long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(sleeper.nanoTime() - startNanos);
    }

    /** What {@link #send} ends in. */
    record Reply(String contentType, byte[] body, ServiceFailure failure, String errorCode, String detail,
                 int attempts, long elapsedMillis) {
        static Reply ok(String contentType, byte[] body, int attempts, long elapsedMillis) {
            return new Reply(contentType, body, null, null, "HTTP 200", attempts, elapsedMillis);
        }

        static Reply failed(ServiceFailure failure, String errorCode, String detail, int attempts,
                            long elapsedMillis) {
            return new Reply(null, null, failure, errorCode, detail, attempts, elapsedMillis);
        }
    }
}
