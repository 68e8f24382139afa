package com.waiverdesk.verification;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Captures every line {@link ConnectionTest} logs, at every level, so that a test can scan it for secrets. */
final class ConnectionLog extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger(ConnectionTest.class.getName());
    private final Level previous;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    ConnectionLog() {
        previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(this);
    }

    String text() {
        return String.join("\n", lines);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(new SimpleFormatter().formatMessage(record)
                + (record.getThrown() == null ? "" : " " + record.getThrown()));
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
