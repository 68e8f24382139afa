package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeskStartTest {
    private final AtomicInteger closed = new AtomicInteger();
    private final CountDownLatch firstClose = new CountDownLatch(1);

    /** A desk whose only resource counts how often it is closed. */
    private Desk countingDesk() {
        return new Desk(null, null, null, null, List.of(() -> {
            closed.incrementAndGet();
            firstClose.countDown();
        }));
    }

    @Test
    void handsOverTheDeskFromItsOwnThread() throws Exception {
        CompletableFuture<String> thread = new CompletableFuture<>();
        Desk made = countingDesk();
        DeskStart start = DeskStart.begin(() -> {
            thread.complete(Thread.currentThread().getName());
            return made;
        });
        CompletableFuture<Desk> got = new CompletableFuture<>();
        start.whenDone((desk, error) -> {
            if (error != null) {
                got.completeExceptionally(error);
            } else {
                got.complete(desk);
            }
        });

        assertThat(got.get(10, TimeUnit.SECONDS)).isSameAs(made);
        assertThat(thread.get()).isEqualTo("desk-wiring");
        assertThat(closed).as("a desk handed over is the taker's to close").hasValue(0);
    }

    @Test
    void handsOverWhyThereIsNoDesk() throws Exception {
        ConfigException why = new ConfigException("No secret stored for account demo");
        DeskStart start = DeskStart.begin(() -> {
            throw why;
        });
        CompletableFuture<Throwable> got = new CompletableFuture<>();
        start.whenDone((desk, error) -> got.complete(desk == null ? error : null));

        assertThat(got.get(10, TimeUnit.SECONDS)).isSameAs(why);
    }

    @Test
    void aDeskAbandonedWhileBeingWiredIsClosedWhenReady() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        DeskStart start = DeskStart.begin(() -> {
            release.await();
            return countingDesk();
        });
        start.abandon();
        assertThat(closed).as("nothing to close yet").hasValue(0);

        release.countDown();

        assertThat(firstClose.await(10, TimeUnit.SECONDS)).as("closed once ready").isTrue();
        assertThat(closed).hasValue(1);
    }

    @Test
    void aReadyDeskAbandonedIsClosedAtOnce() throws Exception {
        DeskStart start = DeskStart.begin(this::countingDesk);
        CountDownLatch done = new CountDownLatch(1);
        start.whenDone((desk, error) -> done.countDown());
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();

        start.abandon();

        assertThat(closed).hasValue(1);
    }
}
