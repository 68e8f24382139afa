package com.waiverdesk.app;

import com.waiverdesk.audit.AccessEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A passphrase kept beside the audit database: the supervisor's ({@value #FILE_NAME}, which keeps clerks out of the
 * audit trail) or hospital IT's ({@value #IT_FILE_NAME}, in front of the settings), each with its own failure count
 * and lock-out, so wrong tries at one never lock the other. Set at first use, stored only as a slow salted
 * PBKDF2-HMAC-SHA256 hash, locked for 15 minutes after 5 wrong tries. Every method returns a {@link Result} for the
 * caller to record as an access event.
 *
 * <p>Reset (a forgotten passphrase): hospital IT runs {@code waiverdesk audit reset-passphrase [--for it]}, which
 * records {@link AccessEvent.Action#PASSPHRASE_RESET} and calls {@link #reset()}; the next person to open that screen
 * sets a new passphrase. Deleting the file by hand has the same effect but leaves no access event, so use the command.
 * Blocking (disk, and about half a second of hashing): never on the FX thread.
 */
public final class SupervisorCredential {
    public static final String FILE_NAME = "supervisor.json";
    /** IT's passphrase for the settings screen: the same rules, its own file, so its own lock-out. */
    public static final String IT_FILE_NAME = "it-settings.json";
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256 (its 210,000 is for HMAC-SHA512). */
    public static final int ITERATIONS = 600_000;
    public static final int MIN_LENGTH = 10;
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_OUT = Duration.ofMinutes(15);
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    /** What happened; {@link #accessAction()} says which access event the caller records. */
    public enum Result {
        SET, ACCEPTED, CHANGED, RESET, WRONG_PASSPHRASE, LOCKED_OUT, STILL_LOCKED, NOT_SET, ALREADY_SET,
        TOO_SHORT, ALL_DIGITS;

        public Optional<AccessEvent.Action> accessAction() {
            switch (this) {
                case SET:
                    return Optional.of(AccessEvent.Action.PASSPHRASE_SET);
                case CHANGED:
                    return Optional.of(AccessEvent.Action.PASSPHRASE_CHANGED);
                case RESET:
                    return Optional.of(AccessEvent.Action.PASSPHRASE_RESET);
                case WRONG_PASSPHRASE:
                case STILL_LOCKED:
                    return Optional.of(AccessEvent.Action.LOGIN_FAILED);
                case LOCKED_OUT:
                    return Optional.of(AccessEvent.Action.LOCKED_OUT);
                default:
                    return Optional.empty();
            }
        }
    }

    private final CredentialFile file;
    private final Clock clock;
    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public SupervisorCredential(Path file, Clock clock) {
        this(file, clock, ITERATIONS);
    }

    /** For tests, which cannot spend half a second on every hash. */
    SupervisorCredential(Path file, Clock clock, int iterations) {
        this.file = new CredentialFile(file);
        this.clock = clock;
        this.iterations = iterations;
    }

    /** The credential of the audit database at {@code auditDatabase}: {@value #FILE_NAME} in the same folder. */
    public static SupervisorCredential beside(Path auditDatabase, Clock clock) {
        return new SupervisorCredential(auditDatabase.toAbsolutePath().resolveSibling(FILE_NAME), clock);
    }

    /** IT's credential for the settings of the desks sharing {@code auditDatabase}: {@value #IT_FILE_NAME}. */
    public static SupervisorCredential itBeside(Path auditDatabase, Clock clock) {
        return new SupervisorCredential(auditDatabase.toAbsolutePath().resolveSibling(IT_FILE_NAME), clock);
    }

    /** {@link Result#TOO_SHORT} or {@link Result#ALL_DIGITS} for a passphrase too weak to set, else empty. */
    public static Optional<Result> weakness(char[] passphrase) {
        if (Character.codePointCount(passphrase, 0, passphrase.length) < MIN_LENGTH) {
            return Optional.of(Result.TOO_SHORT);
        }
        for (char c : passphrase) {
            if (!Character.isDigit(c)) {
                return Optional.empty();
            }
        }
        return Optional.of(Result.ALL_DIGITS);
    }

    public synchronized boolean isSet() throws IOException {
        return file.read().isPresent();
    }

    /** When the lock-out ends, if it is locked now. */
    public synchronized Optional<Instant> lockedUntil() throws IOException {
        return file.read().map(CredentialFile.State::lockedUntil).filter(until -> until.isAfter(clock.instant()));
    }

    /** Tries left before the lock-out (all of them when nothing is set). */
    public synchronized int attemptsLeft() throws IOException {
        return MAX_FAILURES - file.read().map(CredentialFile.State::failedAttempts).orElse(0);
    }

    /** First use: SET, or ALREADY_SET (another window was first), TOO_SHORT, ALL_DIGITS. */
    public synchronized Result set(char[] passphrase) throws IOException {
        Optional<Result> weak = weakness(passphrase);
        if (weak.isPresent()) {
            return weak.get();
        }
        if (file.read().isPresent()) {
            return Result.ALREADY_SET;
        }
        return file.create(fresh(passphrase)) ? Result.SET : Result.ALREADY_SET;
    }

    /** ACCEPTED, WRONG_PASSPHRASE, LOCKED_OUT (this failure locked it), STILL_LOCKED (not even tried) or NOT_SET. */
    public synchronized Result login(char[] passphrase) throws IOException {
        Optional<CredentialFile.State> stored = file.read();
        if (stored.isEmpty()) {
            return Result.NOT_SET;
        }
        Result checked = check(stored.get(), passphrase);
        if (checked == Result.ACCEPTED && stored.get().iterations() < iterations) {
            file.write(fresh(passphrase));
        }
        return checked;
    }

    /** CHANGED, or as {@link #login} when the old passphrase fails, or TOO_SHORT / ALL_DIGITS for the new one. */
    public synchronized Result change(char[] oldPassphrase, char[] newPassphrase) throws IOException {
        Optional<CredentialFile.State> stored = file.read();
        if (stored.isEmpty()) {
            return Result.NOT_SET;
        }
        Optional<Result> weak = weakness(newPassphrase);
        if (weak.isPresent()) {
            return weak.get();
        }
        Result checked = check(stored.get(), oldPassphrase);
        if (checked != Result.ACCEPTED) {
            return checked;
        }
        file.write(fresh(newPassphrase));
        return Result.CHANGED;
    }

    /** Removes the credential (IT's procedure for a forgotten passphrase): RESET, or NOT_SET if there was none. */
    public synchronized Result reset() throws IOException {
        return file.delete() ? Result.RESET : Result.NOT_SET;
    }

    private Result check(CredentialFile.State state, char[] passphrase) throws IOException {
        Instant now = clock.instant();
        if (state.lockedUntil() != null && state.lockedUntil().isAfter(now)) {
            return Result.STILL_LOCKED;
        }
        byte[] attempt = derive(passphrase, state.salt(), state.iterations());
        if (MessageDigest.isEqual(attempt, state.hash())) {
            if (state.failedAttempts() > 0 || state.lockedUntil() != null) {
                file.write(state.withFailures(0, null));
            }
            return Result.ACCEPTED;
        }
        int failures = state.failedAttempts() + 1;
        if (failures >= MAX_FAILURES) {
            file.write(state.withFailures(0, now.plus(LOCK_OUT)));
            return Result.LOCKED_OUT;
        }
        file.write(state.withFailures(failures, null));
        return Result.WRONG_PASSPHRASE;
    }

    private CredentialFile.State fresh(char[] passphrase) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new CredentialFile.State(iterations, salt, derive(passphrase, salt, iterations), 0, null);
    }

    private static byte[] derive(char[] passphrase, byte[] salt, int iterations) {
        if (passphrase.length == 0) {
            // the JDK refuses an empty PBKDF2 password; no stored hash can match it anyway
            return new byte[0];
        }
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(CredentialFile.ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(CredentialFile.ALGORITHM + " unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Where the credential lives, for IT's messages. */
    public Path file() {
        return file.path();
    }

    @Override
    public String toString() {
        return "SupervisorCredential[" + file.path() + "]";
    }
}
