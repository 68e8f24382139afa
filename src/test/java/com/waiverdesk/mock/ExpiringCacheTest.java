package com.waiverdesk.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The nonce and answer memory forgets on time and never grows past its bound. */
class ExpiringCacheTest {
    private final MutableClock clock = new MutableClock(MockFixture.NOW);

    @Test
    void keepsTheFirstValueUntilItExpires() {
        ExpiringCache<String> cache = new ExpiringCache<>(clock, Duration.ofMinutes(10), 100);

        assertThat(cache.putIfAbsent("a", "first")).isNull();
        assertThat(cache.putIfAbsent("a", "second")).isEqualTo("first");
        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertThat(cache.get("a")).isEqualTo("first");
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.get("a")).isNull();
        assertThat(cache.putIfAbsent("a", "third")).isNull();
    }

    @Test
    void dropsTheOldestEntriesBeyondItsBound() {
        ExpiringCache<Integer> cache = new ExpiringCache<>(clock, Duration.ofHours(1), 3);
        for (int i = 0; i < 5; i++) {
            cache.putIfAbsent("k" + i, i);
        }

        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.get("k0")).isNull();
        assertThat(cache.get("k4")).isEqualTo(4);
    }

    @Test
    void purgesExpiredEntriesAsNewOnesArrive() {
        ExpiringCache<Integer> cache = new ExpiringCache<>(clock, Duration.ofSeconds(1), 1000);
        for (int i = 0; i < 10; i++) {
            cache.putIfAbsent("old" + i, i);
        }
        clock.advance(Duration.ofSeconds(2));
        cache.putIfAbsent("new", 1);

        assertThat(cache.size()).isEqualTo(1);
    }
}
