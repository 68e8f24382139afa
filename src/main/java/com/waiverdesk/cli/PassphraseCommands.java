package com.waiverdesk.cli;

import com.waiverdesk.app.SupervisorCredential;
import com.waiverdesk.audit.AccessEvent;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code audit set-passphrase} and {@code audit reset-passphrase}: the supervisor's and IT's passphrases. */
final class PassphraseCommands {
    private PassphraseCommands() {
    }

    @Command(name = "set-passphrase", mixinStandardHelpOptions = true,
            description = "Set the supervisor passphrase (or, with --for it, IT's for the settings screen) the first"
                    + " time (at least 10 characters, not only digits), for machines set up without the window."
                    + " Recorded in the access log.")
    static final class SetPassphrase implements Callable<Integer> {
        @Mixin
        AuditCommand.AuditOptions parent;

        @Option(names = "--for", defaultValue = "supervisor", paramLabel = "supervisor|it",
                description = "Whose passphrase: the supervisor's audit screen (default) or IT's settings screen.")
        String whose;

        @Override
        public Integer call() {
            boolean it = "it".equals(whose);
            if (!it && !"supervisor".equals(whose)) {
                parent.spec.commandLine().getErr().println("--for must be supervisor or it");
                return Cli.EXIT_USAGE;
            }
            AuditCommand.AuditOptions.Opener open = it ? parent::withItLog : parent::withLog;
            return open.with((supervision, out) -> {
                char[] passphrase = parent.readPassphrase(it ? "New IT passphrase (settings screen): "
                        : "New supervisor passphrase: ");
                try {
                    SupervisorCredential.Result result = (it ? supervision.itCredential() : supervision.credential())
                            .set(passphrase);
                    if (result != SupervisorCredential.Result.SET) {
                        parent.spec.commandLine().getErr().println("Not set: " + refusal(result));
                        return AuditCommand.EXIT_REFUSED;
                    }
                    supervision.record(parent.supervisor, AccessEvent.Action.PASSPHRASE_SET,
                            it ? "command line: IT passphrase" : "command line");
                    out.println(it ? "The IT passphrase (settings screen) is set."
                            : "The supervisor passphrase is set.");
                    return 0;
                } finally {
                    Arrays.fill(passphrase, '\0');
                }
            });
        }
    }

    /** Why set-passphrase refused, and what to do instead. */
    static String refusal(SupervisorCredential.Result result) {
        switch (result) {
            case TOO_SHORT:
                return "the passphrase must have at least " + SupervisorCredential.MIN_LENGTH + " characters";
            case ALL_DIGITS:
                return "the passphrase must not be only digits";
            case ALREADY_SET:
                return "a passphrase is already set for this audit database; the supervisor changes it in the"
                        + " supervisor's screen, or IT forgets it with `waiverdesk audit reset-passphrase`";
            default:
                return result.toString();
        }
    }

    @Command(name = "reset-passphrase", mixinStandardHelpOptions = true,
            description = "Forget a passphrase (for IT, on a machine that can read the audit key): the supervisor's"
                    + " (the default) or, with --for it, IT's for the settings screen. The next person to open that"
                    + " screen sets a new one. Asks to type yes on a terminal; scripts pass --yes. Recorded in the"
                    + " access log before it is done.")
    static final class ResetPassphrase implements Callable<Integer> {
        /** Where the confirmation is asked; a script has none. */
        interface Terminal {
            Terminal SYSTEM = new Terminal() {
                @Override
                public boolean present() {
                    return System.console() != null;
                }

                @Override
                public String ask(String question) {
                    return System.console().readLine("%s", question);
                }
            };

            boolean present();

            /** The answer typed, or {@code null} at the end of input. */
            String ask(String question);
        }

        @Mixin
        AuditCommand.AuditOptions parent;

        @Option(names = "--for", defaultValue = "supervisor", paramLabel = "supervisor|it",
                description = "Whose passphrase: the supervisor's audit screen (default) or IT's settings screen.")
        String whose;

        @Option(names = "--yes", description = "Do not ask for confirmation (for scripts).")
        boolean yes;

        Terminal terminal = Terminal.SYSTEM;

        @Override
        public Integer call() {
            PrintWriter err = parent.spec.commandLine().getErr();
            boolean it = "it".equals(whose);
            if (!it && !"supervisor".equals(whose)) {
                err.println("--for must be supervisor or it");
                return Cli.EXIT_USAGE;
            }
            String name = it ? "IT passphrase (settings screen)" : "supervisor passphrase (audit screen)";
            if (!yes && !terminal.present()) {
                err.println("waiverdesk audit reset-passphrase: not reset: there is no terminal to confirm on;"
                        + " run it in a terminal, or add --yes to reset the " + name + " without asking");
                return Cli.EXIT_USAGE;
            }
            AuditCommand.AuditOptions.Opener open = it ? parent::withItLog : parent::withLog;
            return open.with((supervision, out) -> {
                SupervisorCredential credential = it ? supervision.itCredential() : supervision.credential();
                if (!credential.isSet()) {
                    out.println("No " + name + " is set; nothing to reset.");
                    return 0;
                }
                if (!yes) {
                    String answer = terminal.ask("Forget the " + name + " kept in " + credential.file()
                            + "? The next person to open that screen sets a new one. Type yes to reset: ");
                    if (answer == null || !answer.strip().equalsIgnoreCase("yes")) {
                        err.println("Not reset: nothing was changed.");
                        return 1;
                    }
                }
                // recorded first: a reset that cannot be recorded is not done
                supervision.record(parent.supervisor, AccessEvent.Action.PASSPHRASE_RESET,
                        "command line: " + (it ? "IT passphrase" : "supervisor passphrase"));
                credential.reset();
                out.println("The " + name + " is reset; the next person to open that screen sets a new one.");
                return 0;
            });
        }
    }
}
