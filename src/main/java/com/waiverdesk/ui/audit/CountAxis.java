package com.waiverdesk.ui.audit;

import javafx.scene.chart.NumberAxis;

/**
 * Value axes the supervisor reads without doubt: counts in whole steps (the toolkit's auto-range puts ticks at 0.5
 * for small counts, and half a check means nothing) and percentages on a fixed 0–100 scale (auto-ranged, a 2 % peak
 * filled the chart and looked like a failure wave).
 */
final class CountAxis {
    /** More labels than this on a chart about 150 px high overlap, and the toolkit then drops some (0, 20, 30…). */
    private static final int MAX_TICKS = 6;

    private CountAxis() {
    }

    /** An axis from 0 to 100 in steps of 20. */
    static NumberAxis percent() {
        NumberAxis axis = new NumberAxis(0, 100, 20);
        axis.setAutoRanging(false);
        axis.setMinorTickVisible(false);
        return axis;
    }

    /** An axis for counts, fitted by {@link #fit} whenever its data change. */
    static NumberAxis counts() {
        NumberAxis axis = new NumberAxis(0, 1, 1);
        axis.setAutoRanging(false);
        axis.setMinorTickVisible(false);
        return axis;
    }

    /** Fits a count axis to the greatest value shown. */
    static void fit(NumberAxis axis, long max) {
        long step = step(max);
        axis.setLowerBound(0);
        axis.setUpperBound(upper(max));
        axis.setTickUnit(step);
    }

    /** A whole tick step of 1, 2 or 5 times a power of ten, with at most six steps up to {@code max}. */
    static long step(long max) {
        long step = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (max <= step * factor * MAX_TICKS) {
                    return step * factor;
                }
            }
            step *= 10;
        }
    }

    /** The top of the axis: {@code max} rounded up to a whole step, at least one step. */
    static long upper(long max) {
        long step = step(max);
        return Math.max(step, (max + step - 1) / step * step);
    }
}
