package com.waiverdesk.ui.audit;

import com.waiverdesk.app.SupervisorCredential;
import com.waiverdesk.app.SupervisorCredential.Result;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The passphrase rules of {@link SupervisorCredential} without the slow hash, on a clock the test controls. */
final class FakeGate implements SupervisorGate {
    private final Clock clock;
    private String passphrase;
    private int failures;
    private Instant lockedUntil;
    volatile boolean broken;

    FakeGate(Clock clock, String passphrase) {
        this.clock = clock;
        this.passphrase = passphrase;
    }

    synchronized void reset() {
        passphrase = null;
        failures = 0;
        lockedUntil = null;
    }

    private void check() throws IOException {
        if (broken) {
            throw new IOException("simulated damaged supervisor.json");
        }
    }

    @Override
    public synchronized boolean isSet() throws IOException {
        check();
        return passphrase != null;
    }

    @Override
    public synchronized Optional<Instant> lockedUntil() throws IOException {
        check();
        return Optional.ofNullable(lockedUntil).filter(until -> until.isAfter(clock.instant()));
    }

    @Override
    public synchronized int attemptsLeft() {
        return SupervisorCredential.MAX_FAILURES - failures;
    }

    @Override
    public synchronized Result set(char[] secret) throws IOException {
        check();
        Optional<Result> weak = SupervisorCredential.weakness(secret);
        if (weak.isPresent()) {
            return weak.get();
        }
        if (passphrase != null) {
            return Result.ALREADY_SET;
        }
        passphrase = new String(secret);
        return Result.SET;
    }

    @Override
    public synchronized Result login(char[] secret) throws IOException {
        check();
        if (passphrase == null) {
            return Result.NOT_SET;
        }
        if (lockedUntil != null && lockedUntil.isAfter(clock.instant())) {
            return Result.STILL_LOCKED;
        }
        if (passphrase.equals(new String(secret))) {
            failures = 0;
            lockedUntil = null;
            return Result.ACCEPTED;
        }
        if (++failures >= SupervisorCredential.MAX_FAILURES) {
            failures = 0;
            lockedUntil = clock.instant().plus(SupervisorCredential.LOCK_OUT);
            return Result.LOCKED_OUT;
        }
        return Result.WRONG_PASSPHRASE;
    }

    @Override
    public synchronized Result change(char[] old, char[] fresh) throws IOException {
        Result checked = login(old);
        if (checked != Result.ACCEPTED) {
            return checked;
        }
        passphrase = new String(fresh);
        return Result.CHANGED;
    }
}
