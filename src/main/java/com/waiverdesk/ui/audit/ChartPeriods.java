package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.AuditCharts;
import com.waiverdesk.audit.AuditCharts.DayCount;
import com.waiverdesk.audit.AuditCharts.DayFailures;
import com.waiverdesk.domain.DecisionKind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups the per-day series into weeks or months when a filter spans more days than a chart can show as bars: two
 * years of days are 700 bars no one can read (and thousands of nodes the window must hold). Days up to six weeks,
 * weeks (starting Monday) up to about nine months, months beyond.
 */
final class ChartPeriods {
    static final long MAX_DAYS = 45;
    static final long MAX_WEEKS_SPAN_DAYS = 270;

    enum Period { DAY, WEEK, MONTH }

    /** The series grouped by {@code period}; each point's date is the first day of its period. */
    record Grouped(Period period, List<DayCount> counts, List<DayFailures> failures) {
    }

    private ChartPeriods() {
    }

    static Period choose(List<LocalDate> days) {
        if (days.isEmpty()) {
            return Period.DAY;
        }
        LocalDate first = days.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate last = days.stream().max(LocalDate::compareTo).orElseThrow();
        long span = ChronoUnit.DAYS.between(first, last) + 1;
        return span <= MAX_DAYS ? Period.DAY : span <= MAX_WEEKS_SPAN_DAYS ? Period.WEEK : Period.MONTH;
    }

    static LocalDate start(Period period, LocalDate day) {
        return switch (period) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    static Grouped group(AuditCharts charts) {
        List<LocalDate> days = new ArrayList<>();
        charts.perDay().forEach(c -> days.add(c.day()));
        charts.failureRate().forEach(f -> days.add(f.day()));
        Period period = choose(days);
        Map<LocalDate, long[]> counts = new TreeMap<>();
        for (DayCount count : charts.perDay()) {
            counts.computeIfAbsent(start(period, count.day()), d -> new long[DecisionKind.values().length])
                    [count.decision().ordinal()] += count.count();
        }
        List<DayCount> groupedCounts = new ArrayList<>();
        counts.forEach((day, perKind) -> {
            for (DecisionKind kind : DecisionKind.values()) {
                if (perKind[kind.ordinal()] > 0) {
                    groupedCounts.add(new DayCount(day, kind, perKind[kind.ordinal()]));
                }
            }
        });
        Map<LocalDate, long[]> failures = new TreeMap<>();
        for (DayFailures day : charts.failureRate()) {
            long[] sums = failures.computeIfAbsent(start(period, day.day()), d -> new long[2]);
            sums[0] += day.checks();
            sums[1] += day.failures();
        }
        List<DayFailures> groupedFailures = new ArrayList<>();
        failures.forEach((day, sums) -> groupedFailures.add(new DayFailures(day, sums[0], sums[1])));
        return new Grouped(period, List.copyOf(groupedCounts), List.copyOf(groupedFailures));
    }
}
