package com.waiverdesk.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.audit.AuditCharts;
import com.waiverdesk.audit.AuditCharts.DayCount;
import com.waiverdesk.audit.AuditCharts.DayFailures;
import com.waiverdesk.domain.DecisionKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Long spans are charted per week or month, with every check and failure counted once. */
class ChartPeriodsTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

    @Test
    void upToSixWeeksStaysPerDay() {
        AuditCharts charts = charts(MONDAY, MONDAY.plusDays(ChartPeriods.MAX_DAYS - 1));
        ChartPeriods.Grouped grouped = ChartPeriods.group(charts);
        assertThat(grouped.period()).isEqualTo(ChartPeriods.Period.DAY);
        assertThat(grouped.counts()).containsExactlyElementsOf(charts.perDay());
        assertThat(grouped.failures()).containsExactlyElementsOf(charts.failureRate());
    }

    @Test
    void aFewMonthsArePerWeekFromMonday() {
        LocalDate wednesday = MONDAY.plusDays(2);
        AuditCharts charts = charts(wednesday, wednesday.plusDays(99));
        ChartPeriods.Grouped grouped = ChartPeriods.group(charts);

        assertThat(grouped.period()).isEqualTo(ChartPeriods.Period.WEEK);
        assertThat(grouped.counts()).allMatch(c -> c.day().getDayOfWeek() == java.time.DayOfWeek.MONDAY);
        // the first week holds Wednesday to Sunday: 5 days of 3 WAIVE and 1 CHARGE each
        assertThat(grouped.counts()).contains(new DayCount(MONDAY, DecisionKind.WAIVE, 15),
                new DayCount(MONDAY, DecisionKind.CHARGE, 5));
        assertThat(grouped.failures().get(0)).isEqualTo(new DayFailures(MONDAY, 20, 5));
        assertSameTotals(charts, grouped);
    }

    @Test
    void twoYearsArePerMonth() {
        AuditCharts charts = charts(LocalDate.of(2024, 12, 16), LocalDate.of(2026, 11, 30));
        ChartPeriods.Grouped grouped = ChartPeriods.group(charts);

        assertThat(grouped.period()).isEqualTo(ChartPeriods.Period.MONTH);
        assertThat(grouped.failures()).hasSize(24).allMatch(f -> f.day().getDayOfMonth() == 1);
        assertThat(grouped.failures().get(0)).isEqualTo(new DayFailures(LocalDate.of(2024, 12, 1), 16 * 4, 16));
        assertSameTotals(charts, grouped);
    }

    @Test
    void noDataIsAnEmptyDayChart() {
        ChartPeriods.Grouped grouped = ChartPeriods.group(new AuditCharts(List.of(), List.of(), List.of()));
        assertThat(grouped.period()).isEqualTo(ChartPeriods.Period.DAY);
        assertThat(grouped.counts()).isEmpty();
        assertThat(grouped.failures()).isEmpty();
    }

    /** Every day from {@code first} to {@code last}: 3 WAIVE, 1 CHARGE; 4 checks sent, 1 failed. */
    private static AuditCharts charts(LocalDate first, LocalDate last) {
        List<DayCount> counts = new ArrayList<>();
        List<DayFailures> failures = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            counts.add(new DayCount(day, DecisionKind.WAIVE, 3));
            counts.add(new DayCount(day, DecisionKind.CHARGE, 1));
            failures.add(new DayFailures(day, 4, 1));
        }
        return new AuditCharts(counts, failures, List.of());
    }

    private static void assertSameTotals(AuditCharts charts, ChartPeriods.Grouped grouped) {
        for (DecisionKind kind : DecisionKind.values()) {
            assertThat(grouped.counts().stream().filter(c -> c.decision() == kind).mapToLong(DayCount::count).sum())
                    .isEqualTo(charts.perDay().stream().filter(c -> c.decision() == kind)
                            .mapToLong(DayCount::count).sum());
        }
        assertThat(grouped.failures().stream().mapToLong(DayFailures::checks).sum())
                .isEqualTo(charts.failureRate().stream().mapToLong(DayFailures::checks).sum());
        assertThat(grouped.failures().stream().mapToLong(DayFailures::failures).sum())
                .isEqualTo(charts.failureRate().stream().mapToLong(DayFailures::failures).sum());
    }
}
