package com.waiverdesk.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secret is generated or read from a file the mock and the client share, and never shown. */
class SecretFileTest {

    @Test
    void createsAPrivateSecretFileOnceAndReadsItAfterwards(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("conf").resolve("mock.secret");

        byte[] created = SecretFile.loadOrCreate(file);
        byte[] again = SecretFile.loadOrCreate(file);

        assertThat(created).hasSize(43).isEqualTo(again);
        assertThat(Files.readAllBytes(file)).isEqualTo(created);
        assertThat(dir.resolve("conf")).isDirectoryNotContaining("glob:**.tmp");
        assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void readsAnExistingSecretAsTrimmedUtf8Text(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("s"), "  s3cret-for-tests\n", StandardCharsets.UTF_8);

        assertThat(SecretFile.loadOrCreate(file)).isEqualTo("s3cret-for-tests".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rejectsAnEmptySecretFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("s"), " \n");

        assertThatThrownBy(() -> SecretFile.loadOrCreate(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void generatesADifferentSecretEachTime() {
        assertThat(SecretFile.generate()).isNotEqualTo(SecretFile.generate());
    }

    @Test
    void demoAccountKeepsItsSecretOutOfToString() {
        MockAccount account = MockAccount.demo();

        assertThat(account.id()).isEqualTo(MockAccount.DEMO_ID);
        assertThat(account.toString()).doesNotContain(new String(account.secret(), StandardCharsets.UTF_8));
        assertThat(account.disabled().toString()).contains("disabled");
    }
}
