package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code sqlite3} command-line client on a database file, as someone with access to the file but not to
 * the program would ({@code .ci/run} installs it).
 */
final class SqliteShell {
    private static final Path CLIENT = Path.of("/usr/bin/sqlite3");

    private SqliteShell() {
    }

    /** Runs the statements (stopping at the first error) and returns what the client printed. */
    static String run(Path db, String sql) throws IOException, InterruptedException {
        String client = Files.isExecutable(CLIENT) ? CLIENT.toString() : "sqlite3";
        Process p = new ProcessBuilder(client, "-bail", "-batch", db.toString()).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(sql.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("sqlite3 finished").isTrue();
        assertThat(p.exitValue()).as("sqlite3 exit code; output: %s", out).isZero();
        return out;
    }

    /** A SQL literal of a stored value: NULL, an integer, or a quoted text. */
    static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }

    /**
     * {@code INSERT INTO table (seq, columns, prev_hash, entry_hash) VALUES (...)} with literals; fewer values than
     * the chain has columns fill its first columns (an older schema's).
     */
    static String insert(AuditChain chain, long seq, List<Object> values, String prev, String hash) {
        StringBuilder sql = new StringBuilder("INSERT INTO " + chain.table() + " (seq, "
                + String.join(", ", chain.columns().subList(0, values.size())) + ", prev_hash, entry_hash) VALUES ("
                + seq);
        for (Object v : values) {
            sql.append(", ").append(literal(v));
        }
        return sql.append(", ").append(literal(prev)).append(", ").append(literal(hash)).append(");\n").toString();
    }
}
