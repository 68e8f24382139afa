package com.waiverdesk.mock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where the mock's shared secret comes from: generated fresh, or kept in a file that the standalone mock and the
 * {@code check} command both read, so that no secret is ever written into the code or the data.
 *
 * <p>The file holds the secret as text; the HMAC key is the UTF-8 bytes of that text with surrounding whitespace
 * trimmed.
 */
public final class SecretFile {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFile() {
    }

    /** A new random secret: 32 random bytes as 43 base64url characters, used as text like a secret from a file. */
    public static byte[] generate() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw).getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads the secret in the file (trimmed UTF-8 text); an empty file is an error. */
    public static byte[] read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw new IOException("secret file is empty: " + file);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads the secret in the file, or, when there is none, generates one and writes it there readable by the owner
     * only (where the file system has POSIX permissions).
     */
    public static byte[] loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return read(file);
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] secret = generate();
        // Written whole to a private temporary file, then moved: a reader never sees a half-written secret.
        Path tmp = Files.createTempFile(dir, ".secret", ".tmp", ownerOnly(dir));
        try {
            Files.write(tmp, secret);
            Files.move(tmp, file);
            return secret;
        } catch (FileAlreadyExistsException e) {
            return read(file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }
}
