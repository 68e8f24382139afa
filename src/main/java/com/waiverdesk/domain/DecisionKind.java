package com.waiverdesk.domain;

/** The five outcomes a clerk can see; only WAIVE and REDUCE lower the deposit. */
public enum DecisionKind {
    WAIVE, REDUCE, CHARGE, CANNOT_VERIFY, INVALID_INPUT;

    public boolean lowersDeposit() {
        return this == WAIVE || this == REDUCE;
    }
}
