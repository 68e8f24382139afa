package com.waiverdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.app.secret.SecretStores;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Runs the audit server commands through {@link Cli} as IT would, in a temporary home: the secret store forced to
 * the encrypted file there and pgjdbc's password file pointed there, so a developer's keyring and ~/.pgpass are never
 * read or touched. Every run checks that no password it knows appears in what was printed.
 */
final class ServerCli implements AutoCloseable {
    static final String PGPASS_PROPERTY = "org.postgresql.pgpassfile";

    private final Path dir;
    private final List<String> passwords;
    private final String savedHome;
    private final String savedMode;
    private final String savedPgpass;
    private final InputStream savedIn;

    /** What a command printed and its exit code. */
    record Run(int exit, String out, String err) {
    }

    ServerCli(Path dir, List<String> passwords) throws IOException {
        this.dir = dir;
        this.passwords = passwords;
        savedHome = System.getProperty("user.home");
        savedMode = System.getProperty(SecretStores.MODE_PROPERTY);
        savedPgpass = System.getProperty(PGPASS_PROPERTY);
        savedIn = System.in;
        Files.createDirectories(dir.resolve("home"));
        System.setProperty("user.home", dir.resolve("home").toString());
        System.setProperty(SecretStores.MODE_PROPERTY, "file");
        System.setProperty(PGPASS_PROPERTY, pgpass().toString());
        Files.writeString(dir.resolve("config.json"), "{}");
    }

    /** Where pgjdbc looks for a password file (absent until a test writes it). */
    Path pgpass() {
        return dir.resolve("home").resolve("pgpass");
    }

    /** A file only its owner can read holding {@code password} and a line end, as IT would write it. */
    Path passwordFile(String name, String password) throws IOException {
        Path file = dir.resolve(name);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password + "\n");
        return file;
    }

    Run run(String... args) {
        return runWithInput("", args);
    }

    Run runWithInput(String stdin, String... args) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        Run run = new Run(exit, out.toString(), err.toString());
        for (String password : passwords) {
            assertThat(run.out() + run.err()).as("a password is never printed").doesNotContain(password);
        }
        return run;
    }

    /** The --config option of commands that resolve the configuration: an empty file, so no user's file is read. */
    String config() {
        return dir.resolve("config.json").toString();
    }

    @Override
    public void close() {
        restore("user.home", savedHome);
        restore(SecretStores.MODE_PROPERTY, savedMode);
        restore(PGPASS_PROPERTY, savedPgpass);
        System.setIn(savedIn);
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
