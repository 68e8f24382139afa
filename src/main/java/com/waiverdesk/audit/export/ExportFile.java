package com.waiverdesk.audit.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file written beside its final name and moved into place only when complete, so a cancelled or failed export
 * never leaves a truncated file that looks like a whole one. Digests the bytes as they are written.
 */
final class ExportFile implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final MessageDigest sha256;
    private final OutputStream out;
    private boolean committed;

    ExportFile(Path target) throws IOException {
        this.target = target.toAbsolutePath();
        Path dir = this.target.getParent();
        Files.createDirectories(dir);
        this.temp = Files.createTempFile(dir, "." + this.target.getFileName(), ".part");
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        this.out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16), sha256);
    }

    /** The stream to write to; do not close it, close this file. */
    OutputStream stream() {
        return out;
    }

    /** Completes the file (still under its temporary name); returns the hex SHA-256 of its bytes. */
    String finish() throws IOException {
        out.close();
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** Moves the finished file to its name. */
    void commit() throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    /** Removes the partial file unless committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                out.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
