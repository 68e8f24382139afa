package com.waiverdesk.verification;

import java.time.Duration;

/**
 * How the client waits between tries and reads the monotonic time its budget is measured on; one seam, so a test
 * can make a backoff cost no real time while the budget still sees it pass.
 */
public interface Sleeper {
    /** The real thing: {@link Thread#sleep} and {@link System#nanoTime}. */
    Sleeper SYSTEM = new Sleeper() {
        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis());
        }
    };

    void sleep(Duration duration) throws InterruptedException;

    /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
    default long nanoTime() {
        return System.nanoTime();
    }
}
