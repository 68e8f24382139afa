package com.waiverdesk.audit;

import com.waiverdesk.domain.DecisionKind;

/**
 * What the supervisor searches the log for; {@code null} fields do not filter, and all set fields must match.
 *
 * @param fromMillis   workstation time, inclusive, epoch ms; {@code null} for no lower bound
 * @param toMillis     workstation time, exclusive, epoch ms; {@code null} for no upper bound
 * @param nameFragment a part of the name, matched anywhere, case-insensitively for Latin letters
 * @param idHash       the keyed hash of an exact resident ID ({@link IdHasher}); the ID itself is never stored
 */
public record AuditFilter(Long fromMillis, Long toMillis, String operator, String workstation, DecisionKind decision,
                          String serviceResult, String errorCode, String nameFragment, String idHash) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null, null, null, null, null);
    }

    /** A one-line description for the access log: which fields were set, without the hash or the name itself. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        append(sb, "from", fromMillis);
        append(sb, "to", toMillis);
        append(sb, "operator", operator);
        append(sb, "workstation", workstation);
        append(sb, "decision", decision);
        append(sb, "result", serviceResult);
        append(sb, "error", errorCode);
        append(sb, "name", nameFragment == null ? null : "(fragment of " + nameFragment.codePointCount(0,
                nameFragment.length()) + " characters)");
        append(sb, "id", idHash == null ? null : "(exact ID)");
        return sb.length() == 0 ? "all entries" : sb.toString();
    }

    private static void append(StringBuilder sb, String label, Object value) {
        if (value != null) {
            sb.append(sb.length() == 0 ? "" : ", ").append(label).append('=').append(value);
        }
    }
}
