package com.waiverdesk.ui.admission;

import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.app.CheckResult;
import com.waiverdesk.app.Desk;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.InputProblem;
import com.waiverdesk.domain.ResidentId;
import com.waiverdesk.ui.common.BackgroundRunner;
import com.waiverdesk.ui.common.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The clerk's screen without a toolkit: the two inputs, live validation, the check in the background, the result
 * and its auto-clear, and the service status.
 */
public final class AdmissionViewModel {
    private static final System.Logger LOG = System.getLogger(AdmissionViewModel.class.getName());
    private static final int LEGACY_ID_LENGTH = 15;
    private static final Duration COUNTDOWN_STEP = Duration.ofSeconds(1);

    private final BackgroundRunner runner;
    private final Scheduler scheduler;
    private final Clock clock;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty idText = new SimpleStringProperty(this, "idText", "");
    private final ReadOnlyObjectWrapper<InputProblem> idProblem = new ReadOnlyObjectWrapper<>(this, "idProblem");
    private final ReadOnlyObjectWrapper<InputProblem> nameProblem = new ReadOnlyObjectWrapper<>(this, "nameProblem");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<CheckResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<DeskProblem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    /** What IT must fix when the configuration stopped the desk (the file and the field); else {@code null}. */
    private final ReadOnlyStringWrapper problemDetail = new ReadOnlyStringWrapper(this, "problemDetail");
    private final ServiceWatch watch;
    private final ReadOnlyObjectWrapper<Desk> desk = new ReadOnlyObjectWrapper<>(this, "desk");
    private final BooleanBinding canVerify;
    /** Whole seconds until the shown result clears itself; 0 when none is counting down. */
    private final ReadOnlyIntegerWrapper secondsToClear = new ReadOnlyIntegerWrapper(this, "secondsToClear");
    /** The shown result was checked from a 15-digit number (converted to the 18-character one). */
    private final ReadOnlyBooleanWrapper legacyId = new ReadOnlyBooleanWrapper(this, "legacyId");

    /**
     * The running check whose decision may still be shown; {@code null} once the clerk moved on (Esc, new typing), so
     * that its decision, arriving later, can never be read as the next patient's.
     */
    private Object runningCheck;
    private Scheduler.Cancellable pendingClear;
    private Scheduler.Cancellable countdownTick;
    private final EcertScan scan;
    private final PaperDesk paper;
    /** The shown result may be answered with a paper certificate (computed with it, on the background runner). */
    private final ReadOnlyBooleanWrapper paperOffered = new ReadOnlyBooleanWrapper(this, "paperOffered");
    /** Who the shown result was checked for, as typed (or read from the certificate): a paper entry follows it. */
    private String shownName;
    private String shownId;
    private ProofDesk proofs;
    private boolean updatingInputs;

    public AdmissionViewModel(BackgroundRunner runner, Scheduler scheduler, Clock clock) {
        this.runner = runner;
        this.scheduler = scheduler;
        this.clock = clock;
        watch = new ServiceWatch(runner, scheduler);
        scan = new EcertScan(this, runner);
        paper = new PaperDesk(this, runner, clock);
        canVerify = Bindings.createBooleanBinding(() -> desk.get() != null && !busy.get(), desk, busy);
        name.addListener((obs, old, now) -> inputChanged());
        idText.addListener((obs, old, now) -> inputChanged());
    }

    /** The runner for this screen's blocking work (also the status bar's diagnostics, which read the log files). */
    BackgroundRunner runner() {
        return runner;
    }

    /** The desk is wired (or re-wired with new settings): checks can run. Called on the FX thread. */
    public void attach(Desk ready) {
        attach(ready, ready == null ? null : new DeskProofs(ready));
    }

    /** The desk with its e-certificate and paper work behind a seam (a fake in tests). */
    void attach(Desk ready, ProofDesk readyProofs) {
        desk.set(ready);
        proofs = readyProofs;
        problemDetail.set(null);
        problem.set(null);
        watch.watch(ready, readyProofs);
    }

    /** Wiring failed (bad configuration, database unusable): no checks until it is fixed. */
    public void startupFailed(Throwable error) {
        watch.startupFailed();
        DeskProblem kind = DeskProblem.of(error);
        // what IT must fix, under the clerk's sentence: a configuration error names the file and the field, an audit
        // database error the file and the cause (no check has run, so no person is in it); anything else may carry
        // what only the log should
        problemDetail.set(kind == DeskProblem.CONFIGURATION || error instanceof AuditWriteException
                ? error.getMessage() : null);
        // an audit database that cannot be used at start stops the desk like any other start failure ("this check
        // was not recorded" would speak of a check nobody made)
        problem.set(kind == DeskProblem.CONFIGURATION ? kind : DeskProblem.STARTUP);
    }

