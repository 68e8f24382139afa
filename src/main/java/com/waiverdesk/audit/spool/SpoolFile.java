package com.waiverdesk.audit.spool;

import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.AuditWriteException.Kind;
import com.waiverdesk.audit.SqliteAuditLog;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.LockSupport;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Creates the spool file readable by its owner only (it holds masked IDs and names until they reach the server) and
 * opens connections to it as every audit writer does: WAL, full sync, and the audit log's lock wait, since several
 * processes of one workstation write to it.
 */
final class SpoolFile {
    private SpoolFile() {
    }

    static Connection open(Path file) throws AuditWriteException {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            createOwnerOnly(absolute);
        } catch (IOException e) {
            throw new AuditWriteException(e instanceof AccessDeniedException ? Kind.READ_ONLY : Kind.UNAVAILABLE,
                    "Could not create the audit spool " + absolute + " (" + e.getClass().getSimpleName() + ": "
                            + e.getMessage() + ").", e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) SqliteAuditLog.BUSY_TIMEOUT.toMillis());
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        Connection c = null;
        try {
            c = config.createConnection("jdbc:sqlite:" + absolute);
            switchToWal(c);
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw failure(e, "open", absolute);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        try {
            if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        "rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException anotherProcessWasFirst) {
            // it made the file with the same mode
        }
    }

    /**
     * SQLite answers the switch to WAL of a new file that another process is opening too with SQLITE_BUSY at once,
     * without waiting for the lock; asked again until the lock wait of any write has passed.
     */
    private static void switchToWal(Connection c) throws SQLException {
        long deadline = System.nanoTime() + SqliteAuditLog.BUSY_TIMEOUT.toNanos();
        try (Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                    return;
                } catch (SQLiteException e) {
                    if (e.getResultCode().code != SQLiteErrorCode.SQLITE_BUSY.code || System.nanoTime() > deadline) {
                        throw e;
                    }
                    LockSupport.parkNanos(1_000_000L);
                }
            }
        }
    }

    /** One sentence for IT: what failed, on which file, and SQLite's code. */
    static AuditWriteException failure(SQLException e, String action, Path file) {
        int code = e instanceof SQLiteException sqlite ? sqlite.getResultCode().code & 0xff : -1;
        Kind kind;
        String what;
        if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
            kind = Kind.LOCKED;
            what = "another program holds it locked";
        } else if (code == SQLiteErrorCode.SQLITE_READONLY.code) {
            kind = Kind.READ_ONLY;
            what = "it is read-only (check the file and folder permissions)";
        } else if (code == SQLiteErrorCode.SQLITE_FULL.code) {
            kind = Kind.DISK_FULL;
            what = "the disk holding it is full";
        } else if (code == SQLiteErrorCode.SQLITE_CORRUPT.code || code == SQLiteErrorCode.SQLITE_NOTADB.code) {
            kind = Kind.CORRUPT;
            what = "the file is damaged or is not a WaiverDesk audit spool";
        } else {
            kind = Kind.UNAVAILABLE;
            what = "it could not be accessed";
        }
        String name = e instanceof SQLiteException sqlite ? sqlite.getResultCode().name() : e.getSQLState();
        return new AuditWriteException(kind, "Could not " + action + " the audit spool " + file + ": " + what
                + " (" + name + ").", e);
    }

    static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                System.getLogger(SpoolFile.class.getName()).log(System.Logger.Level.DEBUG,
                        "closing the audit spool failed", e);
            }
        }
    }
}
