package com.waiverdesk.ui.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * One window's share of the worker pool. It counts the window's tasks still running, so that what the window opened
 * (the audit log its sign-in writes to) is closed after the last of them: a wrong passphrase followed at once by Esc
 * closed the access log while the worker was still recording the failed sign-in, and the event was lost.
 */
public final class WindowWork implements BackgroundRunner {
    private static final System.Logger LOG = System.getLogger(WindowWork.class.getName());
    /** A task that hangs longer than this (a stuck disk) does not keep the window's services open for ever. */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final BackgroundRunner pool;
    private final Duration maxWait;
    private int running; // guarded by this

    public WindowWork(BackgroundRunner pool) {
        this(pool, MAX_WAIT);
    }

    WindowWork(BackgroundRunner pool, Duration maxWait) {
        this.pool = pool;
        this.maxWait = maxWait;
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        synchronized (this) {
            running++;
        }
        pool.run(() -> {
            try {
                return work.call();
            } finally {
                finished();
            }
        }, onSuccess, onFailure);
    }

    private synchronized void finished() {
        running--;
        if (running == 0) {
            notifyAll();
        }
    }

    /** Tasks started through this runner and not yet finished. */
    public synchronized int running() {
        return running;
    }

    /**
     * Runs {@code close} on a thread of its own once every task started so far has finished (or after the longest
     * wait), never on the FX thread and never holding a pool worker the pending tasks may need.
     */
    public void closeAfterRunning(Runnable close) {
        Thread closer = new Thread(() -> {
            try {
                if (!awaitIdle()) {
                    LOG.log(System.Logger.Level.WARNING, "closing a window's services with work still running after "
                            + maxWait.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            close.run();
        }, "window-close");
        closer.setDaemon(true);
        closer.start();
    }

    /** Waits until no task runs; false if the longest wait passed first. */
    synchronized boolean awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (running > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(left / 1_000_000, (int) (left % 1_000_000));
        }
        return true;
    }
}
