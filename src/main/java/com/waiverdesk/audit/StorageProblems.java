package com.waiverdesk.audit;

import com.waiverdesk.audit.AuditWriteException.Kind;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells a read-only or full file system from other failures of the audit files. SQLite and the JDK do not always say
 * so themselves: opening a log on a read-only mount is SQLITE_CANTOPEN, on a full disk SQLITE_IOERR_SHMSIZE, and a
 * key file that cannot be created is a plain {@code FileSystemException}; so the folder is asked afterwards.
 */
public final class StorageProblems {
    /** Less free space than this and SQLite cannot even grow its shared-memory file: the disk counts as full. */
    static final long MIN_FREE_BYTES = 64 * 1024;

    private StorageProblems() {
    }

    /** The kind of a failed operation on {@code file}, from the exception's own words, else the folder's state. */
    public static Kind kindOf(IOException e, Path file) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof AccessDeniedException || message.contains("Read-only file system")) {
            return Kind.READ_ONLY;
        }
        if (message.contains("No space left") || message.contains("Disk quota")) {
            return Kind.DISK_FULL;
        }
        return refine(Kind.UNAVAILABLE, file);
    }

    /**
     * {@code kind}, or where it is {@link Kind#UNAVAILABLE}, READ_ONLY or DISK_FULL if that is what the folder of
     * {@code file} (or its nearest existing ancestor) shows now.
     */
    static Kind refine(Kind kind, Path file) {
        if (kind != Kind.UNAVAILABLE || file == null) {
            return kind;
        }
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        while (folder != null && !Files.isDirectory(folder)) {
            folder = folder.getParent();
        }
        if (folder == null) {
            return kind;
        }
        try {
            FileStore store = Files.getFileStore(folder);
            return fromState(kind, store.isReadOnly(), store.getUsableSpace(), Files.isWritable(folder),
                    !Files.exists(absolute) || Files.isWritable(absolute));
        } catch (IOException | SecurityException e) {
            return kind;
        }
    }

    /** The decision itself, apart from the file system, so that every case can be tested. */
    static Kind fromState(Kind kind, boolean readOnlyStore, long usableBytes, boolean folderWritable,
                          boolean fileWritable) {
        if (kind != Kind.UNAVAILABLE) {
            return kind;
        }
        if (readOnlyStore || !folderWritable || !fileWritable) {
            return Kind.READ_ONLY;
        }
        return usableBytes < MIN_FREE_BYTES ? Kind.DISK_FULL : kind;
    }
}
