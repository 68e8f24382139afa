package com.waiverdesk.audit;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process of {@link DurabilityTest}: appends check entries (and now and then an access event) to the log
 * until it is killed, printing each seq only after the write returned, as a desk shows a decision only then.
 */
public final class AppendUntilKilled {
    private AppendUntilKilled() {
    }

    /** Arguments: the database path and a number that keeps this run's entries apart from other runs'. */
    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        int run = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            for (int i = 0; ; i++) {
                if (i % 4 == 3) {
                    out.println("A " + log.record(AuditFixtures.accessEvent(run * 100_000 + i)));
                } else {
                    out.println("C " + log.append(AuditFixtures.entry(run * 100_000 + i)));
                }
                out.flush();
            }
        }
    }
}
