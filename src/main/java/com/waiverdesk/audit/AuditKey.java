package com.waiverdesk.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Loads or creates the secret key of {@link IdHasher}, kept in its own file and never in the audit database: the ID
 * space is small enough to hash every possible number, so anyone holding the database and the key could recover the
 * IDs from {@code id_hash}; apart, a copied or exported log reveals nothing. Every workstation writing to a shared
 * log needs the same key file, or searches by ID will miss the other workstations' entries.
 *
 * <p>The file holds the 32 key bytes as 64 hex characters and a newline; it is readable by its owner only where the
 * file system has POSIX permissions (and by the group of a shared folder, see {@link AuditFileModes}).
 */
public final class AuditKey {
    public static final int LENGTH = 32;

    private static final System.Logger LOG = System.getLogger(AuditKey.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AuditKey() {
    }

    /** Reads the key, first creating a random one if the file does not exist yet. */
    public static byte[] loadOrCreate(Path keyFile) throws IOException {
        if (!Files.exists(keyFile)) {
            create(keyFile);
        }
        return load(keyFile);
    }

    /** Reads an existing key file. */
    public static byte[] load(Path keyFile) throws IOException {
        String text = Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
        if (text.length() != 2 * LENGTH || !text.chars().allMatch(AuditKey::isHexDigit)) {
            throw new IOException("The audit key file " + keyFile + " is malformed: expected " + 2 * LENGTH
                    + " hexadecimal characters. Restore it from backup; do not replace it with a new key.");
        }
        warnIfOthersCanRead(keyFile);
        return HexFormat.of().parseHex(text);
    }

    /**
     * Writes a fresh key to a private temporary file, then links it into place, which fails if another window got
     * there first: all windows then read the same winner's key instead of overwriting each other's.
     */
    private static void create(Path keyFile) throws IOException {
        Path dir = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        Path tmp = posix
                ? Files.createTempFile(dir, ".audit-key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, ".audit-key", ".tmp");
        try {
            if (posix) {
                AuditFileModes.apply(tmp, AuditFileModes.key(dir)); // exactly, whatever the umask took away
            }
            byte[] key = new byte[LENGTH];
            new SecureRandom().nextBytes(key);
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap((HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.US_ASCII)));
                out.force(true);
            }
            try {
                Files.createLink(keyFile, tmp);
            } catch (FileAlreadyExistsException lostTheRace) {
                LOG.log(System.Logger.Level.DEBUG, "another process created the audit key first");
            } catch (UnsupportedOperationException | IOException noHardLinks) {
                moveUnlessPresent(tmp, keyFile);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** For file systems without hard links: a move that refuses to replace is the closest equivalent. */
    private static void moveUnlessPresent(Path tmp, Path keyFile) throws IOException {
        try {
            Files.move(tmp, keyFile);
        } catch (FileAlreadyExistsException lostTheRace) {
            LOG.log(System.Logger.Level.DEBUG, "another process created the audit key first");
        }
    }

    private static void warnIfOthersCanRead(Path keyFile) {
        try {
            if (Files.getFileStore(keyFile).supportsFileAttributeView("posix")
                    && !AuditFileModes.GROUP_READS.containsAll(Files.getPosixFilePermissions(keyFile))) {
                LOG.log(System.Logger.Level.WARNING, "The audit key file {0} is readable by other users", keyFile);
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not read the audit key file permissions", e);
        }
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
