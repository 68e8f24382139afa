package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditKeyTest {
    @TempDir
    Path dir;

    @Test
    void createsA32ByteKeyOnFirstUseAndReloadsTheSameKey() throws Exception {
        Path file = dir.resolve("keys/audit.key");

        byte[] created = AuditKey.loadOrCreate(file);

        assertThat(created).hasSize(32);
        assertThat(Files.readString(file)).matches("[0-9a-f]{64}\n");
        assertThat(AuditKey.loadOrCreate(file)).isEqualTo(created);
        assertThat(AuditKey.load(file)).isEqualTo(created);
    }

    @Test
    void eachNewKeyFileGetsItsOwnRandomKey() throws Exception {
        assertThat(AuditKey.loadOrCreate(dir.resolve("a.key")))
                .isNotEqualTo(AuditKey.loadOrCreate(dir.resolve("b.key")));
    }

    @Test
    void newKeyFileIsReadableByItsOwnerOnly() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "no POSIX permissions here");
        Path file = dir.resolve("audit.key");

        AuditKey.loadOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws Exception {
        AuditKey.loadOrCreate(dir.resolve("audit.key"));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("audit.key");
        }
    }

    @Test
    void windowsStartingTogetherAllEndUpWithTheSameKey() throws Exception {
        Path file = dir.resolve("audit.key");
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<byte[]>> keys = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                keys.add(pool.submit(() -> {
                    go.await();
                    return AuditKey.loadOrCreate(file);
                }));
            }
            go.countDown();
            List<byte[]> loaded = new ArrayList<>();
            for (Future<byte[]> key : keys) {
                loaded.add(key.get(30, TimeUnit.SECONDS));
            }
            byte[] onDisk = AuditKey.load(file);
            assertThat(loaded).allSatisfy(k -> assertThat(k).isEqualTo(onDisk));
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc\n", "zz", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef00",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg"})
    void malformedKeyFileIsRefusedAndKeptForRepair(String content) throws Exception {
        Path file = dir.resolve("audit.key");
        Files.writeString(file, content);

        Throwable e = catchThrowable(() -> AuditKey.loadOrCreate(file));

        assertThat(e).isInstanceOf(IOException.class)
                .hasMessageContaining("malformed").hasMessageContaining("64 hexadecimal characters");
        if (!content.isBlank()) {
            assertThat(e).as("no key material in the message").hasMessageNotContaining(content.strip());
        }
        assertThat(Files.readString(file)).isEqualTo(content);
    }

    @Test
    void missingKeyIsReportedByLoad() {
        assertThatThrownBy(() -> AuditKey.load(dir.resolve("absent.key"))).isInstanceOf(IOException.class);
    }
}
