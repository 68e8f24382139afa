package com.waiverdesk.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The per-account quota counts each account alone and says how long to wait. */
class RateLimiterTest {
    private final MutableClock clock = new MutableClock(MockFixture.NOW);
    private final RateLimiter limiter = new RateLimiter(clock, 2, Duration.ofMinutes(1));

    @Test
    void refusesBeyondTheQuotaUntilTheWindowEnds() {
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        clock.advance(Duration.ofMillis(59_001));

        assertThat(limiter.acquire("a")).isEqualTo(1);
        assertThat(limiter.acquire("b")).isZero();
        clock.advance(Duration.ofMillis(999));
        assertThat(limiter.acquire("a")).isZero();
    }

    @Test
    void roundsTheWaitUp() {
        limiter.acquire("a");
        limiter.acquire("a");
        clock.advance(Duration.ofMillis(500));

        assertThat(limiter.acquire("a")).isEqualTo(60);
    }
}
