package com.waiverdesk.audit;

import com.waiverdesk.domain.DecisionKind;
import java.time.LocalDate;
import java.util.List;

/**
 * The series behind the supervisor's charts, for one filter; days are workstation-local calendar days.
 *
 * @param perDay      checks per day by decision
 * @param failureRate per day: all checks that reached the service, and those it failed (CANNOT_VERIFY)
 * @param perOperator checks per operator, most first
 */
public record AuditCharts(List<DayCount> perDay, List<DayFailures> failureRate, List<OperatorCount> perOperator) {

    public record DayCount(LocalDate day, DecisionKind decision, long count) {
    }

    public record DayFailures(LocalDate day, long checks, long failures) {
    }

    public record OperatorCount(String operator, long count) {
    }
}
