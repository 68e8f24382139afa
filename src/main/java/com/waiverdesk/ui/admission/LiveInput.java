package com.waiverdesk.ui.admission;

import com.waiverdesk.domain.InputProblem;
import com.waiverdesk.domain.InvalidInputException;
import com.waiverdesk.domain.PersonName;
import com.waiverdesk.domain.ResidentId;
import java.time.LocalDate;

/** The checks of the name and ID fields while the clerk types (the desk checks again when it decides). */
final class LiveInput {
    private static final int ID_LENGTH = 18;

    private LiveInput() {
    }

    /** Problems worth showing while the clerk is still typing: not "too short" before the number is complete. */
    static InputProblem idProblem(String raw, LocalDate today) {
        String normalized = ResidentId.normalize(raw);
        if (normalized.isEmpty()) {
            return null;
        }
        try {
            ResidentId.parse(raw, today);
            return null;
        } catch (InvalidInputException e) {
            boolean stillTyping = e.problem() == InputProblem.ID_WRONG_LENGTH && normalized.length() < ID_LENGTH;
            return stillTyping ? null : e.problem();
        }
    }

    static InputProblem nameProblem(String raw) {
        if (PersonName.normalize(raw).isEmpty()) {
            return null;
        }
        try {
            PersonName.parse(raw);
            return null;
        } catch (InvalidInputException e) {
            return e.problem();
        }
    }
}
