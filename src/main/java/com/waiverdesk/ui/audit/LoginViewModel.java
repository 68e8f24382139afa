package com.waiverdesk.ui.audit;

import com.waiverdesk.app.SupervisorCredential;
import com.waiverdesk.app.SupervisorCredential.Result;
import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AccessLog;
import com.waiverdesk.ui.common.BackgroundRunner;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The gate in front of the audit: the supervisor's name and passphrase (set with a confirmation at first use), the
 * lock-out, and the access events of every outcome. Signing in records the opening of the audit; if that cannot be
 * recorded, the audit stays closed.
 */
public final class LoginViewModel {
    private static final System.Logger LOG = System.getLogger(LoginViewModel.class.getName());
    /** What the gate asks for. */
    public enum Mode { LOADING, FIRST_USE, SIGN_IN, UNAVAILABLE, SIGNED_IN }

    private final SupervisorGate gate;
    private final AccessRecorder recorder;
    private final BackgroundRunner runner;
    private final AccessEvent.Action opening;
    private final String openingDetail;
    /** Says in the access log whose passphrase a failure or setting was about ("" for the supervisor's). */
    private final String gateName;

    private final StringProperty supervisor = new SimpleStringProperty(this, "supervisor", "");
    private final StringProperty passphrase = new SimpleStringProperty(this, "passphrase", "");
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.LOADING);
    private final ReadOnlyObjectWrapper<AuditNotice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper signedInAs = new ReadOnlyStringWrapper(this, "signedInAs");

    private record Status(boolean set, Instant lockedUntil) {
    }

    private record Outcome(Result result, int attemptsLeft, Instant lockedUntil) {
    }

    LoginViewModel(SupervisorGate gate, AccessRecorder recorder, BackgroundRunner runner) {
        this(gate, recorder, runner, AccessEvent.Action.OPEN_AUDIT, "supervisor's screen", "");
    }

    private LoginViewModel(SupervisorGate gate, AccessRecorder recorder, BackgroundRunner runner,
                           AccessEvent.Action opening, String openingDetail, String gateName) {
        this.gate = gate;
        this.recorder = recorder;
        this.runner = runner;
        this.opening = opening;
        this.openingDetail = openingDetail;
        this.gateName = gateName;
    }

    /**
     * The same sign-in in front of another screen (IT's settings) with that screen's own gate (IT's passphrase and
     * lock-out), the opening recorded in the access log as {@code opening}; if it cannot be recorded, the screen stays
     * closed. Failures and the setting of the passphrase are recorded with {@code detail} in front, so the access
     * log tells them from the supervisor's.
     */
    public static LoginViewModel forScreen(SupervisorGate gate, AccessLog log, Clock clock, String workstation,
                                           BackgroundRunner runner, AccessEvent.Action opening, String detail) {
        return new LoginViewModel(gate, new AccessRecorder(log, clock, workstation), runner, opening, detail,
                detail + ": ");
    }

    /**
     * Records an action of the signed-in supervisor before it takes effect. Blocking: call on a worker.
     *
     * @throws AccessRecorder.NotRecorded it could not be recorded, so it must not happen
     */
    public void recordOrRefuse(AccessEvent.Action action, String detail) throws Exception {
        recorder.recordOrRefuse(signedInAs.get(), action, detail);
    }

    /** Reads whether a passphrase exists (and any lock-out) to choose between first use and sign-in. */
    public void start() {
        busy.set(true);
        runner.run(() -> new Status(gate.isSet(), gate.lockedUntil().orElse(null)), status -> {
            busy.set(false);
            mode.set(status.set() ? Mode.SIGN_IN : Mode.FIRST_USE);
            notice.set(status.lockedUntil() == null ? null
                    : AuditNotice.of(AuditNotice.Kind.LOCKED, status.lockedUntil()));
        }, error -> {
            LOG.log(System.Logger.Level.ERROR, "supervisor passphrase unusable", error);
            busy.set(false);
            mode.set(Mode.UNAVAILABLE);
            notice.set(AuditNotice.of(AuditNotice.Kind.CREDENTIAL_PROBLEM));
        });
    }

    /** Sets the passphrase (first use) or signs in; Enter in any field. */
    public void submit() {
        Mode current = mode.get();
        if (busy.get() || (current != Mode.FIRST_USE && current != Mode.SIGN_IN)) {
            return;
        }
        String who = supervisor.get() == null ? "" : supervisor.get().strip();
        if (who.isEmpty()) {
            notice.set(AuditNotice.of(AuditNotice.Kind.NAME_MISSING));
            return;
        }
        char[] secret = passphrase.get() == null ? new char[0] : passphrase.get().toCharArray();
        if (current == Mode.FIRST_USE) {
            Optional<Result> weak = SupervisorCredential.weakness(secret);
            if (weak.isPresent()) {
                notice.set(AuditNotice.of(weak.get() == Result.ALL_DIGITS
                        ? AuditNotice.Kind.ALL_DIGITS : AuditNotice.Kind.TOO_SHORT, SupervisorCredential.MIN_LENGTH));
                return;
            }
            if (!passphrase.get().equals(confirmation.get())) {
                confirmation.set("");
                notice.set(AuditNotice.of(AuditNotice.Kind.MISMATCH));
                return;
            }
        }
        busy.set(true);
        notice.set(null);
        passphrase.set("");
        confirmation.set("");
        runner.run(() -> attempt(current, who, secret), outcome -> shown(outcome, who), this::failed);
    }

    /** Changes the passphrase of a signed-in supervisor; the old one is checked (and counts towards the lock-out). */
    public void change(String oldPassphrase, String newPassphrase, String newConfirmation) {
        if (busy.get() || mode.get() != Mode.SIGNED_IN) {
            return;
        }
        char[] fresh = newPassphrase.toCharArray();
        Optional<Result> weak = SupervisorCredential.weakness(fresh);
        if (weak.isPresent()) {
            notice.set(AuditNotice.of(weak.get() == Result.ALL_DIGITS
                    ? AuditNotice.Kind.ALL_DIGITS : AuditNotice.Kind.TOO_SHORT, SupervisorCredential.MIN_LENGTH));
            return;
        }
        if (!newPassphrase.equals(newConfirmation)) {
            notice.set(AuditNotice.of(AuditNotice.Kind.MISMATCH));
            return;
        }
        char[] old = oldPassphrase.toCharArray();
        String who = signedInAs.get();
        busy.set(true);
        notice.set(null);
        runner.run(() -> {
            Result result;
            try {
                result = gate.change(old, fresh);
            } finally {
                Arrays.fill(old, '\0');
                Arrays.fill(fresh, '\0');
            }
            Instant until = gate.lockedUntil().orElse(null);
            Optional<AccessEvent.Action> action = result.accessAction();
            if (action.isPresent()) {
                recorder.recordAfter(who, action.get(), gateName + describe(result, until));
            }
            return new Outcome(result, gate.attemptsLeft(), until);
        }, outcome -> shown(outcome, who), this::failed);
    }

    /** On the worker: the hash, then the access events (the opening one must be written, or no opening). */
    private Outcome attempt(Mode current, String who, char[] secret) throws IOException, AccessRecorder.NotRecorded {
        Result result;
        try {
            result = current == Mode.FIRST_USE ? gate.set(secret) : gate.login(who, secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
        Instant until = gate.lockedUntil().orElse(null);
        Optional<AccessEvent.Action> action = result.accessAction();
        if (action.isPresent()) {
            recorder.recordAfter(who, action.get(), gateName + describe(result, until));
        }
        if (result == Result.SET || result == Result.ACCEPTED) {
            recorder.recordOrRefuse(who, opening, openingDetail);
        }
        return new Outcome(result, gate.attemptsLeft(), until);
    }

    private static String describe(Result result, Instant until) {
        switch (result) {
            case WRONG_PASSPHRASE:
                return "wrong passphrase";
            case STILL_LOCKED:
                return "attempt while locked out until " + until;
            case LOCKED_OUT:
                return SupervisorCredential.MAX_FAILURES + " wrong passphrases: locked until " + until;
            case CHANGED:
                return "changed by the signed-in supervisor";
            default:
                return "first use";
        }
    }

    private void shown(Outcome outcome, String who) {
        busy.set(false);
        switch (outcome.result()) {
            case SET:
            case ACCEPTED:
                notice.set(null);
                signedInAs.set(who);
                mode.set(Mode.SIGNED_IN);
                break;
            case CHANGED:
                notice.set(AuditNotice.of(AuditNotice.Kind.CHANGED));
                break;
            case WRONG_PASSPHRASE:
                notice.set(gate.onServer() ? AuditNotice.of(AuditNotice.Kind.SERVER_REFUSED)
                        : AuditNotice.of(AuditNotice.Kind.WRONG_PASSPHRASE, outcome.attemptsLeft()));
                break;
            case LOCKED_OUT:
            case STILL_LOCKED:
                notice.set(AuditNotice.of(AuditNotice.Kind.LOCKED, outcome.lockedUntil()));
                break;
            case ALREADY_SET:
                mode.set(Mode.SIGN_IN);
                notice.set(AuditNotice.of(AuditNotice.Kind.ALREADY_SET));
                break;
            case NOT_SET:
                mode.set(Mode.FIRST_USE);
                notice.set(AuditNotice.of(AuditNotice.Kind.NOT_SET));
                break;
            case ALL_DIGITS:
                notice.set(AuditNotice.of(AuditNotice.Kind.ALL_DIGITS, SupervisorCredential.MIN_LENGTH));
                break;
            default:
                notice.set(AuditNotice.of(AuditNotice.Kind.TOO_SHORT, SupervisorCredential.MIN_LENGTH));
                break;
        }
    }

    private void failed(Throwable error) {
        busy.set(false);
        if (error instanceof AccessRecorder.NotRecorded) {
            AccessRecorder.NotRecorded refused = (AccessRecorder.NotRecorded) error;
            notice.set(AuditNotice.of(AuditNotice.Kind.NOT_RECORDED, refused.action(), refused.kind()));
        } else if (gate.onServer()) {
            LOG.log(System.Logger.Level.WARNING, "signing in to the audit server: {0}", error.getMessage());
            notice.set(AuditNotice.of(AuditNotice.Kind.SERVER_UNAVAILABLE, String.valueOf(error.getMessage())));
        } else {
            LOG.log(System.Logger.Level.ERROR, "supervisor passphrase unusable", error);
            notice.set(AuditNotice.of(AuditNotice.Kind.CREDENTIAL_PROBLEM));
        }
    }

    public StringProperty supervisorProperty() {
        return supervisor;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    /** Whether the sign-in is with an audit server login (the pane says so, and offers no passphrase change). */
    public boolean onServer() {
        return gate.onServer();
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AuditNotice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The supervisor's name once signed in, else {@code null}. */
    public ReadOnlyStringProperty signedInAsProperty() {
        return signedInAs.getReadOnlyProperty();
    }
}
