package com.waiverdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A mistyped {@code --audit-db} is an error for the commands that read a log, and creates nothing. */
class AuditCommandMissingDatabaseTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run audit(String subcommand, Path db) throws IOException {
        Path config = Files.writeString(dir.resolve("config.json"), "{}");
        Path passphrase = Files.writeString(dir.resolve("pp.txt"), "correct horse battery");
        List<String> args = new ArrayList<>(List.of("audit", subcommand, "--config", config.toString(),
                "--audit-db", db.toString(), "--passphrase-file", passphrase.toString()));
        if (subcommand.equals("export")) {
            args.addAll(List.of("--from", "2026-01-01", "--to", "2026-01-31", "--out", dir.resolve("x").toString()));
        } else if (subcommand.equals("purge")) {
            args.addAll(List.of("--before", "2020-01-01"));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(Path::getFileName).filter(f -> !f.toString().matches("config.json|pp.txt")).toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify", "stats", "export", "purge"})
    void refusesADatabaseWhoseFolderDoesNotExistAndCreatesNoFolder(String subcommand) throws IOException {
        Path missingFolder = dir.resolve("no/such/dir");
        Run run = audit(subcommand, missingFolder.resolve("x.db"));
        assertThat(run.exit()).isEqualTo(AuditCommand.EXIT_NO_DATABASE);
        assertThat(run.err()).contains("there is no audit database at " + missingFolder.resolve("x.db"))
                .contains("its folder does not exist either").contains("Nothing was created");
        assertThat(run.out()).doesNotContain("intact");
        assertThat(dir.resolve("no")).doesNotExist();
        assertThat(filesIn(dir)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify", "stats", "export", "purge"})
    void refusesAMissingFileInAnExistingFolderAndCreatesNeitherDatabaseNorKey(String subcommand) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("audit"));
        Run run = audit(subcommand, folder.resolve("audti.db"));
        assertThat(run.exit()).isEqualTo(AuditCommand.EXIT_NO_DATABASE);
        assertThat(run.err()).contains("there is no audit database at " + folder.resolve("audti.db") + ";")
                .doesNotContain("folder does not exist");
        assertThat(filesIn(folder)).isEmpty();
        assertThat(filesIn(dir)).containsExactly(Path.of("audit"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify", "stats"})
    void aJdbcUrlOfAMissingFileIsRefusedToo(String subcommand) throws IOException {
        Path db = dir.resolve("missing.db");
        Path config = Files.writeString(dir.resolve("config.json"), "{}");
        StringWriter err = new StringWriter();
        int exit = Cli.run(new String[] {"audit", subcommand, "--config", config.toString(), "--audit-db",
            "jdbc:sqlite:" + db}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(exit).isEqualTo(AuditCommand.EXIT_NO_DATABASE);
        assertThat(db).doesNotExist();
        assertThat(filesIn(dir)).isEmpty();
    }
}
