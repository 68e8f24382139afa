package com.waiverdesk.cli;

import com.waiverdesk.app.AppPaths;
import com.waiverdesk.app.AuditServerPasswords;
import com.waiverdesk.app.Config;
import com.waiverdesk.app.ConfigException;
import com.waiverdesk.app.ConfigOptions;
import com.waiverdesk.app.LockedSettingException;
import com.waiverdesk.app.secret.SecretStore;
import com.waiverdesk.app.secret.SecretStoreException;
import com.waiverdesk.app.secret.SecretStores;
import com.waiverdesk.audit.server.ServerUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code secret}: IT's scriptable way to put the account's shared secret into the workstation's secret store, check
 * it is there, and remove it. The secret is read from standard input or a file, never from the command line (which
 * other users see in the process list and the shell keeps in its history), and is never printed.
 */
@Command(name = "secret", mixinStandardHelpOptions = true,
        description = "Store, check or delete the service account's shared secret in the OS credential store"
                + " (or the encrypted-file fallback); with --audit-server (the configured audit server) or --audit-db"
                + " jdbc:postgresql://…?user=LOGIN, that audit server login's password instead.",
        subcommands = {SecretCommand.Set.class, SecretCommand.Status.class, SecretCommand.Delete.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (status: a secret is stored)", "1:the program failed", "4:status: no secret stored",
            "64:wrong usage (also an audit server address that is refused: a password in it, no user=, a server"
                + " that is not this machine without sslmode=verify-full)"})
final class SecretCommand {
    static final int EXIT_NOT_STORED = 4;
    /** Far above any real shared secret; stops a wrong file or pipe from being stored as one. */
    static final int MAX_SECRET_BYTES = 4096;

    /** The options every sub-command takes, and the account key and store they lead to. */
    static final class Target {
        @Mixin
        ConfigOptions options = new ConfigOptions();

        @Option(names = "--audit-server", description = "The password of the audit server login the configuration"
                + " names (auditDatabase jdbc:postgresql://…?user=LOGIN) instead of the service's secret; or name the"
                + " server with --audit-db jdbc:postgresql://…")
        boolean auditServer;

        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        /** One sub-command's work on the chosen store; {@code config} is null for an audit server's password. */
        interface Work {
            int run(Config config, String accountKey, SecretStore store, PrintWriter out) throws Exception;
        }

