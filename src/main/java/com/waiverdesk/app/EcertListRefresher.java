package com.waiverdesk.app;

import com.waiverdesk.verification.EcertListSource;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Fetches the e-certificate lists at start and then hourly while the desk runs, on a timer thread of its own (never
 * the FX thread), and tells a listener each time, so the status bar can show the lists' freshness.
 */
public final class EcertListRefresher implements AutoCloseable {
    public static final Duration PERIOD = Duration.ofHours(1);
    private static final System.Logger LOG = System.getLogger(EcertListRefresher.class.getName());

    /** Runs a task now and then every period until cancelled; a test runs it by hand. */
    public interface Timer {
        /** @return what cancels the repetition */
        Runnable repeat(Duration period, Runnable task);

        /** Stops the timer's thread, if it has one. */
        default void shutdown() {
        }
    }

    private final EcertListStore store;
    private final EcertListSource source;
    private final Timer timer;
    private final Consumer<EcertListStore.Refresh> listener;
    private Runnable cancel;

    /** @param listener told after each refresh, on the timer's thread (the window hands it to the FX thread) */
    public EcertListRefresher(EcertListStore store, EcertListSource source, Timer timer,
                              Consumer<EcertListStore.Refresh> listener) {
        this.store = Objects.requireNonNull(store, "store");
        this.source = Objects.requireNonNull(source, "source");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A timer on one daemon thread named {@code ecert-lists}. */
    public static Timer daemonTimer() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ecert-lists");
            thread.setDaemon(true);
            return thread;
        });
        return new Timer() {
            @Override
            public Runnable repeat(Duration period, Runnable task) {
                ScheduledFuture<?> future = executor.scheduleWithFixedDelay(task, 0, period.toMillis(),
                        TimeUnit.MILLISECONDS);
                return () -> future.cancel(false);
            }

            @Override
            public void shutdown() {
                executor.shutdownNow();
            }
        };
    }

    /** Starts: a refresh now, then one every hour. A second call does nothing. */
    public synchronized void start() {
        if (cancel == null) {
            cancel = timer.repeat(PERIOD, this::refreshNow);
        }
    }

    /** Stops the hourly refresh; a refresh already running finishes. */
    public synchronized void stop() {
        if (cancel != null) {
            cancel.run();
            cancel = null;
        }
    }

    /** One refresh, now, on the caller's thread; never throws, so the timer keeps running. Blocking. */
    public void refreshNow() {
        try {
            listener.accept(store.refresh(source));
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: the lists would silently age
            LOG.log(System.Logger.Level.WARNING, "e-certificate list refresh failed", e);
        }
    }

    /** Stops and ends the timer's thread. */
    @Override
    public void close() {
        stop();
        timer.shutdown();
    }
}