    /** Something failed that nobody caught: no result is shown, the clerk is told to verify again. */
    public void unexpected(Throwable error) {
        runningCheck = null;
        busy.set(false);
        result.set(null);
        paperOffered.set(false);
        problem.set(DeskProblem.UNEXPECTED);
    }

    /** Verifies what is typed; a second call while one runs does nothing. */
    public void verify() {
        Desk current = desk.get();
        if (current == null || busy.get()) {
            return;
        }
        String rawName = name.get();
        String rawId = idText.get();
        boolean legacy = ResidentId.normalize(rawId).length() == LEGACY_ID_LENGTH;
        runCheck(rawName, rawId, legacy, () -> current.check(rawName, rawId, ""));
    }

    /**
     * Runs one check that ends in a decision (the live query, an e-certificate, a paper entry): the card is busy
     * until it is shown, and a decision arriving after the clerk moved on is never shown.
     *
     * @param forName  the name the check is for, as typed or read from the certificate (a paper entry follows it)
     * @param forId    the ID likewise; kept here only, never on screen after the answer
     * @param legacyId the clerk typed a 15-digit ID
     */
    void runCheck(String forName, String forId, boolean legacyId, java.util.concurrent.Callable<CheckResult> work) {
        Desk current = desk.get();
        ProofDesk currentProofs = proofs;
        if (current == null || busy.get()) {
            return;
        }
        cancelClear();
        busy.set(true);
        result.set(null);
        paperOffered.set(false);
        problem.set(null);
        Object check = new Object();
        runningCheck = check;
        runner.run(() -> {
            CheckResult checked = work.call();
            return new Shown(checked, currentProofs != null && currentProofs.offersPaper(checked));
        }, shown -> {
            if (runningCheck == check) {
                runningCheck = null;
                shownName = forName;
                shownId = forId;
                showResult(shown.result(), legacyId, shown.offersPaper());
            } else {
                recordNotShown(current, shown.result());
            }
        }, error -> {
            if (runningCheck == check) {
                runningCheck = null;
                showFailure(error);
            } else {
                LOG.log(System.Logger.Level.WARNING, "an abandoned check failed: {0}", DeskProblem.of(error));
            }
        });
    }

    /** A decision and whether the card offers a paper certificate after it. */
    private record Shown(CheckResult result, boolean offersPaper) {
    }

    /**
     * The clerk moved on while a check ran: its decision is never shown, and the desk is free for the next check. The
     * check itself goes on (the query is sent, its audit entry committed) and is then marked not shown.
     */
    private void abandonRunningCheck() {
        if (runningCheck != null) {
            runningCheck = null;
            busy.set(false);
        }
    }

    /** The entry of an abandoned check is committed (entries are immutable): a mark says it was never shown. */
    private void recordNotShown(Desk current, CheckResult checked) {
        runner.run(() -> {
            current.recordNotShown(checked);
            return checked.auditSeq();
        }, seq -> { }, error -> LOG.log(System.Logger.Level.WARNING,
                "audit #{0} was not shown, but the mark saying so could not be written: {1}", checked.auditSeq(),
                DeskProblem.of(error)));
    }

    /** Clears inputs, result and problem (Esc, and the auto-clear); a running check is abandoned. */
    public void clear() {
        abandonRunningCheck();
        cancelClear();
        scan.reset();
        paper.close();
        setInputsQuietly("", "");
        result.set(null);
        paperOffered.set(false);
        shownName = null;
        shownId = null;
        if (problem.get() != null && !problem.get().preventsStart()) {
            problem.set(null);
        }
        idProblem.set(null);
        nameProblem.set(null);
    }

    private void showResult(CheckResult checked, boolean legacy, boolean offersPaper) {
        busy.set(false);
        // a 15-digit ID was converted, which the card says
        legacyId.set(legacy);
        if (checked.decision().kind() != DecisionKind.INVALID_INPUT) {
            setInputsQuietly(name.get(), "");
        }
        paperOffered.set(offersPaper);
        result.set(checked);
        watch.note(checked);
        scheduleClear();
    }

