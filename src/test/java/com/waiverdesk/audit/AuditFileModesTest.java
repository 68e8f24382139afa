package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The audit database, its anchors and its key are made readable by their owner only (or a shared folder's group). */
class AuditFileModesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    /** Creates the key, the database (with one entry, so its -wal and -shm exist while open) and the anchors. */
    private void makeALog(Path folder, String[] modesWhileOpen) throws Exception {
        byte[] key = AuditKey.loadOrCreate(folder.resolve("audit.key"));
        try (SqliteAuditLog log = SqliteAuditLog.open(folder.resolve("audit.db"), key)) {
            log.append(AuditFixtures.entry(1));
            modesWhileOpen[0] = mode(folder.resolve("audit.db-wal"));
            modesWhileOpen[1] = mode(folder.resolve("audit.db-shm"));
        }
    }

    @Test
    void everyFileIsTheOwnersOnlyInAnOrdinaryFolder() throws Exception {
        String[] sidecars = new String[2];
        makeALog(dir, sidecars);

        assertThat(mode(dir.resolve("audit.db"))).isEqualTo("rw-------");
        assertThat(sidecars).containsExactly("rw-------", "rw-------");
        assertThat(mode(dir.resolve("audit.db.anchors"))).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("audit.key"))).isEqualTo("rw-------");
    }

    @Test
    void theGroupOfASharedFolderMayWriteTheLogAndReadTheKey() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setAttribute(shared, "unix:mode", 02770);
        assumeTrue(AuditFileModes.sharedFolder(shared), "this file system keeps the set-group-id bit");
        String[] sidecars = new String[2];
        makeALog(shared, sidecars);

        assertThat(mode(shared.resolve("audit.db"))).isEqualTo("rw-rw----");
        assertThat(sidecars).containsExactly("rw-rw----", "rw-rw----");
        assertThat(mode(shared.resolve("audit.db.anchors"))).isEqualTo("rw-rw----");
        assertThat(mode(shared.resolve("audit.key"))).isEqualTo("rw-r-----");
    }

    @Test
    void anExistingFilesModeIsLeftAsItsOwnerSetIt() throws Exception {
        Path db = Files.createFile(dir.resolve("audit.db"));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-rw----"));
        SqliteAuditLog.open(db).close();
        assertThat(mode(db)).isEqualTo("rw-rw----");
    }

    /** The umask of the process that creates them does not matter: {@code check} run under umask 000 and 277. */
    @ParameterizedTest
    @ValueSource(strings = {"000", "022", "277"})
    void theModesHoldWhateverTheUmask(String umask) throws Exception {
        assumeTrue(new File("/bin/sh").canExecute(), "a POSIX shell");
        Path config = Files.writeString(dir.resolve("config.json"), "{}");
        Path folder = Files.createDirectory(dir.resolve("data"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of("/bin/sh", "-c", "umask " + umask + " && exec \"$@\"", "sh", java, "-cp",
                System.getProperty("java.class.path"), "com.waiverdesk.Main", "check", "--config", config.toString(),
                "--audit-db", folder.resolve("audit.db").toString(), "--name", "王秀英", "--id", "310101195203140028");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();

        assertThat(mode(folder.resolve("audit.db"))).isEqualTo("rw-------");
        assertThat(mode(folder.resolve("audit.db.anchors"))).isEqualTo("rw-------");
        assertThat(mode(folder.resolve("audit.key"))).isEqualTo("rw-------");
    }
}
