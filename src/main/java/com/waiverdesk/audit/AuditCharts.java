package com.waiverdesk.audit;

import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import java.time.LocalDate;
import java.util.List;

/**
 * The series behind the supervisor's charts, for one filter; days are workstation-local calendar days.
 *
 * @param perDay      checks per day by decision
 * @param failureRate per day: all checks that reached the service, and those it failed (CANNOT_VERIFY)
 * @param perOperator checks per operator, most first
 * @param perChannel  checks per channel (an entry from before channels were recorded counts as a live query), most
 *                    first; channels without a check are left out
 */
public record AuditCharts(List<DayCount> perDay, List<DayFailures> failureRate, List<OperatorCount> perOperator,
                          List<ChannelCount> perChannel) {
    public AuditCharts {
        perChannel = perChannel == null ? List.of() : List.copyOf(perChannel);
    }

    /** Series without the channels (readers that do not count them). */
    public AuditCharts(List<DayCount> perDay, List<DayFailures> failureRate, List<OperatorCount> perOperator) {
        this(perDay, failureRate, perOperator, List.of());
    }

    public record ChannelCount(Channel channel, long count) {
    }

    public record DayCount(LocalDate day, DecisionKind decision, long count) {
    }

    public record DayFailures(LocalDate day, long checks, long failures) {
    }

    public record OperatorCount(String operator, long count) {
    }
}
