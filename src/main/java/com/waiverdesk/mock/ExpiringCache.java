package com.waiverdesk.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * A bounded map whose entries expire a fixed time after they were stored, by the mock's clock: the memory of seen
 * nonces and of first answers, which must neither forget too early nor grow without limit.
 */
final class ExpiringCache<V> {
    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final LinkedHashMap<String, Entry<V>> entries = new LinkedHashMap<>();

    ExpiringCache(Clock clock, Duration ttl, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
        }
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    /** The live value stored under the key, or {@code null}. */
    synchronized V get(String key) {
        Entry<V> entry = entries.get(key);
        return entry == null || entry.expiredAt(clock.instant()) ? null : entry.value;
    }

    /**
     * Stores the value unless a live one is already there.
     *
     * @return the value that was already there, or {@code null} if this one was stored
     */
    synchronized V putIfAbsent(String key, V value) {
        Instant now = clock.instant();
        purge(now);
        Entry<V> existing = entries.get(key);
        if (existing != null && !existing.expiredAt(now)) {
            return existing.value;
        }
        entries.remove(key);
        Iterator<String> oldest = entries.keySet().iterator();
        while (entries.size() >= maxEntries) {
            oldest.next();
            oldest.remove();
        }
        entries.put(key, new Entry<>(value, now.plus(ttl)));
        return null;
    }

    synchronized int size() {
        purge(clock.instant());
        return entries.size();
    }

    /**
     * Drops expired entries from the oldest end. Insertion order is expiry order as long as the clock does not run
     * backwards; {@link #get} checks each entry anyway.
     */
    private void purge(Instant now) {
        Iterator<Entry<V>> it = entries.values().iterator();
        while (it.hasNext() && it.next().expiredAt(now)) {
            it.remove();
        }
    }

    private static final class Entry<V> {
        private final V value;
        private final Instant expires;

        Entry(V value, Instant expires) {
            this.value = value;
            this.expires = expires;
        }

        boolean expiredAt(Instant now) {
            return !now.isBefore(expires);
        }
    }
}
