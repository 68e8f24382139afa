package com.waiverdesk.audit;

import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The series behind the supervisor's charts, for one filter; days are workstation-local calendar days.
 *
 * @param perDay         checks per day by decision
 * @param failureRate    per day: all checks that reached the service, and those it failed (CANNOT_VERIFY)
 * @param perOperator    checks per operator, most first
 * @param perChannel     checks per channel (an entry from before channels were recorded counts as a live query), most
 *                       first; channels without a check are left out
 * @param perWorkstation checks per workstation (window), most first; empty from a workstation's own log, which holds
 *                       one window
 */
public record AuditCharts(List<DayCount> perDay, List<DayFailures> failureRate, List<OperatorCount> perOperator,
                          List<ChannelCount> perChannel, List<WorkstationCount> perWorkstation) {
    public AuditCharts {
        perChannel = perChannel == null ? List.of() : List.copyOf(perChannel);
        perWorkstation = perWorkstation == null ? List.of() : List.copyOf(perWorkstation);
    }

    /** Series without the workstations (a workstation's own log). */
    public AuditCharts(List<DayCount> perDay, List<DayFailures> failureRate, List<OperatorCount> perOperator,
                       List<ChannelCount> perChannel) {
        this(perDay, failureRate, perOperator, perChannel, List.of());
    }

    /** Series without the channels (readers that do not count them). */
    public AuditCharts(List<DayCount> perDay, List<DayFailures> failureRate, List<OperatorCount> perOperator) {
        this(perDay, failureRate, perOperator, List.of(), List.of());
    }

    /**
     * The per-day series from checks counted per day (in day order) and decision: every count, and the failure rate
     * of each day on which a check reached the service.
     */
    public static Days days(Map<LocalDate, ? extends Map<DecisionKind, Long>> counts) {
        List<DayCount> perDay = new ArrayList<>();
        List<DayFailures> failures = new ArrayList<>();
        counts.forEach((day, byDecision) -> {
            long checks = 0;
            for (Map.Entry<DecisionKind, Long> e : byDecision.entrySet()) {
                perDay.add(new DayCount(day, e.getKey(), e.getValue()));
                // invalid input never reached the service, so it cannot count for or against it
                checks += e.getKey() == DecisionKind.INVALID_INPUT ? 0 : e.getValue();
            }
            if (checks > 0) {
                failures.add(new DayFailures(day, checks, byDecision.getOrDefault(DecisionKind.CANNOT_VERIFY, 0L)));
            }
        });
        return new Days(perDay, failures);
    }

    /** The two per-day series of {@link #days}. */
    public record Days(List<DayCount> perDay, List<DayFailures> failureRate) {
    }

    public record ChannelCount(Channel channel, long count) {
    }

    public record DayCount(LocalDate day, DecisionKind decision, long count) {
    }

    public record DayFailures(LocalDate day, long checks, long failures) {
    }

    public record OperatorCount(String operator, long count) {
    }

    public record WorkstationCount(String workstation, long count) {
    }
}
