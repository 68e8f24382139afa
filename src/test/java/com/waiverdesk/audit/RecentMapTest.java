package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecentMapTest {
    @Test
    void keepsTheLastPutKeysInInsertionOrder() {
        RecentMap<Long, String> map = new RecentMap<>(3, false);
        for (long k = 1; k <= 5; k++) {
            map.put(k, "v" + k);
        }
        map.get(3L);
        map.put(6L, "v6");
        assertThat(map).containsOnlyKeys(4L, 5L, 6L);
    }

    @Test
    void inAccessOrderAKeyReadStaysAndTheLeastRecentlyUsedGoes() {
        RecentMap<Long, String> map = new RecentMap<>(3, true);
        map.put(1L, "a");
        map.put(2L, "b");
        map.put(3L, "c");
        map.get(1L);
        map.put(4L, "d");
        assertThat(map).containsOnlyKeys(1L, 3L, 4L);
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new RecentMap<Long, String>(0, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
