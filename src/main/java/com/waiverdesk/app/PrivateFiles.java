package com.waiverdesk.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes small files that only their owner may read (configuration, credentials, secrets) so that a crash leaves the
 * old or the new content, never half of it: the bytes go to a temporary file beside the target, forced to disk, and
 * are then moved over it in one step.
 */
public final class PrivateFiles {
    private PrivateFiles() {
    }

    /** Replaces (or creates) {@code file} with {@code bytes}, owner-only, in one step. */
    public static void replace(Path file, String prefix, byte[] bytes) throws IOException {
        Path tmp = writeTemp(file, prefix, bytes);
        try {
            moveOver(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A temporary file beside {@code file} holding {@code bytes}, readable by its owner only where the file system
     * has POSIX permissions (elsewhere the folder's own ACL applies, e.g. a per-user {@code %APPDATA%}).
     */
    public static Path writeTemp(Path file, String prefix, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.getFileStore(dir).supportsFileAttributeView("posix")
                ? Files.createTempFile(dir, prefix, ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, prefix, ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(bytes));
            out.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }

    static void moveOver(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
