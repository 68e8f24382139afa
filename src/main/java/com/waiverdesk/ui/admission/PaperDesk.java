package com.waiverdesk.ui.admission;

import com.waiverdesk.app.CheckResult;
import com.waiverdesk.app.PaperEntry;
import com.waiverdesk.app.PaperTerms;
import com.waiverdesk.ui.common.BackgroundRunner;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The paper certificate after a check that did not waive: opens the form (the shown result stops counting down
 * while the clerk copies the paper), and records the entry as a check that follows the shown one.
 */
public final class PaperDesk {
    private static final System.Logger LOG = System.getLogger(PaperDesk.class.getName());
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final AdmissionViewModel model;
    private final BackgroundRunner runner;
    private final Clock clock;
    private final PaperFormModel form = new PaperFormModel();
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    /** The policy's maximum age of a paper certificate, for the form's hint; 0 until the terms are read. */
    private final ReadOnlyIntegerWrapper maxAgeDays = new ReadOnlyIntegerWrapper(this, "maxAgeDays");

    PaperDesk(AdmissionViewModel model, BackgroundRunner runner, Clock clock) {
        this.model = model;
        this.runner = runner;
        this.clock = clock;
    }

    private record Loaded(PaperTerms terms, List<String> centres) {
    }

    /** Opens the form when the shown result offers it (Ctrl+P, or the card's button). */
    public void open() {
        ProofDesk proofs = model.proofs();
        if (open.get() || proofs == null || !model.paperOfferedProperty().get()) {
            return;
        }
        model.cancelClear();
        form.reset(List.of(), List.of());
        maxAgeDays.set(0);
        open.set(true);
        runner.run(() -> new Loaded(proofs.paperTerms(), proofs.paperCentres()), loaded -> {
            if (open.get()) {
                form.reset(loaded.terms().categories(), loaded.centres());
                maxAgeDays.set(loaded.terms().maxAgeDays());
            }
        }, error -> {
            // without suggestions the form still works; the categories come from the terms, which are in memory
            LOG.log(System.Logger.Level.WARNING, "reading the paper terms and earlier centres", error);
            if (open.get()) {
                PaperTerms terms = proofs.paperTerms();
                form.reset(terms.categories(), List.of());
                maxAgeDays.set(terms.maxAgeDays());
            }
        });
    }

    /** Enter in the form: records the entry when it is complete, else the form names what to correct. */
    public void submit() {
        ProofDesk proofs = model.proofs();
        CheckResult shown = model.resultProperty().get();
        if (!open.get() || proofs == null || shown == null) {
            return;
        }
        Optional<PaperFormModel.Filled> filled = form.validate(LocalDate.now(clock.withZone(SHANGHAI)));
        if (filled.isEmpty()) {
            return;
        }
        PaperFormModel.Filled paper = filled.get();
        String name = model.shownName();
        String id = model.shownId();
        open.set(false);
        model.runCheck(name, id, false, () -> proofs.recordPaper(shown, new PaperEntry(name, id, paper.number(),
                paper.centre(), paper.issued(), paper.category(), true, "")));
    }

    /** Esc in the form: back to the shown result, which counts down again. */
    public void cancel() {
        if (open.get()) {
            open.set(false);
            if (model.resultProperty().get() != null) {
                model.scheduleClear();
            }
        }
    }

    /** The result it followed is gone (cleared, new typing). */
    void close() {
        open.set(false);
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty maxAgeDaysProperty() {
        return maxAgeDays.getReadOnlyProperty();
    }

    PaperFormModel form() {
        return form;
    }
}
