package com.waiverdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.app.SupervisorCredential;
import com.waiverdesk.audit.AuditKey;
import com.waiverdesk.audit.SqliteAuditLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code audit reset-passphrase}: confirmed on a terminal by typing yes, or by {@code --yes} in a script, refused
 * without either; recorded in the access chain; {@code --for it} forgets IT's passphrase and only that, and
 * {@code set-passphrase --for it} sets it again.
 */
class ResetPassphraseCommandTest {
    @TempDir
    Path dir;
    private Path database;
    private SupervisorCredential supervisor;
    private SupervisorCredential it;

    private record Run(int exit, String out, String err) {
    }

    /** A terminal that answers as told, and remembers whether it was asked. */
    private static final class FakeTerminal implements PassphraseCommands.ResetPassphrase.Terminal {
        private final boolean present;
        private final String answer;
        final List<String> questions = new ArrayList<>();

        FakeTerminal(boolean present, String answer) {
            this.present = present;
            this.answer = answer;
        }

        @Override
        public boolean present() {
            return present;
        }

        @Override
        public String ask(String question) {
            questions.add(question);
            return answer;
        }
    }

    @BeforeEach
    void anAuditDatabaseWithBothPassphrasesSet() throws Exception {
        database = dir.resolve("audit.db");
        SqliteAuditLog.open(database, AuditKey.loadOrCreate(dir.resolve("audit.key"))).close();
        supervisor = SupervisorCredential.beside(database, Clock.systemUTC());
        it = SupervisorCredential.itBeside(database, Clock.systemUTC());
        supervisor.set("supervisor passphrase 1".toCharArray());
        it.set("it passphrase 2".toCharArray());
    }

    @Test
    void aScriptWithoutYesIsRefusedAndNothingChanges() throws Exception {
        FakeTerminal none = new FakeTerminal(false, null);

        Run run = reset(none);

        assertThat(run.exit()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.err()).contains("not reset", "no terminal", "--yes");
        assertThat(supervisor.isSet()).isTrue();
        assertThat(resets()).isEmpty();
    }

    @Test
    void onATerminalAnythingButYesChangesNothing() throws Exception {
        FakeTerminal terminal = new FakeTerminal(true, "y");

        Run run = reset(terminal);

        assertThat(terminal.questions).singleElement().asString().contains("supervisor passphrase", "yes");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("Not reset");
        assertThat(supervisor.isSet()).isTrue();
        assertThat(resets()).isEmpty();
    }

    @Test
    void typingYesResetsTheSupervisorsPassphraseAndRecordsWhoDidIt() throws Exception {
        Run run = reset(new FakeTerminal(true, "yes\n"));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(supervisor.isSet()).isFalse();
        assertThat(it.isSet()).isTrue();
        assertThat(resets()).containsExactly("it-li: command line: supervisor passphrase");
    }

    @Test
    void withYesAndForItOnlyItsPassphraseIsResetWithoutAsking() throws Exception {
        FakeTerminal terminal = new FakeTerminal(true, "no");

        Run run = reset(terminal, "--for", "it", "--yes");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(terminal.questions).isEmpty();
        assertThat(it.isSet()).isFalse();
        assertThat(supervisor.isSet()).isTrue();
        assertThat(resets()).containsExactly("it-li: command line: IT passphrase");
    }

    @Test
    void setPassphraseForItSetsItsPassphraseAfterAReset() throws Exception {
        reset(new FakeTerminal(false, null), "--for", "it", "--yes");
        Path file = Files.writeString(dir.resolve("it.pass"), "new it passphrase 3\n");

        Run run = run(new FakeTerminal(false, null), "set-passphrase", "--for", "it", "--passphrase-file",
                file.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(it.login("new it passphrase 3".toCharArray())).isEqualTo(SupervisorCredential.Result.ACCEPTED);
        assertThat(supervisor.login("new it passphrase 3".toCharArray()))
                .isEqualTo(SupervisorCredential.Result.WRONG_PASSPHRASE);
    }

    @Test
    void anUnknownHolderIsWrongUsage() throws Exception {
        Run run = reset(new FakeTerminal(true, "yes"), "--for", "clerk", "--yes");

        assertThat(run.exit()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(supervisor.isSet()).isTrue();
        assertThat(it.isSet()).isTrue();
    }

    @Test
    void onAWorkstationWhoseAuditIsOnAServerItsItPassphraseIsResetLocallyAndTheSupervisorsIsTheServers()
            throws Exception {
        // IT's passphrase of the settings screen lives in the workstation's own log beside the spool (never in it)
        Path spool = dir.resolve("server-desk").resolve("audit-spool.db");
        Files.createDirectories(spool.getParent());
        SupervisorCredential itHere = SupervisorCredential.itBeside(spool.resolveSibling("workstation-access.db"),
                Clock.systemUTC());
        itHere.set("it passphrase 3".toCharArray());
        String[] server = {"--audit-db", "jdbc:postgresql://127.0.0.1:9/audit?user=desk-01", "--audit-spool",
            spool.toString()};

        Run it = run(new FakeTerminal(false, null), "reset-passphrase", server, "--for", "it", "--yes");
        assertThat(it.exit()).as(it.err()).isZero();
        assertThat(itHere.isSet()).isFalse();

        Run supervisors = run(new FakeTerminal(false, null), "reset-passphrase", server, "--for", "supervisor",
                "--yes");
        assertThat(supervisors.exit()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(supervisors.err()).contains("audit server");
        assertThat(spool).as("the spool is never opened as a log").doesNotExist();
    }

    private Run reset(FakeTerminal terminal, String... extra) throws Exception {
        return run(terminal, "reset-passphrase", extra);
    }

    private Run run(FakeTerminal terminal, String command, String... extra) throws Exception {
        return run(terminal, command, new String[] {"--audit-db", database.toString()}, extra);
    }

    private Run run(FakeTerminal terminal, String command, String[] auditDb, String... extra) throws Exception {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K made = CommandLine.defaultFactory().create(type);
                if (made instanceof PassphraseCommands.ResetPassphrase reset) {
                    reset.terminal = terminal;
                }
                return made;
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(AuditCommand.class, factory);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        List<String> args = new ArrayList<>(List.of(command, "--config",
                Files.writeString(dir.resolve("empty.json"), "{}").toString(), "--supervisor", "it-li"));
        args.addAll(List.of(auditDb));
        args.addAll(List.of(extra));
        int exit = line.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    /** The PASSPHRASE_RESET events of the access chain, as "who: detail". */
    private List<String> resets() throws Exception {
        List<String> found = new ArrayList<>();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             var rows = connection.createStatement().executeQuery(
                     "SELECT supervisor, detail FROM access_entry WHERE action = 'PASSPHRASE_RESET' ORDER BY seq")) {
            while (rows.next()) {
                found.add(rows.getString(1) + ": " + rows.getString(2));
            }
        }
        return found;
    }
}
