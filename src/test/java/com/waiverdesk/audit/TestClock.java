package com.waiverdesk.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock the test moves by hand, in Shanghai time (where the desk's calendar days are). */
final class TestClock extends Clock {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private Instant now;

    TestClock(Instant start) {
        this.now = start;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return SHANGHAI;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the tests use Shanghai time only");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
