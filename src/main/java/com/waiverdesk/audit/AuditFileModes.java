package com.waiverdesk.audit;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The permissions the audit database, its anchor file and its key are created with, whatever the process umask:
 * readable by their owner only, or, in a folder with the set-group-id bit (the shared folder of
 * docs/audit-trail.md, {@code install -d -m 2770}), by that folder's group too: the database and the anchors
 * read-write ({@code 0660}, SQLite's {@code -wal}/{@code -shm} files copy the database's mode), the key read-only
 * ({@code 0640}). Set with chmod after creation, since a umask only ever removes bits from a creation mode.
 */
public final class AuditFileModes {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> GROUP_WRITES = PosixFilePermissions.fromString("rw-rw----");
    static final Set<PosixFilePermission> GROUP_READS = PosixFilePermissions.fromString("rw-r-----");
    private static final int SET_GROUP_ID = 02000;

    private AuditFileModes() {
    }

    /** The mode of a new database or anchor file in {@code folder}. */
    static Set<PosixFilePermission> data(Path folder) {
        return sharedFolder(folder) ? GROUP_WRITES : OWNER_ONLY;
    }

    /** The mode of a new key file in {@code folder}. */
    static Set<PosixFilePermission> key(Path folder) {
        return sharedFolder(folder) ? GROUP_READS : OWNER_ONLY;
    }

    /** Whether {@code folder} has the set-group-id bit: new files there belong to its group, shared on purpose. */
    static boolean sharedFolder(Path folder) {
        try {
            return (((Integer) Files.getAttribute(folder, "unix:mode")) & SET_GROUP_ID) != 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return false;
        }
    }

    /**
     * Creates {@code file} empty with {@code mode} if it does not exist (another process creating it first is fine);
     * where the file system has no POSIX permissions (Windows), the folder's ACL decides as before. Returns whether
     * this call created it.
     */
    static boolean createIfAbsent(Path file, Set<PosixFilePermission> mode) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        Path folder = file.toAbsolutePath().getParent();
        boolean posix = Files.getFileStore(folder).supportsFileAttributeView("posix");
        try {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.setPosixFilePermissions(file, mode);
            } else {
                Files.createFile(file);
            }
            return true;
        } catch (FileAlreadyExistsException lostTheRace) {
            return false;
        }
    }

    /** Sets {@code mode} exactly where the file system has POSIX permissions. */
    static void apply(Path file, Set<PosixFilePermission> mode) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, mode);
        }
    }
}
