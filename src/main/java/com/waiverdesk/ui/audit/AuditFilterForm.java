package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.InvalidInputException;
import com.waiverdesk.domain.MatchResult;
import com.waiverdesk.domain.PersonName;
import com.waiverdesk.domain.ResidentId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The supervisor's search fields and their translation into an {@link AuditFilter}. An exact resident ID is checked,
 * hashed and then replaced in the field by its masked form: the full number leaves the screen at once, and the hash
 * stays for the next search until the field is edited.
 */
public final class AuditFilterForm {
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final StringProperty operator = new SimpleStringProperty(this, "operator", "");
    private final StringProperty workstation = new SimpleStringProperty(this, "workstation", "");
    private final ObservableSet<DecisionKind> decisions = FXCollections.observableSet();
    private final ObservableSet<Channel> channels = FXCollections.observableSet();
    private final ObjectProperty<MatchResult> serviceResult = new SimpleObjectProperty<>(this, "serviceResult");
    private final ObservableSet<String> errorCodes = FXCollections.observableSet();
    private final StringProperty nameFragment = new SimpleStringProperty(this, "nameFragment", "");
    private final StringProperty residentId = new SimpleStringProperty(this, "residentId", "");

    private String maskedIdShown;
    private String idHash;

    /** A filter, or the notice that says why there is none. */
    record Built(AuditFilter filter, AuditNotice problem) {
    }

    /**
     * Builds the filter: days are whole local days, {@code to} inclusive.
     *
     * @param idHasher the keyed hash of a validated ID's full value
     */
    Built build(ZoneId zone, LocalDate today, Function<String, String> idHasher) {
        LocalDate first = from.get();
        LocalDate last = to.get();
        if (first != null && last != null && first.isAfter(last)) {
            return new Built(null, AuditNotice.of(AuditNotice.Kind.DATES_BACKWARDS));
        }
        String hash = null;
        String typedId = residentId.get() == null ? "" : residentId.get().strip();
        if (!typedId.isEmpty()) {
            if (typedId.equals(maskedIdShown)) {
                hash = idHash;
            } else {
                try {
                    ResidentId id = ResidentId.parse(typedId, today);
                    hash = idHasher.apply(id.value());
                    idHash = hash;
                    maskedIdShown = id.masked();
                    residentId.set(maskedIdShown);
                } catch (InvalidInputException e) {
                    return new Built(null, AuditNotice.of(AuditNotice.Kind.BAD_ID, e.problem()));
                }
            }
        }
        Long fromMillis = first == null ? null : first.atStartOfDay(zone).toInstant().toEpochMilli();
        Long toMillis = last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        String name = blankToNull(nameFragment.get()) == null ? null : blankToNull(PersonName.normalize(nameFragment.get()));
        List<String> errors = errorCodes.stream().map(AuditFilterForm::blankToNull).filter(Objects::nonNull)
                .map(code -> code.toUpperCase(Locale.ROOT)).toList();
        return new Built(new AuditFilter(fromMillis, toMillis, blankToNull(operator.get()),
                blankToNull(workstation.get()), List.copyOf(decisions),
                serviceResult.get() == null ? null : serviceResult.get().name(), errors, name, hash,
                List.copyOf(channels)), null);
    }

    /** Empties every field (and forgets the hash of an ID). */
    public void clear() {
        from.set(null);
        to.set(null);
        operator.set("");
        workstation.set("");
        decisions.clear();
        channels.clear();
        serviceResult.set(null);
        errorCodes.clear();
        nameFragment.set("");
        residentId.set("");
        maskedIdShown = null;
        idHash = null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty operatorProperty() {
        return operator;
    }

    public StringProperty workstationProperty() {
        return workstation;
    }

    /** The decisions to show, any of them; none checked shows all. */
    public ObservableSet<DecisionKind> decisions() {
        return decisions;
    }

    /** How the patient proved status, any of these; none checked shows all. */
    public ObservableSet<Channel> channels() {
        return channels;
    }

    public ObjectProperty<MatchResult> serviceResultProperty() {
        return serviceResult;
    }

    /** The error keys ({@link com.waiverdesk.audit.ErrorKeys}) to show, any of them; none checked shows all. */
    public ObservableSet<String> errorCodes() {
        return errorCodes;
    }

    public StringProperty nameFragmentProperty() {
        return nameFragment;
    }

    /** What is typed in the ID field: the full number until the search, then its masked form. */
    public StringProperty residentIdProperty() {
        return residentId;
    }
}
