package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's native library is written once to a per-user folder and loaded from there, never left in /tmp. */
class SqliteNativeTest {
    @TempDir
    Path dir;

    private static final byte[] LIBRARY = "not really a shared object, but bytes all the same".getBytes();

    @Test
    void writesTheLibraryOnceIntoAFolderNamedAfterItsContent() throws Exception {
        Path folder = SqliteNative.install(LIBRARY, "libsqlitejdbc.so", dir);

        // the first 16 hex digits of SHA-256 of LIBRARY, computed with sha256sum
        assertThat(folder).isEqualTo(dir.resolve("5c48a646baaa7d8d"));
        assertThat(folder.resolve("libsqlitejdbc.so")).hasBinaryContent(LIBRARY);
        Files.setLastModifiedTime(folder.resolve("libsqlitejdbc.so"), FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));

        assertThat(SqliteNative.install(LIBRARY, "libsqlitejdbc.so", dir)).isEqualTo(folder);
        assertThat(Files.getLastModifiedTime(folder.resolve("libsqlitejdbc.so")).toInstant())
                .as("an identical copy is used as it is").isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(folder.resolve("libsqlitejdbc.so")); // no temporary file left
        }
    }

    @Test
    void aDamagedCopyIsReplacedBeforeUse() throws Exception {
        Path folder = SqliteNative.install(LIBRARY, "libsqlitejdbc.so", dir);
        Files.write(folder.resolve("libsqlitejdbc.so"), new byte[] {1, 2, 3});

        SqliteNative.install(LIBRARY, "libsqlitejdbc.so", dir);

        assertThat(folder.resolve("libsqlitejdbc.so")).hasBinaryContent(LIBRARY);
    }

    @Test
    void theFolderIsThePlatformsPerUserCache() {
        Path home = Path.of("/home/li");
        assertThat(SqliteNative.baseFolder("Linux", home, Map.of()))
                .isEqualTo(Path.of("/home/li/.cache/waiverdesk/native"));
        assertThat(SqliteNative.baseFolder("Linux", home, Map.of("XDG_CACHE_HOME", "/var/cache/li")))
                .isEqualTo(Path.of("/var/cache/li/waiverdesk/native"));
        assertThat(SqliteNative.baseFolder("Linux", home, Map.of("XDG_CACHE_HOME", "relative")))
                .isEqualTo(Path.of("/home/li/.cache/waiverdesk/native"));
        assertThat(SqliteNative.baseFolder("Mac OS X", home, Map.of()))
                .isEqualTo(Path.of("/home/li/Library/Caches/WaiverDesk/native"));
    }

    @Test
    void theDriverLoadsTheLibraryFromThatFolder() throws Exception {
        SqliteAuditLog.open(dir.resolve("audit.db")).close();

        String path = System.getProperty("org.sqlite.lib.path");
        assertThat(path).isNotNull();
        assertThat(Path.of(path, System.getProperty("org.sqlite.lib.name"))).isRegularFile();
        assertThat(System.getProperty("org.sqlite.tmpdir")).isEqualTo(path);
    }
}