        int withStore(Work work) {
            PrintWriter err = spec.commandLine().getErr();
            String command = spec.qualifiedName();
            AppPaths paths = AppPaths.forCurrentUser();
            Config config;
            String accountKey;
            Optional<String> server = AuditCommand.serverAddress(spec);
            try {
                if (server.isPresent()) {
                    // the audit server login's password: no verification account is involved
                    config = null;
                    accountKey = AuditServerPasswords.key(ServerUrl.parse(server.get()));
                } else if (auditServer) {
                    Config resolved = options.resolve(paths, System.getenv());
                    if (!resolved.isAuditServer()) {
                        throw new IllegalArgumentException("--audit-server: the configuration names no audit server"
                                + " (auditDatabase jdbc:postgresql://…?user=LOGIN); name it with --audit-db");
                    }
                    config = null;
                    accountKey = AuditServerPasswords.key(ServerUrl.parse(resolved.auditServer()));
                } else {
                    config = options.resolve(paths, System.getenv());
                    if (config.isDemo()) {
                        throw new ConfigException("No endpoint is configured: give --endpoint and --account, or set"
                                + " endpoint and accountId in the configuration file");
                    }
                    accountKey = SecretStore.accountKey(config.accountId(), config.endpoint());
                }
            } catch (ConfigException | IllegalArgumentException e) {
                err.println(command + ": " + e.getMessage());
                return e instanceof LockedSettingException || e instanceof IllegalArgumentException
                        && (server.isPresent() || auditServer) ? Cli.EXIT_USAGE : 1;
            }
            try (SecretStore store = SecretStores.open(paths)) {
                return work.run(config, accountKey, store, spec.commandLine().getOut());
            } catch (Exception e) {
                err.println(command + ": " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Store the secret for the configured account, read from standard input (asked without echo"
                    + " on a console) or --from-file. It replaces any earlier one.")
    static final class Set implements Callable<Integer> {
        @Mixin
        Target target = new Target();

        @Option(names = "--from-file", paramLabel = "FILE", description = "Read the secret from this file (delete the file afterwards).")
        Path fromFile;

        @Override
        public Integer call() {
            return target.withStore((config, accountKey, store, out) -> {
                byte[] secret = config == null ? readPassword(accountKey) : readSecret(accountKey);
                try {
                    store.write(accountKey, secret);
                    Optional<byte[]> back = store.read(accountKey);
                    if (back.isEmpty() || !Arrays.equals(back.get(), secret)) {
                        throw new SecretStoreException("The secret was written to " + store.description()
                                + " but does not read back the same: it is not stored");
                    }
                    back.ifPresent(bytes -> Arrays.fill(bytes, (byte) 0));
                } finally {
                    Arrays.fill(secret, (byte) 0);
                }
                out.println("Stored the " + (config == null ? "password" : "secret") + " for " + accountKey + " in "
                        + store.description() + ".");
                if (config != null && config.secretFile() != null) {
                    out.println("Note: the configuration still names the secret file " + config.secretFile()
                            + ", which the desk reads instead: remove secretFile / --secret-file.");
                }
                return 0;
            });
        }

        /**
         * An audit server password, exactly as typed or as the file or pipe gives it (less one line end): the same
         * reading as {@code audit server add-desk --password-file}, so the two sides hold the same password.
         */
        private byte[] readPassword(String accountKey) throws IOException {
            char[] password;
            if (fromFile != null) {
                password = PasswordFile.read(fromFile);
            } else if (System.console() != null) {
                password = System.console().readPassword("Password for %s (not shown): ", accountKey);
                if (password == null || password.length == 0) {
                    throw new IOException("no password was typed");
                }
            } else {
                password = PasswordFile.read(System.in);
            }
            ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            Arrays.fill(password, '\0');
            byte[] bytes = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
            Arrays.fill(encoded.array(), (byte) 0);
            return bytes;
        }

        private byte[] readSecret(String accountKey) throws IOException {
            byte[] raw;
            if (fromFile != null) {
                try (InputStream in = Files.newInputStream(fromFile)) {
                    raw = readAtMost(in);
                }
            } else if (System.console() != null) {
                char[] typed = System.console().readPassword("Secret for %s (not shown): ", accountKey);
                if (typed == null) {
                    throw new IOException("no secret was typed");
                }
                ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(typed));
                Arrays.fill(typed, '\0');
                raw = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
                Arrays.fill(encoded.array(), (byte) 0);
            } else {
                raw = readAtMost(System.in);
            }
            return oneLine(raw);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Say which store is used and whether it holds a secret for the configured account; never"
                    + " the secret.")
    static final class Status implements Callable<Integer> {
        @Mixin
        Target target = new Target();

        @Override
        public Integer call() {
            return target.withStore((config, accountKey, store, out) -> {
                out.println("store:   " + store.description());
                out.println("account: " + accountKey);
                Optional<byte[]> stored = store.read(accountKey);
                stored.ifPresent(bytes -> Arrays.fill(bytes, (byte) 0));
                out.println((config == null ? "password: " : "secret:  ") + (stored.isPresent() ? "stored"
                        : "not stored" + (config == null ? " (the desk then looks in ~/.pgpass)" : "")));
                if (config != null && config.secretFile() != null) {
                    out.println("note:    the configuration names the secret file " + config.secretFile()
                            + "; the desk reads that file instead of the store");
                }
                return stored.isPresent() || config != null && config.secretFile() != null ? 0 : EXIT_NOT_STORED;
            });
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Remove the configured account's secret from the store.")
    static final class Delete implements Callable<Integer> {
        @Mixin
        Target target = new Target();

        @Override
        public Integer call() {
            return target.withStore((config, accountKey, store, out) -> {
                boolean deleted = store.delete(accountKey);
                out.println((deleted ? "Deleted the secret for " : "No secret was stored for ") + accountKey + " in "
                        + store.description() + ".");
                return 0;
            });
        }
    }

    /** Reads standard input up to its end, refusing more than any secret needs. */
    static byte[] readAtMost(InputStream in) throws IOException {
        byte[] raw = in.readNBytes(MAX_SECRET_BYTES + 1);
        if (raw.length > MAX_SECRET_BYTES) {
            throw new IOException("the input holds more than " + MAX_SECRET_BYTES + " bytes: that is not a shared"
                    + " secret");
        }
        return raw;
    }

    /** The secret as the secret file gives it: UTF-8 text without surrounding white space, on one line. */
    static byte[] oneLine(byte[] raw) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw)).toString().strip();
        } catch (CharacterCodingException e) {
            throw new IOException("the secret is not UTF-8 text");
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
        if (text.isEmpty()) {
            throw new IOException("no secret was given (standard input or the file was empty)");
        }
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IOException("the secret must be one line");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_SECRET_BYTES) {
            throw new IOException("the secret is longer than " + MAX_SECRET_BYTES + " bytes");
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
