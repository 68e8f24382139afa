package com.waiverdesk.audit;

import com.waiverdesk.audit.AuditWriteException.Kind;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns SQLite failures into the store's few kinds with one plain-English sentence each, so the caller can decide
 * (no decision is shown) and the log says what IT should fix. Messages never carry entry content.
 */
final class SqliteErrors {
    private static final int BUSY = 5;
    private static final int LOCKED = 6;
    private static final int READONLY = 8;
    private static final int IOERR = 10;
    private static final int CORRUPT = 11;
    private static final int FULL = 13;
    private static final int CANTOPEN = 14;
    private static final int NOTADB = 26;

    private SqliteErrors() {
    }

    static AuditWriteException write(SQLException e, String action) {
        return new AuditWriteException(kindOf(e), sentence(kindOf(e), e, action), e);
    }

    /**
     * As {@link #write(SQLException, String)}, telling a read-only or full file system from the state of the folder
     * of {@code file} when SQLite's code does not (see {@link StorageProblems}).
     */
    static AuditWriteException write(SQLException e, String action, java.nio.file.Path file) {
        Kind kind = StorageProblems.refine(kindOf(e), file);
        return new AuditWriteException(kind, sentence(kind, e, action), e);
    }

    static AuditReadException read(SQLException e, String action) {
        return new AuditReadException(kindOf(e), sentence(kindOf(e), e, action), e);
    }

    /** The anchor file could not be written: the same kinds, told from the file system's exception. */
    static AuditWriteException anchor(java.io.IOException e, java.nio.file.Path file) {
        Kind kind = StorageProblems.kindOf(e, file);
        return new AuditWriteException(kind, "Could not write the anchor file " + file + ": " + switch (kind) {
            case READ_ONLY -> "the file or its folder is read-only";
            case DISK_FULL -> "the disk or quota holding it is full";
            default -> "it could not be written (" + e.getClass().getSimpleName() + ")";
        } + ".", e);
    }

    /**
     * Classifies by SQLite's primary result code. The unix VFS reports a failed write for lack of space as
     * SQLITE_FULL, so FULL is the disk-full signal; other I/O errors stay UNAVAILABLE.
     */
    static Kind kindOf(SQLException e) {
        return switch (primaryCode(e)) {
            case BUSY, LOCKED -> Kind.LOCKED;
            case READONLY -> Kind.READ_ONLY;
            case FULL -> Kind.DISK_FULL;
            case CORRUPT, NOTADB -> Kind.CORRUPT;
            default -> Kind.UNAVAILABLE;
        };
    }

    private static String sentence(Kind kind, SQLException e, String action) {
        String what = switch (kind) {
            case LOCKED -> "the audit database is locked by another program or window and was not released in time";
            case READ_ONLY -> "the audit database is read-only (check the file and folder permissions)";
            case DISK_FULL -> "the disk or quota holding the audit database is full";
            case CORRUPT -> "the audit database file is damaged or is not a WaiverDesk audit database";
            case UNAVAILABLE -> primaryCode(e) == CANTOPEN || primaryCode(e) == IOERR
                    ? "the audit database file could not be opened or accessed"
                    : "the audit database failed";
        };
        return "Could not " + action + ": " + what + " (" + codeName(e) + ").";
    }

    private static int primaryCode(SQLException e) {
        if (e instanceof SQLiteException) {
            return ((SQLiteException) e).getResultCode().code & 0xFF;
        }
        return e.getErrorCode() & 0xFF;
    }

    private static String codeName(SQLException e) {
        if (e instanceof SQLiteException) {
            SQLiteErrorCode code = ((SQLiteException) e).getResultCode();
            return code == SQLiteErrorCode.UNKNOWN_ERROR ? "SQLite code " + e.getErrorCode() : code.name();
        }
        return "SQL error " + e.getErrorCode();
    }
}
