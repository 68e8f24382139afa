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
    SERVICE_FAILED,
    /** E-certificate rule 1: malformed, altered or forged text, unknown or compromised key, key not valid then. */
    ECERT_NOT_GENUINE,
    /** E-certificate rule 2: the status call or the revocation list says revoked. */
    ECERT_REVOKED,
    /** E-certificate rule 3 (or the status call says EXPIRED): today is after {@code validUntil}. */
    ECERT_EXPIRED,
    /** E-certificate rule 3: today is before {@code validFrom}. */
    ECERT_NOT_YET_VALID,
    /** E-certificate rule 4: the holder's name or ID is not the patient's. */
    ECERT_NOT_THIS_PATIENT,
    /** The status call answered UNKNOWN: the city does not know this certificate. */
    ECERT_UNKNOWN_TO_SERVICE,
    /** Paper certificate while the service could not verify: a provisional waiver until a supervisor reviews it. */
    PAPER_PROVISIONAL_WAIVE,
    /** Paper certificate while the service could not verify: a provisional reduction until reviewed. */
    PAPER_PROVISIONAL_REDUCE,
    /** Paper certificate after the service answered no record or expired: charge; an approved review refunds. */
    PAPER_REFUND_AFTER_REVIEW,
    /** The hospital's policy does not accept paper certificates. */
    PAPER_NOT_ACCEPTED,
    /** The paper certificate was issued longer ago than the policy's maximum age. */
    PAPER_TOO_OLD,
    /** The policy grants nothing provisionally for the paper certificate's category. */
    PAPER_CATEGORY_NOT_PROVISIONAL
}
