package com.waiverdesk.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Loads sqlite-jdbc's native library from a per-user folder instead of letting the driver extract a fresh copy into
 * the temporary folder at each start: a killed {@code java -jar} left its 1.1 MB copy and lock file behind there, and
 * processes starting together raced over deleting each other's copies. The library is written once, under a folder
 * named after its SHA-256 (so another driver version never loads it), by an atomic move, and compared with the
 * jar's copy before each use. The installed package sets {@code org.sqlite.lib.path} to its own copy and is left
 * alone; where the folder cannot be written the driver does as it always did.
 */
public final class SqliteNative {
    /** Overrides the folder, e.g. for tests. */
    static final String FOLDER_PROPERTY = "waiverdesk.sqliteNativeDir";
    private static final System.Logger LOG = System.getLogger(SqliteNative.class.getName());
    private static boolean prepared;

    private SqliteNative() {
    }

    /** Call before the first connection; later calls do nothing. */
    public static synchronized void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        String name = LibraryLoaderUtil.getNativeLibName();
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        try (InputStream in = LibraryLoaderUtil.class.getResourceAsStream(resource)) {
            if (in == null) {
                return; // no library for this platform in the jar: the driver looks elsewhere, as before
            }
            Path folder = install(in.readAllBytes(), name, baseFolder(System.getProperty("os.name", ""),
                    Path.of(System.getProperty("user.home", ".")), System.getenv()));
            System.setProperty("org.sqlite.lib.path", folder.toString());
            System.setProperty("org.sqlite.lib.name", name);
            // the driver's clean-up of stale copies then looks in this folder, which holds none
            System.setProperty("org.sqlite.tmpdir", folder.toString());
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "SQLite's native library stays with the driver's own loading", e);
        }
    }

    /** Writes {@code library} as {@code name} into its folder under {@code base} unless it is there already. */
    static Path install(byte[] library, String name, Path base) throws IOException {
        String digest;
        try {
            digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(library));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        Path folder = base.resolve(digest.substring(0, 16));
        Path file = folder.resolve(name);
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), library)) {
            return folder;
        }
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, name, ".tmp");
        try {
            Files.write(tmp, library);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return folder;
    }

    /** The per-user cache folder of the platform, or the folder named by {@link #FOLDER_PROPERTY}. */
    static Path baseFolder(String osName, Path home, Map<String, String> env) {
        String override = System.getProperty(FOLDER_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            return (local == null || local.isBlank() ? home.resolve("AppData").resolve("Local") : Path.of(local))
                    .resolve("WaiverDesk").resolve("native");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Caches").resolve("WaiverDesk").resolve("native");
        }
        String cache = env.get("XDG_CACHE_HOME");
        Path base = cache == null || cache.isBlank() || !Path.of(cache).isAbsolute() ? home.resolve(".cache")
                : Path.of(cache);
        return base.resolve("waiverdesk").resolve("native");
    }
}
