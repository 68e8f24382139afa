package com.waiverdesk.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyRegistryTest {
    private final SyntheticRegistry registry = new SyntheticRegistry(List.of(), List.of());

    @Test
    void readsOnceWhenManyAskAtTheSameTime() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch asked = new CountDownLatch(1);
        LazyRegistry lazy = new LazyRegistry(() -> {
            reads.incrementAndGet();
            try {
                asked.await(); // every caller is waiting on this read before it ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return registry;
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SyntheticRegistry>> got = List.of(pool.submit(lazy::get), pool.submit(lazy::get),
                    pool.submit(lazy::get), pool.submit(lazy::get));
            asked.countDown();
            for (Future<SyntheticRegistry> each : got) {
                assertThat(each.get()).isSameAs(registry);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(reads).hasValue(1);
        assertThat(lazy.isRead()).isTrue();
    }

    @Test
    void isNotReadUntilAsked() {
        AtomicInteger reads = new AtomicInteger();
        LazyRegistry lazy = new LazyRegistry(() -> {
            reads.incrementAndGet();
            return registry;
        });

        assertThat(lazy.isRead()).isFalse();
        assertThat(reads).hasValue(0);
        assertThat(lazy.get()).isSameAs(registry);
        assertThat(lazy.get()).isSameAs(registry);
        assertThat(reads).hasValue(1);
    }

    @Test
    void oneGivenReadIsReadAlready() {
        assertThat(LazyRegistry.of(registry).isRead()).isTrue();
        assertThat(LazyRegistry.of(registry).get()).isSameAs(registry);
    }
}
