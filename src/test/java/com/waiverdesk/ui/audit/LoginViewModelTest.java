package com.waiverdesk.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AuditWriteException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The gate before the audit: first use, sign-in, lock-out, change, and the access events of each. */
class LoginViewModelTest {
    private final AuditFixture fx = new AuditFixture();
    private final StepRunner runner = new StepRunner();
    private AuditViewModel model;
    private LoginViewModel login;

    private void open() {
        model = fx.model(runner, Runnable::run);
        login = model.login();
        model.start();
        runner.runAll();
    }

    private void attempt(String name, String passphrase) {
        login.supervisorProperty().set(name);
        login.passphraseProperty().set(passphrase);
        login.submit();
        runner.runAll();
    }

    private AuditNotice notice() {
        return login.noticeProperty().get();
    }

    @Test
    void firstUseAsksForAPassphraseWithConfirmationAndRecordsIt() {
        fx.gate.reset();
        open();
        assertThat(login.modeProperty().get()).isEqualTo(LoginViewModel.Mode.FIRST_USE);

        login.confirmationProperty().set("ward seven ledgers");
        attempt("Zhou", AuditFixture.PASSPHRASE);
        assertThat(notice().kind()).isEqualTo(AuditNotice.Kind.MISMATCH);
        assertThat(runner.size()).isZero();

        login.confirmationProperty().set("short");
        attempt("Zhou", "short");
        assertThat(notice()).isEqualTo(AuditNotice.of(AuditNotice.Kind.TOO_SHORT, 10));

        login.confirmationProperty().set("12345678901");
        attempt("Zhou", "12345678901");
        assertThat(notice()).isEqualTo(AuditNotice.of(AuditNotice.Kind.ALL_DIGITS, 10));

        login.confirmationProperty().set(AuditFixture.PASSPHRASE);
        attempt("Zhou", AuditFixture.PASSPHRASE);

        assertThat(login.modeProperty().get()).isEqualTo(LoginViewModel.Mode.SIGNED_IN);
        assertThat(fx.access.actions()).containsExactly(AccessEvent.Action.PASSPHRASE_SET,
                AccessEvent.Action.OPEN_AUDIT);
        assertThat(login.passphraseProperty().get()).isEmpty();
        assertThat(login.confirmationProperty().get()).isEmpty();
    }

    @Test
    void theRightPassphraseOpensTheAuditAndRecordsIt() {
        open();
        assertThat(login.modeProperty().get()).isEqualTo(LoginViewModel.Mode.SIGN_IN);
        assertThat(model.entries()).isEmpty();

        attempt(" Zhou ", AuditFixture.PASSPHRASE);

        assertThat(login.signedInAsProperty().get()).isEqualTo("Zhou");
        assertThat(fx.access.actions()).containsExactly(AccessEvent.Action.OPEN_AUDIT);
        assertThat(model.entries()).isNotEmpty();
    }

    @Test
    void aNameIsRequiredSoTheAccessLogSaysWho() {
        open();

        attempt("  ", AuditFixture.PASSPHRASE);

        assertThat(notice().kind()).isEqualTo(AuditNotice.Kind.NAME_MISSING);
        assertThat(runner.size()).isZero();
        assertThat(login.signedInAsProperty().get()).isNull();
    }

    @Test
    void wrongPassphrasesCountDownThenLockWithTheTimeAndUnlockAfterIt() {
        open();
        for (int left = 4; left >= 1; left--) {
            attempt("Zhou", "not the passphrase");
            assertThat(notice()).isEqualTo(AuditNotice.of(AuditNotice.Kind.WRONG_PASSPHRASE, left));
        }

        attempt("Zhou", "not the passphrase");
        Instant until = fx.clock.instant().plus(Duration.ofMinutes(15));
        assertThat(notice()).isEqualTo(AuditNotice.of(AuditNotice.Kind.LOCKED, until));

        attempt("Zhou", AuditFixture.PASSPHRASE);
        assertThat(notice()).isEqualTo(AuditNotice.of(AuditNotice.Kind.LOCKED, until));
        assertThat(login.signedInAsProperty().get()).isNull();
        assertThat(fx.access.actions()).containsExactly(AccessEvent.Action.LOGIN_FAILED,
                AccessEvent.Action.LOGIN_FAILED, AccessEvent.Action.LOGIN_FAILED, AccessEvent.Action.LOGIN_FAILED,
                AccessEvent.Action.LOCKED_OUT, AccessEvent.Action.LOGIN_FAILED);
        assertThat(fx.access.events).extracting(AccessEvent::detail).noneMatch(d -> d.contains("passphrase\""))
                .allMatch(d -> !d.contains(AuditFixture.PASSPHRASE));

        fx.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        attempt("Zhou", AuditFixture.PASSPHRASE);
        assertThat(login.signedInAsProperty().get()).isEqualTo("Zhou");
    }

    @Test
    void aLockOutIsShownAsSoonAsTheGateOpens() throws IOException {
        for (int i = 0; i < 5; i++) {
            fx.gate.login("guess guess".toCharArray());
        }

        open();

        assertThat(notice().kind()).isEqualTo(AuditNotice.Kind.LOCKED);
    }

    @Test
    void ifTheOpeningCannotBeRecordedTheAuditStaysClosed() {
        open();
        fx.access.failWith(AuditWriteException.Kind.LOCKED);

        attempt("Zhou", AuditFixture.PASSPHRASE);

        assertThat(login.signedInAsProperty().get()).isNull();
        assertThat(notice()).isEqualTo(AuditNotice.of(AuditNotice.Kind.NOT_RECORDED, AccessEvent.Action.OPEN_AUDIT,
                AuditWriteException.Kind.LOCKED));
        assertThat(fx.reader.pageFilters).isEmpty();
    }

    @Test
    void anUnreadablePassphraseFileClosesTheGateWithAClearMessage() {
        fx.gate.broken = true;

        open();

        assertThat(login.modeProperty().get()).isEqualTo(LoginViewModel.Mode.UNAVAILABLE);
        assertThat(notice().kind()).isEqualTo(AuditNotice.Kind.CREDENTIAL_PROBLEM);
        attempt("Zhou", AuditFixture.PASSPHRASE);
        assertThat(runner.size()).isZero();
    }

    @Test
    void aSignedInSupervisorChangesThePassphraseWithTheOldOne() throws IOException {
        open();
        attempt("Zhou", AuditFixture.PASSPHRASE);

        login.change("wrong old one", "a new passphrase", "a new passphrase");
        runner.runAll();
        assertThat(notice()).isEqualTo(AuditNotice.of(AuditNotice.Kind.WRONG_PASSPHRASE, 4));

        login.change(AuditFixture.PASSPHRASE, "a new passphrase", "a new passfrase");
        assertThat(notice().kind()).isEqualTo(AuditNotice.Kind.MISMATCH);

        login.change(AuditFixture.PASSPHRASE, "a new passphrase", "a new passphrase");
        runner.runAll();

        assertThat(notice().kind()).isEqualTo(AuditNotice.Kind.CHANGED);
        assertThat(fx.access.actions()).endsWith(AccessEvent.Action.LOGIN_FAILED,
                AccessEvent.Action.PASSPHRASE_CHANGED);
        assertThat(fx.gate.login("a new passphrase".toCharArray()).name()).isEqualTo("ACCEPTED");
    }
}
