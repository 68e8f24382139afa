package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.app.SupervisorCredential.Result;
import com.waiverdesk.audit.AccessEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SupervisorCredentialTest {
    /** Few iterations keep the tests fast; {@link #realCredentialUsesAtLeastOwaspIterations} checks the real count. */
    private static final int TEST_ITERATIONS = 1_000;
    private static final String GOOD = "correct horse 7";
    private static final Instant START = Instant.parse("2025-03-01T02:00:00Z");

    @TempDir
    Path dir;
    private final MovableClock clock = new MovableClock(START);

    private SupervisorCredential credential() {
        return new SupervisorCredential(dir.resolve(SupervisorCredential.FILE_NAME), clock, TEST_ITERATIONS);
    }

    private JsonNode stored() throws IOException {
        return new ObjectMapper().readTree(dir.resolve(SupervisorCredential.FILE_NAME).toFile());
    }

    @Test
    void realCredentialUsesAtLeastOwaspIterations() throws IOException {
        SupervisorCredential real = SupervisorCredential.beside(dir.resolve("audit.db"), clock);

        assertThat(real.set(GOOD.toCharArray())).isEqualTo(Result.SET);

        assertThat(stored().path("iterations").asInt()).isGreaterThanOrEqualTo(210_000);
        assertThat(stored().path("algorithm").asText()).isEqualTo("PBKDF2WithHmacSHA256");
        assertThat(real.login(GOOD.toCharArray())).isEqualTo(Result.ACCEPTED);
        assertThat(real.file()).isEqualTo(dir.resolve("supervisor.json").toAbsolutePath());
    }

    /** The two credentials where production puts them (beside the audit database), hashed fast for the test. */
    private SupervisorCredential fast(SupervisorCredential placed) {
        return new SupervisorCredential(placed.file(), clock, TEST_ITERATIONS);
    }

    @Test
    void itsPassphraseIsAFileOfItsOwnBesideTheSupervisors() {
        Path database = dir.resolve("audit.db");

        assertThat(SupervisorCredential.itBeside(database, clock).file())
                .isEqualTo(dir.resolve("it-settings.json").toAbsolutePath());
        assertThat(SupervisorCredential.beside(database, clock).file())
                .isEqualTo(dir.resolve("supervisor.json").toAbsolutePath());
    }

    @Test
    void fiveWrongSupervisorPassphrasesDoNotLockIt() throws IOException {
        Path database = dir.resolve("audit.db");
        SupervisorCredential supervisor = fast(SupervisorCredential.beside(database, clock));
        SupervisorCredential it = fast(SupervisorCredential.itBeside(database, clock));
        supervisor.set(GOOD.toCharArray());
        it.set("it passphrase 42".toCharArray());

        for (int i = 0; i < 4; i++) {
            assertThat(supervisor.login("wrong one 1".toCharArray())).isEqualTo(Result.WRONG_PASSPHRASE);
        }
        assertThat(supervisor.login("wrong one 1".toCharArray())).isEqualTo(Result.LOCKED_OUT);

        assertThat(it.lockedUntil()).isEmpty();
        assertThat(it.attemptsLeft()).isEqualTo(5);
        assertThat(it.login("it passphrase 42".toCharArray())).isEqualTo(Result.ACCEPTED);
        assertThat(supervisor.login(GOOD.toCharArray())).isEqualTo(Result.STILL_LOCKED);
    }

    @Test
    void fiveWrongItPassphrasesDoNotLockTheSupervisor() throws IOException {
        Path database = dir.resolve("audit.db");
        SupervisorCredential supervisor = fast(SupervisorCredential.beside(database, clock));
        SupervisorCredential it = fast(SupervisorCredential.itBeside(database, clock));
        supervisor.set(GOOD.toCharArray());
        it.set("it passphrase 42".toCharArray());

        for (int i = 0; i < 5; i++) {
            it.login(GOOD.toCharArray()); // the supervisor's passphrase is not IT's
        }

        assertThat(it.lockedUntil()).contains(START.plus(SupervisorCredential.LOCK_OUT));
        assertThat(supervisor.lockedUntil()).isEmpty();
        assertThat(supervisor.login(GOOD.toCharArray())).isEqualTo(Result.ACCEPTED);
    }

    @Test
    void storesOnlyASaltedHashNeverThePassphrase() throws IOException {
        credential().set(GOOD.toCharArray());

        String text = Files.readString(dir.resolve(SupervisorCredential.FILE_NAME), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(GOOD).doesNotContain("horse");
        assertThat(Base64.getDecoder().decode(stored().path("salt").asText())).hasSize(16);
        assertThat(Base64.getDecoder().decode(stored().path("hash").asText())).hasSize(32);
        assertThat(stored().path("failedAttempts").asInt()).isZero();
        assertThat(stored().path("lockedUntil").isNull()).isTrue();
    }

    @Test
    void samePassphraseGetsADifferentSaltAndHashEachTime() throws IOException {
        Path other = dir.resolve("other");
        credential().set(GOOD.toCharArray());
        new SupervisorCredential(other.resolve("supervisor.json"), clock, TEST_ITERATIONS).set(GOOD.toCharArray());
        JsonNode second = new ObjectMapper().readTree(other.resolve("supervisor.json").toFile());

        assertThat(second.path("salt").asText()).isNotEqualTo(stored().path("salt").asText());
        assertThat(second.path("hash").asText()).isNotEqualTo(stored().path("hash").asText());
    }

    @Test
    void acceptsTheRightPassphraseAndRefusesAWrongOne() throws IOException {
        SupervisorCredential credential = credential();
        assertThat(credential.isSet()).isFalse();
        assertThat(credential.login(GOOD.toCharArray())).isEqualTo(Result.NOT_SET);

        credential.set(GOOD.toCharArray());

        assertThat(credential.isSet()).isTrue();
        assertThat(credential.login(GOOD.toCharArray())).isEqualTo(Result.ACCEPTED);
        assertThat(credential.login("correct horse 8".toCharArray())).isEqualTo(Result.WRONG_PASSPHRASE);
        assertThat(credential.login(new char[0])).isEqualTo(Result.WRONG_PASSPHRASE);
        assertThat(credential.attemptsLeft()).isEqualTo(3);
        assertThat(credential.login(GOOD.toCharArray())).isEqualTo(Result.ACCEPTED);
        assertThat(credential.attemptsLeft()).isEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource({"short one, TOO_SHORT", "123456789012, ALL_DIGITS", "'王秀英的密码很长吧', TOO_SHORT",
            "'王秀英的密码很长很长', SET", "1234567890a, SET"})
    void refusesWeakPassphrasesAtSet(String passphrase, Result expected) throws IOException {
        assertThat(credential().set(passphrase.toCharArray())).isEqualTo(expected);
        assertThat(credential().isSet()).isEqualTo(expected == Result.SET);
    }

    @Test
    void secondSetDoesNotReplaceTheFirst() throws IOException {
        credential().set(GOOD.toCharArray());

        assertThat(credential().set("another passphrase".toCharArray())).isEqualTo(Result.ALREADY_SET);
        assertThat(credential().login(GOOD.toCharArray())).isEqualTo(Result.ACCEPTED);
    }

    @Test
    void fiveWrongTriesLockForFifteenMinutesEvenTheRightPassphrase() throws IOException {
        SupervisorCredential credential = credential();
        credential.set(GOOD.toCharArray());
        for (int i = 0; i < 4; i++) {
            assertThat(credential.login("wrong guess!".toCharArray())).isEqualTo(Result.WRONG_PASSPHRASE);
        }

        assertThat(credential.login("wrong guess!".toCharArray())).isEqualTo(Result.LOCKED_OUT);

        assertThat(credential.lockedUntil()).contains(START.plus(Duration.ofMinutes(15)));
        assertThat(credential.login(GOOD.toCharArray())).isEqualTo(Result.STILL_LOCKED);
        clock.advance(Duration.ofMinutes(14));
        assertThat(credential.login(GOOD.toCharArray())).isEqualTo(Result.STILL_LOCKED);
        assertThat(stored().path("lockedUntil").asText()).isEqualTo("2025-03-01T02:15:00Z");
    }

    @Test
    void unlocksAfterTheLockOutAndCountsAfresh() throws IOException {
        SupervisorCredential credential = credential();
        credential.set(GOOD.toCharArray());
        for (int i = 0; i < 5; i++) {
            credential.login("wrong guess!".toCharArray());
        }

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        assertThat(credential.lockedUntil()).isEmpty();
        assertThat(credential.login("wrong guess!".toCharArray())).isEqualTo(Result.WRONG_PASSPHRASE);
        assertThat(credential.attemptsLeft()).isEqualTo(4);
        assertThat(credential.login(GOOD.toCharArray())).isEqualTo(Result.ACCEPTED);
        assertThat(stored().path("lockedUntil").isNull()).isTrue();
    }

    @Test
    void lockOutIsSharedByEveryWindowUsingTheSameFile() throws IOException {
        credential().set(GOOD.toCharArray());
        for (int i = 0; i < 5; i++) {
            credential().login("wrong guess!".toCharArray());
        }

        assertThat(credential().login(GOOD.toCharArray())).isEqualTo(Result.STILL_LOCKED);
    }

    @Test
    void changeNeedsTheOldPassphrase() throws IOException {
        SupervisorCredential credential = credential();
        credential.set(GOOD.toCharArray());

        assertThat(credential.change("wrong guess!".toCharArray(), "new passphrase 1".toCharArray()))
                .isEqualTo(Result.WRONG_PASSPHRASE);
        assertThat(credential.change(GOOD.toCharArray(), "short".toCharArray())).isEqualTo(Result.TOO_SHORT);
        assertThat(credential.change(GOOD.toCharArray(), "new passphrase 1".toCharArray())).isEqualTo(Result.CHANGED);

        assertThat(credential.login(GOOD.toCharArray())).isEqualTo(Result.WRONG_PASSPHRASE);
        assertThat(credential.login("new passphrase 1".toCharArray())).isEqualTo(Result.ACCEPTED);
    }

    @Test
    void resetRemovesTheCredentialSoTheNextSupervisorSetsANewOne() throws IOException {
        SupervisorCredential credential = credential();
        credential.set(GOOD.toCharArray());
        for (int i = 0; i < 5; i++) {
            credential.login("wrong guess!".toCharArray());
        }

        assertThat(credential.reset()).isEqualTo(Result.RESET);

        assertThat(credential.isSet()).isFalse();
        assertThat(credential.reset()).isEqualTo(Result.NOT_SET);
        assertThat(credential.set("brand new passphrase".toCharArray())).isEqualTo(Result.SET);
        assertThat(credential.login("brand new passphrase".toCharArray())).isEqualTo(Result.ACCEPTED);
    }

    @Test
    void loginUpgradesAnOldIterationCount() throws IOException {
        credential().set(GOOD.toCharArray());
        SupervisorCredential stronger = new SupervisorCredential(dir.resolve(SupervisorCredential.FILE_NAME), clock,
                TEST_ITERATIONS * 2);

        assertThat(stronger.login(GOOD.toCharArray())).isEqualTo(Result.ACCEPTED);

        assertThat(stored().path("iterations").asInt()).isEqualTo(TEST_ITERATIONS * 2);
        assertThat(stronger.login(GOOD.toCharArray())).isEqualTo(Result.ACCEPTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "{\"format\":1}",
            "{\"format\":1,\"algorithm\":\"PBKDF2WithHmacSHA256\",\"iterations\":1000,\"salt\":\"%%\",\"hash\":\"AA==\","
                    + "\"failedAttempts\":0}",
            "{\"format\":1,\"algorithm\":\"MD5\",\"iterations\":1000}",
            "{\"format\":1,\"algorithm\":\"PBKDF2WithHmacSHA256\",\"iterations\":1000,"
                    + "\"salt\":\"AAAAAAAAAAAAAAAAAAAAAA==\","
                    + "\"hash\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\",\"failedAttempts\":0,"
                    + "\"lockedUntil\":\"tomorrow\"}"})
    void damagedFileGivesAClearErrorNamingTheFileAndTheFix(String content) throws IOException {
        Path file = dir.resolve(SupervisorCredential.FILE_NAME);
        Files.writeString(file, content);

        assertThatThrownBy(() -> credential().login(GOOD.toCharArray()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("damaged")
                .hasMessageContaining("reset-passphrase");
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        SupervisorCredential credential = credential();
        credential.set(GOOD.toCharArray());
        credential.login("wrong guess!".toCharArray());
        credential.change(GOOD.toCharArray(), "another passphrase".toCharArray());

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("supervisor.json");
        }
    }

    @ParameterizedTest
    @CsvSource({"SET, PASSPHRASE_SET", "CHANGED, PASSPHRASE_CHANGED", "RESET, PASSPHRASE_RESET",
            "WRONG_PASSPHRASE, LOGIN_FAILED", "STILL_LOCKED, LOGIN_FAILED", "LOCKED_OUT, LOCKED_OUT"})
    void everyOutcomeWorthRecordingNamesItsAccessEvent(Result result, AccessEvent.Action action) {
        assertThat(result.accessAction()).contains(action);
    }

    @ParameterizedTest
    @CsvSource({"ACCEPTED", "NOT_SET", "ALREADY_SET", "TOO_SHORT", "ALL_DIGITS"})
    void outcomesThatChangeNothingNameNoAccessEvent(Result result) {
        assertThat(result.accessAction()).isEmpty();
    }

    @Test
    void toStringNamesOnlyTheFile() throws IOException {
        SupervisorCredential credential = credential();
        credential.set(GOOD.toCharArray());
        assertThat(credential.toString()).contains("supervisor.json").doesNotContain(GOOD);
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
