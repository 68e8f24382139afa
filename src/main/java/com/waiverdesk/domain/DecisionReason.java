package com.waiverdesk.domain;

/** Why a decision came out as it did; each maps to one sentence for the clerk. */
public enum DecisionReason {
    WAIVED_BY_CATEGORY,
    REDUCED_BY_CATEGORY,
    NO_RECORD,
    NAME_MISMATCH,
    ELIGIBILITY_EXPIRED,
    CATEGORY_NOT_IN_POLICY,
    NO_REDUCTION_FOR_CATEGORY,
    POLICY_NOT_IN_FORCE,
    NO_CATEGORY_LISTED,
    INVALID_INPUT,
    SERVICE_FAILED
}
