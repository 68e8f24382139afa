package com.waiverdesk.verification;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link Sleeper} whose waits cost no real time but still move the clock the budget is measured on. */
final class FakeSleeper implements Sleeper {
    private final AtomicLong skippedNanos = new AtomicLong();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        skippedNanos.addAndGet(duration.toNanos());
    }

    @Override
    public long nanoTime() {
        return System.nanoTime() + skippedNanos.get();
    }

    List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
