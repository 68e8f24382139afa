package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.verification.EcertListSource;
import com.waiverdesk.verification.FetchedList;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hourly refresh, driven by hand: no thread, no sleep. */
class EcertListRefresherTest {
    @TempDir
    Path dir;

    /** Keeps the repeated task for the test to run. */
    static final class HandTimer implements EcertListRefresher.Timer {
        final List<Duration> periods = new ArrayList<>();
        Runnable task;
        boolean cancelled;
        boolean shutDown;

        @Override
        public Runnable repeat(Duration period, Runnable task) {
            periods.add(period);
            this.task = task;
            return () -> cancelled = true;
        }

        @Override
        public void shutdown() {
            shutDown = true;
        }
    }

    @Test
    void startsOnceHourlyRefreshesAndTellsTheListenerUntilClosed() {
        EcertListStore store = new EcertListStore(dir, com.waiverdesk.verification.ecert.DemoEcertKeys.rootPublicKey(),
                EcertSettings.DEFAULTS, EcertListStoreTest.CLOCK);
        HandTimer timer = new HandTimer();
        List<EcertListStore.Refresh> told = new ArrayList<>();
        EcertListRefresher refresher = new EcertListRefresher(store,
                EcertListStoreTest.serving(EcertListStoreTest.TRUST_NOW, EcertListStoreTest.REVOKED_NOW), timer,
                told::add);

        refresher.start();
        refresher.start();
        timer.task.run();

        assertThat(timer.periods).containsExactly(Duration.ofHours(1));
        assertThat(told).singleElement().satisfies(r -> assertThat(r.freshness().offlineReady()).isTrue());
        refresher.close();
        assertThat(timer.cancelled).isTrue();
        assertThat(timer.shutDown).isTrue();
    }

    @Test
    void aFailingRefreshDoesNotThrowIntoTheTimer() {
        AtomicInteger calls = new AtomicInteger();
        EcertListSource broken = new EcertListSource() {
            @Override
            public FetchedList fetchTrustList() {
                calls.incrementAndGet();
                throw new IllegalStateException("synthetic");
            }

            @Override
            public FetchedList fetchRevocationList() {
                throw new IllegalStateException("synthetic");
            }
        };
        EcertListRefresher refresher = new EcertListRefresher(new EcertListStore(dir, null, EcertSettings.DEFAULTS,
                EcertListStoreTest.CLOCK), broken, new HandTimer(), r -> { });

        refresher.refreshNow();
        refresher.refreshNow();

        assertThat(calls).hasValue(2);
    }
}
