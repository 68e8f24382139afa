package com.waiverdesk.audit;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.sqlite.BusyHandler;

/**
 * Waits for another window's write lock by polling every few milliseconds up to a deadline. SQLite's built-in busy
 * timeout backs off to 100 ms sleeps, which lets a busy neighbour win the lock again and again; short polls hand
 * the lock over within milliseconds of its release.
 */
final class DeadlineBusyHandler extends BusyHandler {
    private static final long MAX_POLL_NANOS = Duration.ofMillis(5).toNanos();

    private final long timeoutNanos;
    private long deadline;

    DeadlineBusyHandler(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    /** Called by SQLite on the thread that wants the lock; {@code previousCalls} is 0 on a new wait. */
    @Override
    protected int callback(int previousCalls) {
        long now = System.nanoTime();
        if (previousCalls == 0) {
            deadline = now + timeoutNanos;
        }
        long left = deadline - now;
        if (left <= 0) {
            return 0;
        }
        LockSupport.parkNanos(Math.min(left, Math.min(MAX_POLL_NANOS, 1_000_000L * (previousCalls + 1))));
        return 1;
    }
}
