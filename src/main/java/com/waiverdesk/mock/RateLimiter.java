package com.waiverdesk.mock;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A fixed-window request quota per account, so the desk's handling of {@code 429 RATE_LIMITED} can be exercised. */
final class RateLimiter {
    private final Clock clock;
    private final int limit;
    private final long windowMillis;
    private final Map<String, Window> windows = new HashMap<>();

    RateLimiter(Clock clock, int limit, Duration window) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("rate limit needs a positive count and window");
        }
        this.clock = clock;
        this.limit = limit;
        this.windowMillis = window.toMillis();
    }

    /**
     * Counts one request of the account.
     *
     * @return 0 if it is within the quota, else the whole seconds (at least 1) until the window ends
     */
    synchronized long acquire(String accountId) {
        long now = clock.millis();
        Window window = windows.get(accountId);
        if (window == null || now < window.start || now >= window.start + windowMillis) {
            window = new Window(now);
            windows.put(accountId, window);
        }
        if (window.count < limit) {
            window.count++;
            return 0;
        }
        long remaining = window.start + windowMillis - now;
        return Math.max(1, (remaining + 999) / 1000);
    }

    private static final class Window {
        private final long start;
        private int count;

        Window(long start) {
            this.start = start;
        }
    }
}
