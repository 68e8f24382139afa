package com.waiverdesk.audit.spool;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The child process of {@link ForwardKillTest}: forwards the spool to a {@link FileServer}, printing each entry id
 * the server committed before the answer returns. With a third argument k > 0 it stops after the k-th commit, before
 * the spool's row is removed, and waits there to be killed.
 */
public final class ForwardUntilKilled {
    private ForwardUntilKilled() {
    }

    /** Arguments: the spool, the server file, and k (0: run on). */
    public static void main(String[] args) throws Exception {
        Path spool = Path.of(args[0]);
        int pauseAfter = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int[] commits = {0};
        try (FileServer server = new FileServer(Path.of(args[1]), id -> {
            out.println("committed " + id);
            out.flush();
            if (++commits[0] == pauseAfter) {
                System.in.read(); // the parent kills this process while it waits here
            }
        }); SpoolingAuditLog log = new SpoolingAuditLog(server, AuditSpool.open(spool), Clock.systemUTC(),
                Duration.ofSeconds(5))) {
            log.forward();
        }
        out.println("done");
        out.flush();
    }
}
