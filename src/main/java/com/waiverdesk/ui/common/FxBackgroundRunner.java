package com.waiverdesk.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/** The production runner: a small daemon pool for the work, {@link Platform#runLater} for the hand-back. */
public final class FxBackgroundRunner implements BackgroundRunner, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FxBackgroundRunner.class.getName());
    private final ExecutorService pool;

    public FxBackgroundRunner() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "desk-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        pool = Executors.newFixedThreadPool(3, factory);
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        try {
            execute(work, onSuccess, onFailure);
        } catch (RejectedExecutionException closed) {
            // the window is closing: a timer that fires now (the next health check) has nothing left to do
            LOG.log(System.Logger.Level.DEBUG, "background work after close dropped");
        }
    }

    private <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        pool.execute(() -> {
            try {
                T value = work.call();
                Platform.runLater(() -> onSuccess.accept(value));
            } catch (Exception | Error e) {
                LOG.log(System.Logger.Level.DEBUG, "background work failed", e);
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
