package com.waiverdesk.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: prints the figures the issues set targets for; a benchmark, not a test. Not part of the program a
 * clerk runs: it is in the bench jar, started by scripts/bench.sh (docs/benchmarks.md).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure: `desk` (Enter to the decision painted in the real window against the bundled mock, next"
                + " to a bare JavaFX label update; needs a display, e.g. Xvfb) or"
                + " `client` (overhead per check against the bundled mock, next to bare OkHttp) or"
                + " `startup` (cold start to the first shown frame, next to a bare JavaFX window; needs a display) or `audit`"
                + " (a log of a million synthetic entries: append, first pages, CSV export, verify) or `ecert` (scanned"
                + " e-certificate text to the offline finding and decision, next to a bare BouncyCastle SM2 verify; with"
                + " --online: the desk's full online e-certificate check next to its full live query against the"
                + " bundled mock).")
public final class BenchCommand implements Callable<Integer> {
    /** As the program's own commands: sysexits' EX_USAGE. */
    private static final int EXIT_USAGE = 64;

    @Parameters(index = "0", paramLabel = "desk|client|startup|audit|ecert")
    String what;

    @Option(names = "--iterations", description = "Measured checks (desk: 300, client: 2000, ecert: 5000,"
            + " ecert --online: 2000 of each kind).")
    Integer iterations;

    @Option(names = "--warmup", description = "Unmeasured checks first (desk: 50, client: 500, ecert: 2000,"
            + " ecert --online: 500 of each kind).")
    Integer warmup;

    @Option(names = "--online", description = "ecert: the desk's full online e-certificate check (status call, audit"
            + " commit) next to its full live query, on one desk and the bundled mock, interleaved.")
    boolean online;

    @Option(names = "--entries", description = "Size of the synthetic log (audit: 1,000,000; with --audit-db the"
            + " server's chain is topped up to 5,000,000).")
    Integer entries;

    @Option(names = "--audit-db", paramLabel = "jdbc:postgresql://HOST:PORT/DB?user=IT_LOGIN", description = "audit:"
            + " measure the audit server instead (a real PostgreSQL server; the login is IT's, the database's owner with"
            + " CREATEROLE: the bench runs `audit server init` on it and makes its own desk and supervisor logins).")
    String auditDb;

    @Option(names = "--password-file", paramLabel = "FILE", description = "audit --audit-db: the IT login's password"
            + " (first line); without it pgjdbc reads PGPASSFILE or ~/.pgpass.")
    java.nio.file.Path passwordFile;

    @Option(names = "--desks", defaultValue = "50", description = "audit --audit-db: simulated desks appending at once.")
    int desks;

    @Option(names = "--duration", defaultValue = "60", paramLabel = "SECONDS", description = "audit --audit-db: length"
            + " of each append and bare-INSERT phase.")
    int duration;

    @Option(names = "--rounds", defaultValue = "2", description = "audit --audit-db: rounds of (bare, append) phases,"
            + " every other one reversed: bare, append, append, bare, ...")
    int rounds;

    @Option(names = "--pace", paramLabel = "MS", defaultValue = "0", description = "audit --audit-db: each desk"
            + " appends (or inserts) every MS ms instead of back to back, timed from the planned start.")
    int pace;

    @Option(names = "--smoke", description = "audit --audit-db: a short run (phases of 5 s, one round; 20,000 entries"
            + " unless --entries).")
    boolean smoke;

    @Option(names = "--only", paramLabel = "append|load|read|all", defaultValue = "all", description = "audit"
            + " --audit-db: the appends alone, the load of --entries alone, the reads alone (first pages, CSV export,"
            + " beside a SQLite log of --entries), or all three (the default).")
    String only;

    @Option(names = "--dir", defaultValue = "target/bench", description = "Where the synthetic log is made and kept (audit).")
    java.nio.file.Path dir;

    @Option(names = "--runs", defaultValue = "10", description = "Starts of each window (startup).")
    int runs;

    @Option(names = "--jvm-option", paramLabel = "OPT", description = "Option for the started JVMs (startup), e.g. -Dprism.order=sw.")
    List<String> jvmOptions = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (online && !"ecert".equals(what)) {
            spec.commandLine().getErr().println("bench: --online is an option of bench ecert");
            return EXIT_USAGE;
        }
        switch (what) {
            case "desk":
                new DeskBench(spec.commandLine().getOut()).run(or(iterations, 300), or(warmup, 50));
                return 0;
            case "client":
                new ClientBench(spec.commandLine().getOut()).run(or(iterations, 2000), or(warmup, 500));
                return 0;
            case "audit":
                if (auditDb == null) {
                    new AuditBench(spec.commandLine().getOut()).run(dir, or(entries, 1_000_000));
                    return 0;
                }
                if (!List.of("append", "load", "read", "all").contains(only)) {
                    spec.commandLine().getErr().println("bench: --only is append, load, read or all");
                    return EXIT_USAGE;
                }
                new ServerAuditBench(spec.commandLine().getOut()).run(new ServerAuditBench.Options(auditDb,
                        passwordFile, desks, smoke ? 5 : duration, smoke ? 1 : rounds, pace,
                        or(entries, smoke ? 20_000 : 5_000_000), only, dir));
                return 0;
            case "ecert":
                if (online) {
                    new EcertOnlineBench(spec.commandLine().getOut()).run(or(iterations, 2000), or(warmup, 500));
                } else {
                    new EcertBench(spec.commandLine().getOut()).run(or(iterations, 5000), or(warmup, 2000));
                }
                return 0;
            case "startup":
                new StartupBench(spec.commandLine().getOut(), jvmOptions).run(runs);
                return 0;
            default:
                spec.commandLine().getErr().println("bench: unknown benchmark " + what + " (desk, client, startup, audit or ecert)");
                return EXIT_USAGE;
        }
    }

    private static int or(Integer given, int otherwise) {
        return given != null ? given : otherwise;
    }

    public static void main(String[] args) {
        CommandLine line = new CommandLine(new BenchCommand());
        line.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        // the desk benchmark leaves the desk's window and threads running: the figures are printed, the JVM ends
        System.exit(line.execute(args));
    }
}
