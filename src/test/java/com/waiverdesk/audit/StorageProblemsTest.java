package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.waiverdesk.audit.AuditWriteException.Kind;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** A read-only or full disk is reported as READ_ONLY / DISK_FULL (docs/configuration.md), never as UNAVAILABLE. */
class StorageProblemsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "read-only store {0}, {1} bytes free, folder writable {2}, file writable {3} -> {4}")
    @CsvSource({
        "false, 1000000000, true,  true,  UNAVAILABLE",
        "true,  1000000000, true,  true,  READ_ONLY",
        "false, 1000000000, false, true,  READ_ONLY",
        "false, 1000000000, true,  false, READ_ONLY",
        "false, 0,          true,  true,  DISK_FULL",
        "false, 65535,      true,  true,  DISK_FULL",
        "false, 65536,      true,  true,  UNAVAILABLE",
        "true,  0,          true,  true,  READ_ONLY",
    })
    void anUnexplainedFailureIsToldByTheFileSystemsState(boolean readOnlyStore, long free, boolean folderWritable,
                                                          boolean fileWritable, Kind expected) {
        assertThat(StorageProblems.fromState(Kind.UNAVAILABLE, readOnlyStore, free, folderWritable, fileWritable))
                .isEqualTo(expected);
    }

    @Test
    void aKindSqliteAlreadyNamedIsKept() {
        assertThat(StorageProblems.fromState(Kind.LOCKED, true, 0, false, false)).isEqualTo(Kind.LOCKED);
        assertThat(StorageProblems.fromState(Kind.CORRUPT, false, 0, true, true)).isEqualTo(Kind.CORRUPT);
    }

    @Test
    void theJdksWordsForAFullOrReadOnlyDiskAreUnderstood() {
        Path file = dir.resolve("audit.key");
        assertThat(StorageProblems.kindOf(new FileSystemException(file.toString(), null, "No space left on device"),
                file)).isEqualTo(Kind.DISK_FULL);
        assertThat(StorageProblems.kindOf(new FileSystemException(file.toString(), null, "Disk quota exceeded"),
                file)).isEqualTo(Kind.DISK_FULL);
        assertThat(StorageProblems.kindOf(new FileSystemException(file.toString(), null, "Read-only file system"),
                file)).isEqualTo(Kind.READ_ONLY);
        assertThat(StorageProblems.kindOf(new AccessDeniedException(file.toString()), file)).isEqualTo(Kind.READ_ONLY);
        // a healthy, writable temporary folder with room: something else went wrong
        assertThat(StorageProblems.kindOf(new IOException("Input/output error"), file)).isEqualTo(Kind.UNAVAILABLE);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "SQLITE_FULL,           DISK_FULL",
        "SQLITE_READONLY,       READ_ONLY",
        "SQLITE_READONLY_DBMOVED, READ_ONLY",
        "SQLITE_BUSY,           LOCKED",
        "SQLITE_CORRUPT,        CORRUPT",
        "SQLITE_NOTADB,         CORRUPT",
        "SQLITE_CANTOPEN,       UNAVAILABLE",
        "SQLITE_IOERR_SHMSIZE,  UNAVAILABLE",
    })
    void sqliteCodesMapToKindsAndAMessageWithOneFullStop(SQLiteErrorCode code, Kind expected) {
        // a healthy folder: only SQLite's code speaks
        AuditWriteException e = SqliteErrors.write(new SQLiteException("x", code), "open the audit database",
                dir.resolve("audit.db"));
        assertThat(e.kind()).isEqualTo(expected);
        assertThat(e.getMessage()).startsWith("Could not open the audit database: ").endsWith(")." )
                .doesNotContain("..");
    }

    @Test
    void cannotOpenInAFolderThatIsNotWritableIsReadOnly() throws Exception {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root may write to any folder");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
        try {
            AuditWriteException e = SqliteErrors.write(new SQLiteException("x", SQLiteErrorCode.SQLITE_CANTOPEN),
                    "open the audit database", locked.resolve("audit.db"));
            assertThat(e.kind()).isEqualTo(Kind.READ_ONLY);
            assertThat(e.getMessage()).contains("read-only");
            AuditWriteException opened = org.assertj.core.api.Assertions.catchThrowableOfType(
                    AuditWriteException.class, () -> SqliteAuditLog.open(locked.resolve("audit.db")));
            assertThat(opened.kind()).isEqualTo(Kind.READ_ONLY);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
