package com.waiverdesk.audit;

import static com.waiverdesk.audit.AuditFixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.waiverdesk.audit.AuditWriteException.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every way the store can fail ends in an exception of a precise kind, with nothing half-written. */
class AuditFailureTest {
    @TempDir
    Path dir;

    /** Both writes a desk or supervisor makes must fail the same precise way. */
    enum Write {
        CHECK_ENTRY, ACCESS_EVENT;

        long to(SqliteAuditLog log, int i) throws AuditWriteException {
            return this == CHECK_ENTRY ? log.append(entry(i)) : log.record(AuditFixtures.accessEvent(i));
        }

        long count(Path db) throws Exception {
            try (Connection c = AuditFixtures.jdbc(db); Statement s = c.createStatement(); ResultSet rs =
                    s.executeQuery("SELECT count(*) FROM " + (this == CHECK_ENTRY ? "audit_entry" : "access_entry"))) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Write.class)
    void lockedDatabaseFailsAsLockedAfterTheBusyTimeoutAndRecoversOnceReleased(Write write) throws Exception {
        Path db = dir.resolve("audit.db");
        try (SqliteAuditLog log = AuditFixtures.openWith(db, 0);
             Connection holder = AuditFixtures.jdbc(db); Statement s = holder.createStatement()) {
            write.to(log, 1);
            s.execute("BEGIN EXCLUSIVE");
            long start = System.nanoTime();

            AuditWriteException e = catchThrowableOfType(AuditWriteException.class, () -> write.to(log, 2));

            // it waits out the busy timeout (a neighbour's commit would have been ridden out), then reports;
            // the upper bound is generous for a loaded machine and still far below a hang
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isGreaterThanOrEqualTo(SqliteAuditLog.BUSY_TIMEOUT).isLessThan(Duration.ofSeconds(15));
            assertKind(e, Kind.LOCKED);
            s.execute("ROLLBACK");
            assertThat(write.to(log, 2)).isEqualTo(2);
            assertThat(log.verify(ProgressListener.NONE).intact()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Write.class)
    void readOnlyConnectionFailsAsReadOnly(Write write) throws Exception {
        Path db = dir.resolve("audit.db");
        try (SqliteAuditLog log = AuditFixtures.openWith(db, 0)) {
            write.to(log, 1);
        }

        try (SqliteAuditLog log = SqliteAuditLog.open("jdbc:sqlite:file:" + db + "?mode=ro")) {
            assertKind(catchThrowableOfType(AuditWriteException.class, () -> write.to(log, 2)), Kind.READ_ONLY);
        }
        assertThat(write.count(db)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Write.class)
    void readOnlyFileFailsAsReadOnly(Write write) throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.openWith(db, 1).close();
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        try {
            assumeFalse(Files.isWritable(db), "running as root: file permissions do not stop writes");
            try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
                assertKind(catchThrowableOfType(AuditWriteException.class, () -> write.to(log, 2)), Kind.READ_ONLY);
            }
        } finally {
            Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @ParameterizedTest
    @EnumSource(Write.class)
    void fullDiskFailsAsDiskFullAndLeavesAnIntactChain(Write write) throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.openWith(db, 1).close();
        long pages;
        try (Connection c = AuditFixtures.jdbc(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA page_count")) {
            rs.next();
            pages = rs.getLong(1);
        }

        // the file may not grow by a single page: writes fill the free space, then the disk is "full"
        long written = write.count(db);
        try (SqliteAuditLog log = SqliteAuditLog.open("jdbc:sqlite:" + db + "?max_page_count=" + pages)) {
            AuditWriteException failure = null;
            for (int i = 1; failure == null && i < 1000; i++) {
                try {
                    written = write.to(log, i);
                } catch (AuditWriteException e) {
                    failure = e;
                }
            }
            assertKind(failure, Kind.DISK_FULL);
            assertThat(log.verify(ProgressListener.NONE).intact()).isTrue();
        }
        assertThat(write.count(db)).isEqualTo(written);
    }

    @Test
    void anchorFileThatCannotBeWrittenFailsWriteAnchorClearlyButNotTheAppend() throws Exception {
        Path db = dir.resolve("audit.db");
        Path blocked = dir.resolve("no-such-folder").resolve("audit.db.anchors");
        try (SqliteAuditLog log = SqliteAuditLog.open(db.toString(), new AnchorFile(blocked, AuditFixtures.KEY))) {
            assertThat(log.append(entry(1))).isEqualTo(1);

            AuditWriteException e = catchThrowableOfType(AuditWriteException.class, log::writeAnchor);

            assertThat(e).isNotNull().hasMessageStartingWith("Could not write the anchor file");
            assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        }
    }

    @Test
    void garbageFileIsRefusedAsCorrupt() throws Exception {
        Path db = dir.resolve("audit.db");
        Files.writeString(db, "not a database, just some text a user saved here\n".repeat(200), StandardCharsets.UTF_8);

        assertKind(catchThrowableOfType(AuditWriteException.class, () -> SqliteAuditLog.open(db)), Kind.CORRUPT);
    }

    @Test
    void newerSchemaIsRefusedWithAClearMessage() throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.openWith(db, 1).close();
        AuditFixtures.sql(db, "PRAGMA user_version = 5");

        AuditWriteException e = catchThrowableOfType(AuditWriteException.class, () -> SqliteAuditLog.open(db));

        assertKind(e, Kind.UNAVAILABLE);
        assertThat(e).hasMessageContaining("schema version 5").hasMessageContaining("update WaiverDesk");
    }

    @Test
    void anotherProgramsDatabaseIsRefusedAndLeftUntouched() throws Exception {
        Path db = dir.resolve("his.db");
        AuditFixtures.sql(db, "CREATE TABLE patients (id INTEGER PRIMARY KEY)");

        assertKind(catchThrowableOfType(AuditWriteException.class, () -> SqliteAuditLog.open(db)), Kind.CORRUPT);
        try (Connection c = AuditFixtures.jdbc(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'audit%'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void databaseMarkedByAnotherApplicationIsRefused() throws Exception {
        Path db = dir.resolve("other.db");
        AuditFixtures.sql(db, "PRAGMA application_id = 42");

        assertKind(catchThrowableOfType(AuditWriteException.class, () -> SqliteAuditLog.open(db)), Kind.CORRUPT);
    }

    @Test
    void folderThatCannotBeCreatedFailsClearly() throws Exception {
        Path blocker = dir.resolve("audit");
        Files.writeString(blocker, "a file where the folder should be");

        AuditWriteException e = catchThrowableOfType(AuditWriteException.class,
                () -> SqliteAuditLog.open(blocker.resolve("audit.db")));

        assertKind(e, Kind.UNAVAILABLE);
        assertThat(e).hasMessageContaining("folder");
    }

    private static void assertKind(AuditWriteException e, Kind kind) {
        assertThat(e).as("expected an AuditWriteException").isNotNull();
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.getMessage()).isNotBlank().startsWith("Could not ").doesNotContain(AuditFixtures.NAME)
                .doesNotContain(AuditFixtures.FULL_ID).doesNotContain(AuditFixtures.FULL_ID.substring(0, 17));
    }
}
