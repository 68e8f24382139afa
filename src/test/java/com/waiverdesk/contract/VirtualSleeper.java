package com.waiverdesk.contract;

import com.waiverdesk.verification.Sleeper;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link Sleeper} whose waits cost no real time but still move the clock the client's budget is measured on. */
final class VirtualSleeper implements Sleeper {
    private final AtomicLong skippedNanos = new AtomicLong();

    @Override
    public void sleep(Duration duration) {
        skippedNanos.addAndGet(duration.toNanos());
    }

    @Override
    public long nanoTime() {
        return System.nanoTime() + skippedNanos.get();
    }
}
