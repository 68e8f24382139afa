package com.waiverdesk.ui.admission;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The paper certificate's form without a toolkit: what the clerk copies from the paper, checked before anything is
 * recorded. Whether the paper is accepted, too old or of a category the policy grants is the desk's decision, not
 * the form's: the form refuses only what cannot be recorded (missing, unreadable, a date after today).
 */
final class PaperFormModel {
    /** What the clerk must correct before the entry can be recorded; each has a sentence {@code paper.problem.X}. */
    enum Problem { NUMBER_EMPTY, CENTRE_EMPTY, ISSUED_EMPTY, ISSUED_UNREADABLE, ISSUED_IN_FUTURE, CATEGORY_EMPTY,
        ORIGINAL_NOT_SEEN }

    /** The filled-in form, ready to be recorded. */
    record Filled(String number, String centre, LocalDate issued, String category) {
    }

    /** Strict: 2026-02-30 is unreadable, not quietly the 28th. */
    private static final List<DateTimeFormatter> DATES = java.util.stream.Stream.of("uuuu-M-d", "uuuu/M/d",
                    "uuuu.M.d", "uuuuMMdd")
            .map(pattern -> DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT)).toList();

    private final StringProperty number = new SimpleStringProperty(this, "number", "");
    private final StringProperty centre = new SimpleStringProperty(this, "centre", "");
    private final StringProperty issuedText = new SimpleStringProperty(this, "issuedText", "");
    private final StringProperty category = new SimpleStringProperty(this, "category");
    private final BooleanProperty originalSeen = new SimpleBooleanProperty(this, "originalSeen");
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    private final ObservableList<String> centres = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");

    PaperFormModel() {
        number.addListener((obs, old, now) -> problem.set(null));
        centre.addListener((obs, old, now) -> problem.set(null));
        issuedText.addListener((obs, old, now) -> problem.set(null));
        category.addListener((obs, old, now) -> problem.set(null));
        originalSeen.addListener((obs, old, now) -> problem.set(null));
    }

    /** An empty form for the policy's categories (the first one chosen when there is only one). */
    void reset(List<String> policyCategories, List<String> earlierCentres) {
        number.set("");
        centre.set("");
        issuedText.set("");
        originalSeen.set(false);
        categories.setAll(policyCategories);
        category.set(policyCategories.size() == 1 ? policyCategories.get(0) : null);
        centres.setAll(earlierCentres);
        problem.set(null);
    }

    /** The form as an entry, or empty with {@link #problemProperty()} naming the first thing to correct. */
    Optional<Filled> validate(LocalDate today) {
        Problem found = null;
        LocalDate issued = parseDate(issuedText.get());
        if (number.get().isBlank()) {
            found = Problem.NUMBER_EMPTY;
        } else if (centre.get().isBlank()) {
            found = Problem.CENTRE_EMPTY;
        } else if (issuedText.get().isBlank()) {
            found = Problem.ISSUED_EMPTY;
        } else if (issued == null) {
            found = Problem.ISSUED_UNREADABLE;
        } else if (issued.isAfter(today)) {
            found = Problem.ISSUED_IN_FUTURE;
        } else if (category.get() == null || !categories.contains(category.get())) {
            found = Problem.CATEGORY_EMPTY;
        } else if (!originalSeen.get()) {
            found = Problem.ORIGINAL_NOT_SEEN;
        }
        problem.set(found);
        return found != null ? Optional.empty()
                : Optional.of(new Filled(number.get().strip(), centre.get().strip(), issued, category.get()));
    }

    /** A date as clerks write it: 2026-03-05, 2026/3/5, 2026.3.5 or 20260305; {@code null} when none of these. */
    static LocalDate parseDate(String text) {
        String trimmed = text == null ? "" : text.strip();
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(trimmed, format);
            } catch (DateTimeParseException e) {
                // the next way of writing it
            }
        }
        return null;
    }

    StringProperty numberProperty() {
        return number;
    }

    StringProperty centreProperty() {
        return centre;
    }

    /** The issue date as typed (or written by the date picker). */
    StringProperty issuedTextProperty() {
        return issuedText;
    }

    /** The chosen category's code. */
    StringProperty categoryProperty() {
        return category;
    }

    BooleanProperty originalSeenProperty() {
        return originalSeen;
    }

    ObservableList<String> categories() {
        return categories;
    }

    ObservableList<String> centres() {
        return centres;
    }

    ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