    /** The shown result clears itself after the configured time (paused while the paper form is open). */
    void scheduleClear() {
        cancelClear();
        Duration after = desk.get().autoClear();
        pendingClear = scheduler.schedule(after, this::clear);
        secondsToClear.set((int) Math.max(1, (after.toMillis() + 999) / 1000));
        countdownTick = scheduler.schedule(COUNTDOWN_STEP, this::countDown);
    }

    /** One second of the auto-clear's countdown, on the same scheduler as the clear itself. */
    private void countDown() {
        if (secondsToClear.get() > 1) {
            secondsToClear.set(secondsToClear.get() - 1);
            countdownTick = scheduler.schedule(COUNTDOWN_STEP, this::countDown);
        }
    }

    /**
     * Sets the inputs without it counting as the next patient's input. After an answer the full ID leaves the screen
     * (the card shows it masked); after invalid input it stays, for the clerk to correct.
     */
    void setInputsQuietly(String newName, String newId) {
        updatingInputs = true;
        try {
            name.set(newName);
            idText.set(newId);
            idProblem.set(null);
        } finally {
            updatingInputs = false;
        }
    }

    private void showFailure(Throwable error) {
        busy.set(false);
        problem.set(DeskProblem.of(error));
    }

    private void inputChanged() {
        if (updatingInputs) {
            return;
        }
        abandonRunningCheck();
        scan.reset();
        if (result.get() != null) {
            paper.close();
            cancelClear();
            result.set(null);
            paperOffered.set(false);
        }
        idProblem.set(LiveInput.idProblem(idText.get(), LocalDate.now(clock)));
        nameProblem.set(LiveInput.nameProblem(name.get()));
    }

    void cancelClear() {
        if (pendingClear != null) {
            pendingClear.cancel();
            pendingClear = null;
        }
        if (countdownTick != null) {
            countdownTick.cancel();
            countdownTick = null;
        }
        secondsToClear.set(0);
    }

    /** Whether the shown result refused the ID (rather than the name): the field the clerk must correct next. */
    public boolean idNeedsCorrection() {
        CheckResult shown = result.get();
        InputProblem refused = shown == null ? null : shown.decision().inputProblem();
        return refused != null && refused.concernsId();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty idTextProperty() {
        return idText;
    }

    public ReadOnlyObjectProperty<InputProblem> idProblemProperty() {
        return idProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<InputProblem> nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CheckResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DeskProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Set when the desk could not start because of its configuration or its audit database: the cause, for IT. */
    public ReadOnlyStringProperty problemDetailProperty() {
        return problemDetail.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ServiceState> serviceStateProperty() {
        return watch.stateProperty();
    }

    /**
     * With an audit server: how many entries wait in the local spool for it (0 when none); {@code null} for a local
     * log.
     */
    ReadOnlyObjectProperty<Integer> auditWaitingProperty() {
        return watch.auditWaitingProperty();
    }

    /** Sets what {@link #auditWaitingProperty()} says, as the desk's forwarder would (layout tests). */
    void showAuditWaiting(Integer count) {
        watch.auditWaiting(count);
    }

    /** The e-certificate lists' ages for the status bar; {@code null} until known. */
    ReadOnlyObjectProperty<ListAges> listAgesProperty() {
        return watch.freshnessProperty();
    }

    /** The shown result may be followed by a paper certificate (the card offers the form). */
    public ReadOnlyBooleanProperty paperOfferedProperty() {
        return paperOffered.getReadOnlyProperty();
    }

    /** The scanner, a pasted text and an opened or pasted image: the e-certificate's way in. */
    public EcertScan scan() {
        return scan;
    }

    /** The paper certificate's form after a check that did not waive. */
    public PaperDesk paper() {
        return paper;
    }

    ProofDesk proofs() {
        return proofs;
    }

    /** Who the shown result was checked for (name, ID), or {@code null} when none is shown. */
    String shownName() {
        return shownName;
    }

    String shownId() {
        return shownId;
    }

    /** Something else took the card (a scan begins, an image is read): no decision or program problem is shown. */
    void clearCard() {
        abandonRunningCheck();
        cancelClear();
        result.set(null);
        paperOffered.set(false);
        if (problem.get() != null && !problem.get().preventsStart()) {
            problem.set(null);
        }
    }

    public ReadOnlyObjectProperty<Desk> deskProperty() {
        return desk.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty secondsToClearProperty() {
        return secondsToClear.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty legacyIdProperty() {
        return legacyId.getReadOnlyProperty();
    }

    public BooleanBinding canVerifyBinding() {
        return canVerify;
    }
}
