package com.waiverdesk.ui.audit;

import com.waiverdesk.app.SupervisorCredential;
import com.waiverdesk.app.SupervisorCredential.Result;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * The passphrase check as the screen uses it: {@link SupervisorCredential} in production, a fast fake in tests (the
 * real one spends half a second on every hash, by design). Blocking.
 */
public interface SupervisorGate {
    boolean isSet() throws IOException;

    Optional<Instant> lockedUntil() throws IOException;

    int attemptsLeft() throws IOException;

    Result set(char[] passphrase) throws IOException;

    Result login(char[] passphrase) throws IOException;

    Result change(char[] oldPassphrase, char[] newPassphrase) throws IOException;

    /** Signs {@code supervisor} in; a gate of one shared passphrase ignores the name. */
    default Result login(String supervisor, char[] passphrase) throws IOException {
        return login(passphrase);
    }

    /**
     * Whether the supervisor signs in with their own audit server login (the server checks it; no passphrase file,
     * first use or lock-out on this workstation).
     */
    default boolean onServer() {
        return false;
    }

    static SupervisorGate of(SupervisorCredential credential) {
        return new SupervisorGate() {
            @Override
            public boolean isSet() throws IOException {
                return credential.isSet();
            }

            @Override
            public Optional<Instant> lockedUntil() throws IOException {
                return credential.lockedUntil();
            }

            @Override
            public int attemptsLeft() throws IOException {
                return credential.attemptsLeft();
            }

            @Override
            public Result set(char[] passphrase) throws IOException {
                return credential.set(passphrase);
            }

            @Override
            public Result login(char[] passphrase) throws IOException {
                return credential.login(passphrase);
            }

            @Override
            public Result change(char[] oldPassphrase, char[] newPassphrase) throws IOException {
                return credential.change(oldPassphrase, newPassphrase);
            }
        };
    }
}
