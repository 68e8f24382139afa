package com.waiverdesk.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * PostgreSQL's server programs and the account they run under: initdb and postgres refuse root, so a root test run
 * (CI) runs them through {@code runuser} as an unprivileged account; anyone else runs them directly.
 */
final class PgCommands {
    static final List<String> PROGRAMS = List.of("initdb", "pg_ctl", "postgres");

    final Path bin;
    /** The account the server runs as; null when that is this process's own. */
    final String account;

    private PgCommands(Path bin, String account) {
        this.bin = bin;
        this.account = account;
    }

    /** The binaries and the account, or an exception saying in one sentence why there are none. */
    static PgCommands find() throws IOException, InterruptedException {
        Path bin = binaries().orElseThrow(() -> new IOException("no PostgreSQL server programs (initdb, pg_ctl,"
                + " postgres) in `pg_config --bindir` or /usr/lib/postgresql/*/bin: install Debian's postgresql"
                + " (.ci/run does)"));
        if (!root()) {
            return new PgCommands(bin, null);
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/runuser")) && !Files.isExecutable(Path.of("/sbin/runuser"))) {
            throw new IOException("running as root, and initdb refuses root, but there is no runuser (util-linux)"
                    + " to run it as another account");
        }
        for (String candidate : List.of("postgres", "nobody")) {
            if (run(null, List.of("id", "-u", candidate), 10).exit() == 0) {
                return new PgCommands(bin, candidate);
            }
        }
        throw new IOException("running as root, and initdb refuses root, but neither a postgres nor a nobody"
                + " account exists to run it as");
    }

    private static Optional<Path> binaries() throws InterruptedException {
        try {
            Result config = run(null, List.of("pg_config", "--bindir"), 10);
            if (config.exit() == 0 && complete(Path.of(config.output().trim()))) {
                return Optional.of(Path.of(config.output().trim()));
            }
        } catch (IOException noPgConfig) {
            // not on PATH: look where Debian puts every installed version
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.filter(dir -> dir.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                    .max(Comparator.comparingDouble(dir -> Double.parseDouble(dir.getFileName().toString())))
                    .map(dir -> dir.resolve("bin")).filter(PgCommands::complete);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private static boolean complete(Path bin) {
        return PROGRAMS.stream().allMatch(program -> Files.isExecutable(bin.resolve(program)));
    }

    private static boolean root() throws IOException, InterruptedException {
        Result id = run(null, List.of("id", "-u"), 10);
        return id.exit() == 0 && id.output().trim().equals("0");
    }

    /** Gives {@code dir} and everything in it to the server's account (nothing to do when that is ours). */
    void own(Path dir) throws IOException, InterruptedException {
        if (account != null) {
            Result chown = run(null, List.of("chown", "-R", account + ":", dir.toString()), 30);
            if (chown.exit() != 0) {
                throw new IOException("chown to " + account + " failed: " + chown.output().trim());
            }
        }
    }

    /** Runs one of PostgreSQL's programs in {@code dir} as the server's account. */
    Result server(Path dir, long timeoutSeconds, String program, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (account != null) {
            command.addAll(List.of("runuser", "-u", account, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(Arrays.asList(args));
        return run(dir, command, timeoutSeconds);
    }

    /**
     * Output goes to a file, not a pipe: pg_ctl's postmaster outlives the command and must not hold our pipe open.
     * PG* variables of the caller's environment (PGDATA, PGPORT...) are dropped so they cannot redirect a command.
     */
    static Result run(Path dir, List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("pgcluster-command", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null")
                            .toFile()));
            builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
            if (dir != null) {
                builder.directory(dir.toFile());
            }
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Result(-1, command.get(command.size() - 1) + ": no end within " + timeoutSeconds + " s\n"
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    record Result(int exit, String output) {
    }
}
