package com.waiverdesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The clerk's text size and contrast, kept per user beside the configuration, so that someone who needs larger
 * text or high contrast sets it once (Ctrl+plus, Ctrl+Shift+H) rather than at every start.
 *
 * @param textPercent the text size in percent of the normal one
 */
public record DisplayPreferences(int textPercent, boolean highContrast) {
    public static final DisplayPreferences NORMAL = new DisplayPreferences(100, false);
    private static final System.Logger LOG = System.getLogger(DisplayPreferences.class.getName());

    /** What {@code file} holds; {@link #NORMAL} when it is absent or unreadable (logged: it is only a preference). */
    public static DisplayPreferences load(Path file) {
        Properties values = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            values.load(in);
            return new DisplayPreferences(Integer.parseInt(values.getProperty("textPercent", "100").strip()),
                    Boolean.parseBoolean(values.getProperty("highContrast", "false").strip()));
        } catch (NoSuchFileException e) {
            return NORMAL;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "display preferences in {0} not read, normal text used: {1}", file,
                    e.toString());
            return NORMAL;
        }
    }

    /** Writes them to {@code file} whole (a temporary file moved over it), creating its folder. Blocking. */
    public void save(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Properties values = new Properties();
        values.setProperty("textPercent", Integer.toString(textPercent));
        values.setProperty("highContrast", Boolean.toString(highContrast));
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            values.store(out, "WaiverDesk: text size and contrast of this user's desk (Ctrl+plus/minus/0, Ctrl+Shift+H)");
        }
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
