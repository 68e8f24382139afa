package com.waiverdesk.app;

import java.time.LocalDate;

/**
 * A paper certificate as the clerk entered it on the card's form, for the patient of an earlier check.
 *
 * @param issued       {@code null} when the clerk gave no date
 * @param originalSeen the clerk confirmed seeing the original
 */
public record PaperEntry(String rawName, String rawId, String number, String centre, LocalDate issued,
                         String category, boolean originalSeen, String businessRef) {
    public PaperEntry {
        rawName = rawName == null ? "" : rawName;
        rawId = rawId == null ? "" : rawId;
        number = number == null ? "" : number;
        centre = centre == null ? "" : centre;
        category = category == null ? "" : category;
        businessRef = businessRef == null ? "" : businessRef;
    }

    @Override
    public String toString() {
        return "PaperEntry[number=" + number + ", category=" + category + "]";
    }
}
