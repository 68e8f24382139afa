package com.waiverdesk.domain;

/** The one thing the clerk should do next (after X12 271's follow-up actions). */
public enum FollowUp {
    /** Admit without the deposit. */
    ADMIT_WITHOUT_DEPOSIT,
    /** Collect the reduced deposit. */
    COLLECT_REDUCED_DEPOSIT,
    /** Collect the standard deposit. */
    COLLECT_DEPOSIT,
    /** Check the name spelling with the patient's ID card, then verify again; else collect the deposit. */
    CHECK_NAME_AND_RETRY,
    /** Correct the typed input and verify again. */
    CORRECT_INPUT,
    /** Try again in a moment; meanwhile charge the deposit or accept a paper certificate. */
    RETRY_OR_PAPER_CERTIFICATE,
    /** Configuration or credentials: call hospital IT; meanwhile charge the deposit or accept paper. */
    CALL_IT,
    /** The workstation clock is wrong: call hospital IT. */
    FIX_CLOCK_CALL_IT,
    /** The service's clock and the workstation's disagree, one of them is wrong: call hospital IT. */
    CHECK_CLOCKS_CALL_IT,
    /** The certificate names someone else: compare it with the patient's ID card; collect the deposit. */
    CHECK_HOLDER_WITH_ID_CARD,
    /** Admit on the paper certificate's provisional terms; a supervisor reviews the entry. */
    ADMIT_PROVISIONALLY_PENDING_REVIEW,
    /** Collect the deposit; it is refunded if a supervisor approves the paper certificate. */
    COLLECT_DEPOSIT_REFUND_AFTER_REVIEW
}
