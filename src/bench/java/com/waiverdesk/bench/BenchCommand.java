package com.waiverdesk.bench;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bench}: prints the figures the issues set targets for; a benchmark, not a test. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure: `client` (overhead per check against the bundled mock, next to bare OkHttp) or"
                + " `startup` (cold start to the first shown frame, next to a bare JavaFX window; needs a display) or `audit`"
                + " (a log of a million synthetic entries: append, first pages, CSV export, verify).")
public final class BenchCommand implements Callable<Integer> {
    /** As the program's own commands: sysexits' EX_USAGE. */
    private static final int EXIT_USAGE = 64;

    @Parameters(index = "0", paramLabel = "client|startup|audit")
    String what;

    @Option(names = "--iterations", defaultValue = "2000", description = "Measured checks (client).")
    int iterations;

    @Option(names = "--warmup", defaultValue = "500", description = "Unmeasured checks first (client).")
    int warmup;

    @Option(names = "--entries", defaultValue = "1000000", description = "Size of the synthetic log (audit).")
    int entries;

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
        switch (what) {
            case "client":
                new ClientBench(spec.commandLine().getOut()).run(iterations, warmup);
                return 0;
            case "audit":
                new AuditBench(spec.commandLine().getOut()).run(dir, entries);
                return 0;
            case "startup":
                new StartupBench(spec.commandLine().getOut(), jvmOptions).run(runs);
                return 0;
            default:
                spec.commandLine().getErr().println("bench: unknown benchmark " + what + " (client, startup or audit)");
                return EXIT_USAGE;
        }
    }
}
