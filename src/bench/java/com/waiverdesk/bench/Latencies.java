package com.waiverdesk.bench;

import java.util.Arrays;
import java.util.Collection;

/** Many latency samples in nanoseconds, cheaply (a benchmark thread records tens of thousands a minute). */
final class Latencies {
    private long[] nanos = new long[4096];
    private int size;

    void add(long sample) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = sample;
    }

    int count() {
        return size;
    }

    static Latencies merged(Collection<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies p : parts) {
            for (int i = 0; i < p.size; i++) {
                all.add(p.nanos[i]);
            }
        }
        return all;
    }

    /** Nearest-rank percentile in milliseconds (as {@link Stats#percentile}); NaN without samples. */
    double percentileMs(double percent) {
        return size == 0 ? Double.NaN : rank(sorted(), percent);
    }

    /** {@code p50 … p90 … p99 … p99.9 … max …} in ms, and the count. */
    String summary() {
        if (size == 0) {
            return "no samples";
        }
        long[] sorted = sorted();
        return String.format("p50 %7.2f  p90 %7.2f  p99 %7.2f  p99.9 %7.2f  max %7.2f  (%,d)", rank(sorted, 50),
                rank(sorted, 90), rank(sorted, 99), rank(sorted, 99.9), sorted[size - 1] / 1e6, size);
    }

    private long[] sorted() {
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        return sorted;
    }

    private static double rank(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
