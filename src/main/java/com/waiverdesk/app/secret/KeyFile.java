package com.waiverdesk.app.secret;

import com.waiverdesk.app.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * The random half of the encrypted-file store's key: 32 bytes as hex in an owner-only file, kept apart from the
 * encrypted secrets so that the secrets file alone (a copy, an export of one folder) cannot be decrypted.
 */
final class KeyFile {
    static final int LENGTH = 32;
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final System.Logger LOG = System.getLogger(KeyFile.class.getName());

    private final Path file;

    KeyFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** The key, or empty when the file does not exist. */
    Optional<byte[]> load() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (text.length() != 2 * LENGTH || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IOException("The key file " + file + " is malformed");
        }
        warnIfOthersCanRead();
        return Optional.of(HexFormat.of().parseHex(text));
    }

    /** Reads the key, first creating a random one; two processes creating it at once both end with the winner's. */
    byte[] loadOrCreate() throws IOException {
        Optional<byte[]> existing = load();
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] key = new byte[LENGTH];
        new SecureRandom().nextBytes(key);
        Path tmp = PrivateFiles.writeTemp(file, "." + file.getFileName(), (HexFormat.of().formatHex(key) + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        try {
            Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException lostTheRace) {
            LOG.log(System.Logger.Level.DEBUG, "another process created the secrets key first");
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            try {
                Files.move(tmp, file);
            } catch (FileAlreadyExistsException lostTheRace) {
                LOG.log(System.Logger.Level.DEBUG, "another process created the secrets key first");
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return load().orElseThrow(() -> new IOException("The key file " + file + " vanished while it was created"));
    }

    private void warnIfOthersCanRead() {
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")
                    && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
                LOG.log(System.Logger.Level.WARNING, "The key file {0} is readable by other users: chmod 600 it",
                        file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not read the key file permissions", e);
        }
    }
}
