package com.waiverdesk.app;

import com.waiverdesk.verification.EcertListSource;
import com.waiverdesk.verification.ecert.ListSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The lists an e-certificate is judged with, fetched when due: at the first certificate a process checks (so each
 * {@code check} run asks the service once), then at most hourly; the window also refreshes them at start and hourly
 * on a timer ({@link #refresher}). Each attempt counts, answered or not, so a service that is down costs one list
 * fetch an hour, not one per certificate. Blocking: network, disk, SM2.
 */
final class EcertLists {
    private final EcertListStore store;
    private final EcertListSource source;
    private final Clock clock;
    private Instant lastAttempt;

    EcertLists(EcertListStore store, EcertListSource source, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The lists held now, refreshed first when no attempt was made within the hour. */
    ListSnapshot current() {
        synchronized (this) {
            Instant now = clock.instant();
            if (lastAttempt == null || !now.isBefore(lastAttempt.plus(EcertListRefresher.PERIOD))) {
                lastAttempt = now;
                store.refresh(source);
            }
        }
        return store.snapshot();
    }

    EcertListStore.Freshness freshness() {
        return store.freshness();
    }

    /** A timer that refreshes now and hourly, telling {@code listener} the freshness each time; not started. */
    EcertListRefresher refresher(Consumer<EcertListStore.Freshness> listener) {
        return new EcertListRefresher(store, source,
                EcertListRefresher.daemonTimer(), refresh -> {
                    synchronized (this) {
                        lastAttempt = clock.instant();
                    }
                    listener.accept(refresh.freshness());
                });
    }
}
