package com.waiverdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A window's services close after its last running task (the failed sign-in being recorded), not during it. */
class WindowWorkTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    /** Work on the pool; the hand-back on the same worker (no toolkit here). */
    private final BackgroundRunner runner = new BackgroundRunner() {
        @Override
        public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onSuccess,
                            java.util.function.Consumer<Throwable> onFailure) {
            pool.execute(() -> {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
        }
    };

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void closesOnlyAfterTheTaskStillRecordingHasFinished() throws Exception {
        WindowWork work = new WindowWork(runner);
        CountDownLatch recording = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        AtomicBoolean recordedBeforeClose = new AtomicBoolean();
        AtomicBoolean closedFlag = new AtomicBoolean();
        CountDownLatch closed = new CountDownLatch(1);
        work.run(() -> {
            recording.countDown();
            mayFinish.await();
            recordedBeforeClose.set(!closedFlag.get());
            return null;
        }, done -> { }, error -> { });
        assertThat(recording.await(5, TimeUnit.SECONDS)).isTrue();

        work.closeAfterRunning(() -> {
            closedFlag.set(true);
            closed.countDown();
        });

        assertThat(closed.await(300, TimeUnit.MILLISECONDS)).as("not while the task runs").isFalse();
        assertThat(work.running()).isEqualTo(1);
        mayFinish.countDown();
        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(recordedBeforeClose.get()).isTrue();
        assertThat(work.running()).isZero();
    }

    @Test
    void withNothingRunningItClosesAtOnceAndAFailedTaskCountsAsFinished() throws Exception {
        WindowWork work = new WindowWork(runner);
        CountDownLatch failed = new CountDownLatch(1);
        work.run(() -> {
            throw new IllegalStateException("synthetic");
        }, done -> { }, error -> failed.countDown());
        assertThat(failed.await(5, TimeUnit.SECONDS)).isTrue();
        CountDownLatch closed = new CountDownLatch(1);

        work.closeAfterRunning(closed::countDown);

        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aTaskThatNeverEndsDoesNotKeepTheServicesOpenForEver() throws Exception {
        WindowWork work = new WindowWork(runner, Duration.ofMillis(200));
        CountDownLatch never = new CountDownLatch(1);
        work.run(() -> {
            never.await();
            return null;
        }, done -> { }, error -> { });
        CountDownLatch closed = new CountDownLatch(1);

        work.closeAfterRunning(closed::countDown);

        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(work.running()).isEqualTo(1);
    }
}
