package com.waiverdesk.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless face: {@code check}, {@code mock-server} and the tools for IT, per {@code specs/cli.md}. */
@Command(name = "waiverdesk", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Hospital admission desk: verifies social-assistance status and decides the deposit.%n"
                + "Without a command, opens the desk window (same as `gui`).",
        subcommands = {CheckCommand.class, MockServerCommand.class, AuditCommand.class,
                TestConnectionCommand.class, SecretCommand.class, EcertCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:WAIVE, REDUCE or CHARGE decided (check); success", "1:failure of the program itself "
                + "(e.g. the audit record could not be written)", "2:INVALID_INPUT: name or ID failed local validation",
                "3:CANNOT_VERIFY: the service gave no answer", "64:wrong command-line usage"})
public final class Cli {
    public static final int EXIT_USAGE = 64;

    /** The sub-commands this face runs; anything else opens the window. */
    public static boolean handles(String[] args) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        return first.equals("check") || first.equals("mock-server") || first.equals("audit")
                || first.equals("test-connection") || first.equals("secret") || first.equals("ecert")
                || first.equals("--help") || first.equals("-h") || first.equals("--version") || first.equals("-V")
                || first.equals("help");
    }

    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    }

    /** Runs with the given streams (tests capture them). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new Cli());
        line.setOut(out);
        line.setErr(err);
        line.setParameterExceptionHandler((ex, argv) -> {
            ex.getCommandLine().getErr().println(ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return EXIT_USAGE;
        });
        return line.execute(args);
    }
}
