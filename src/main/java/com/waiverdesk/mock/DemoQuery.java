package com.waiverdesk.mock;

import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.MatchResult;
import com.waiverdesk.domain.ResidentId;
import java.util.Objects;

/**
 * A memorable name and ID to type at the desk during a demo, with what the mock answers and what the desk should
 * decide under the domain brief's rules (as of the dates the shipped data is meant for, up to the end of 2029).
 *
 * @param expectedDepositPercent 0 for a waiver, 50 for the low-income reduction, 100 for a charge
 * @param note                   why, in a few words, e.g. "低保, open-ended"
 */
public record DemoQuery(String name, String idNumber, MatchResult expectedResult, DecisionKind expectedDecision,
                        int expectedDepositPercent, String note) {
    public DemoQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(expectedResult, "expectedResult");
        Objects.requireNonNull(expectedDecision, "expectedDecision");
        Objects.requireNonNull(note, "note");
    }

    @Override
    public String toString() {
        return "DemoQuery[" + ResidentId.mask(idNumber) + ", " + expectedDecision + ", " + note + "]";
    }
}
