package com.waiverdesk.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sends the desk's java.util.logging records to size-rotated files in the log folder, so IT can read what happened
 * at a window after the fact; a folder that cannot be used never stops the desk, it only logs to stderr.
 */
public final class AppLogging implements AutoCloseable {
    /** {@code %g} is the generation: 0 is the file being written, higher numbers are older. */
    public static final String FILE_PATTERN = "waiverdesk%g.log";
    static final int FILE_LIMIT_BYTES = 2 * 1024 * 1024;
    static final int FILE_COUNT = 5;
    private static final String APP_LOGGER = "com.waiverdesk";

    private final Path logDir;
    private final FileHandler handler;
    /** Held so the configured level is not lost when the LogManager drops its weak reference. */
    private final Logger appLogger;
    private final Level previousAppLevel;

    private AppLogging(Path logDir, FileHandler handler, Logger appLogger, Level previousAppLevel) {
        this.logDir = logDir;
        this.handler = handler;
        this.appLogger = appLogger;
        this.previousAppLevel = previousAppLevel;
    }

    /** Logs INFO and above to files in {@code logDir}. */
    public static AppLogging install(Path logDir) {
        return install(logDir, Level.INFO);
    }

    /**
     * Logs records of the desk's own loggers from {@code appLevel} (and other libraries' from INFO) to files in
     * {@code logDir}; when the folder cannot be created or written, prints one warning to stderr and logs there only.
     */
    public static AppLogging install(Path logDir, Level appLevel) {
        return install(logDir, appLevel, FILE_LIMIT_BYTES);
    }

    /** As {@link #install(Path, Level)}, starting a new file after {@code limitBytes} (tests of the rotation). */
    static AppLogging install(Path logDir, Level appLevel, int limitBytes) {
        Logger appLogger = Logger.getLogger(APP_LOGGER);
        Level previous = appLogger.getLevel();
        try {
            Files.createDirectories(logDir);
            FileHandler handler = new FileHandler(logDir.resolve(FILE_PATTERN).toString(), limitBytes,
                    FILE_COUNT, true);
            handler.setEncoding(StandardCharsets.UTF_8.name());
            handler.setFormatter(new OneLineFormatter());
            handler.setLevel(Level.ALL);
            Logger root = Logger.getLogger("");
            if (root.getLevel() == null || root.getLevel().intValue() > Level.INFO.intValue()) {
                root.setLevel(Level.INFO);
            }
            appLogger.setLevel(appLevel);
            root.addHandler(handler);
            return new AppLogging(logDir, handler, appLogger, previous);
        } catch (IOException | RuntimeException e) {
            // SecurityException, InvalidPathException or a read-only disk: the desk must still open
            System.err.println("WaiverDesk: cannot write logs to " + logDir + " (" + e.getClass().getSimpleName()
                    + "); logging to the console only");
            return new AppLogging(logDir, null, appLogger, previous);
        }
    }

    /** Whether records go to files; {@code false} after a fallback to stderr. */
    public boolean isWritingFiles() {
        return handler != null;
    }

    public Path logDir() {
        return logDir;
    }

    /** Detaches the file handler and restores the desk loggers' level; for tests and orderly shutdown. */
    @Override
    public void close() {
        if (handler != null) {
            Logger.getLogger("").removeHandler(handler);
            handler.close();
        }
        appLogger.setLevel(previousAppLevel);
    }

    static Path pathOf(Path logDir, int generation) throws InvalidPathException {
        return logDir.resolve(FILE_PATTERN.replace("%g", Integer.toString(generation)));
    }

    /** One line a record, so grep and the diagnostics block can take records line by line. */
    static final class OneLineFormatter extends Formatter {
        @Override
        public String format(LogRecord record) {
            ZonedDateTime time = ZonedDateTime.ofInstant(record.getInstant(), ZoneId.systemDefault());
            String thrown = record.getThrown() == null ? "" : " | " + oneLine(record.getThrown());
            return String.format("%1$tF %1$tT.%1$tL %2$s %3$s: %4$s%5$s%n", time, record.getLevel().getName(),
                    record.getLoggerName(), oneLine(formatMessage(record)), thrown);
        }

        private static String oneLine(String text) {
            return text == null ? "" : text.replace("\r", "").replace("\n", " ⏎ ");
        }

        /** The stack trace on one line: IT still sees where it failed, and the record stays one line. */
        private static String oneLine(Throwable thrown) {
            StringWriter out = new StringWriter();
            thrown.printStackTrace(new PrintWriter(out));
            return out.toString().strip().replace("\r", "").replaceAll("\n\\s*", " ⏎ ");
        }
    }
}
