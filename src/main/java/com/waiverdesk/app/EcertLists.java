package com.waiverdesk.app;

import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.verification.EcertListSource;
import com.waiverdesk.verification.FetchedList;
import com.waiverdesk.verification.ecert.ListSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The lists an e-certificate is judged with. A process without the window's timer ({@code check}) fetches them at
 * the first certificate it checks, then at most hourly; the window refreshes them at start and hourly on a timer
 * ({@link #refresher}) and never makes a clerk wait for a fetch. Each attempt counts, answered or not, so a service
 * that is down costs one fetch an hour, not one per certificate. Blocking: network, disk, SM2.
 */
final class EcertLists {
    /** Failures that say the service cannot be reached now: the rest of this check need not wait for it again. */
    private static final Set<ServiceFailure> UNREACHABLE = Set.of(ServiceFailure.TIMEOUT, ServiceFailure.UNREACHABLE);

    private final EcertListStore store;
    private final EcertListSource source;
    private final Clock clock;
    private Instant lastAttempt;
    private volatile boolean watched;

    EcertLists(EcertListStore store, EcertListSource source, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The lists held now, for one check.
     *
     * @param snapshot           the lists, refreshed first when this process has no timer and made no attempt
     *                           within the hour
     * @param serviceUnreachable that refresh, just now, could not reach the service (timeout, no connection): the
     *                           check decides offline rather than wait for the status call's budget as well
     */
    record Current(ListSnapshot snapshot, boolean serviceUnreachable) {
    }

    Current current() {
        boolean unreachable = false;
        synchronized (this) {
            Instant now = clock.instant();
            if (!watched && (lastAttempt == null || !now.isBefore(lastAttempt.plus(EcertListRefresher.PERIOD)))) {
                lastAttempt = now;
                FirstFailure fetch = new FirstFailure(source);
                store.refresh(fetch);
                unreachable = fetch.unreachable;
            }
        }
        return new Current(store.snapshot(), unreachable);
    }

    EcertListStore.Freshness freshness() {
        return store.freshness();
    }

    /**
     * A timer that refreshes now and hourly, telling {@code listener} the freshness each time; not started. From
     * then on a check never fetches the lists itself.
     */
    EcertListRefresher refresher(Consumer<EcertListStore.Freshness> listener) {
        watched = true;
        return new EcertListRefresher(store, source, EcertListRefresher.daemonTimer(),
                refresh -> listener.accept(refresh.freshness()));
    }

    /** Fetches the trust list; when that found the service unreachable, does not try the revocation list too. */
    private static final class FirstFailure implements EcertListSource {
        private final EcertListSource source;
        private FetchedList trust;
        private boolean unreachable;

        FirstFailure(EcertListSource source) {
            this.source = source;
        }

        @Override
        public FetchedList fetchTrustList() {
            trust = source.fetchTrustList();
            unreachable = !trust.fetched() && UNREACHABLE.contains(trust.failure());
            return trust;
        }

        @Override
        public FetchedList fetchRevocationList() {
            return unreachable ? new FetchedList(null, trust.failure(), trust.errorCode())
                    : source.fetchRevocationList();
        }
    }
}
