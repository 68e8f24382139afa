package com.waiverdesk.verification;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every line a logger ({@link ConnectionTest}'s unless named) writes, at every level, so that a test can
 * scan it for secrets or read what it says.
 */
final class ConnectionLog extends Handler implements AutoCloseable {
    private final Logger logger;
    private final Level previous;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<String> infoLines = new CopyOnWriteArrayList<>();

    ConnectionLog() {
        this(ConnectionTest.class.getName());
    }

    ConnectionLog(String loggerName) {
        logger = Logger.getLogger(loggerName);
        previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(this);
    }

    String text() {
        return String.join("\n", lines);
    }

    /** The lines logged at INFO. */
    List<String> infoLines() {
        return List.copyOf(infoLines);
    }

    @Override
    public void publish(LogRecord record) {
        String line = new SimpleFormatter().formatMessage(record)
                + (record.getThrown() == null ? "" : " " + record.getThrown());
        lines.add(line);
        if (record.getLevel() == Level.INFO) {
            infoLines.add(line);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
