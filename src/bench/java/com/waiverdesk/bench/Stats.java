package com.waiverdesk.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of measured samples (nearest rank), for the benchmarks. */
final class Stats {
    private Stats() {
    }

    static double percentile(List<? extends Number> samples, double percent) {
        List<Double> sorted = new ArrayList<>();
        for (Number n : samples) {
            sorted.add(n.doubleValue());
        }
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
