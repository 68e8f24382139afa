package com.waiverdesk.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps its {@code capacity} most recent keys and drops the eldest as a new one comes: most recently put
 * (insertion order) or most recently put or read (access order). Not thread-safe.
 */
public final class RecentMap<K, V> extends LinkedHashMap<K, V> {
    private static final long serialVersionUID = 1L;
    private final int capacity;

    /**
     * @param capacity    how many keys it keeps
     * @param accessOrder whether reading a key makes it recent (otherwise only putting it does)
     */
    public RecentMap(int capacity, boolean accessOrder) {
        super(16, 0.75f, accessOrder);
        if (capacity < 1) {
            throw new IllegalArgumentException("a capacity of at least 1");
        }
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
