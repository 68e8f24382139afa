package com.waiverdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that takes an audit server address refuses one with a password in it, or a server that is not this
 * machine without {@code sslmode=verify-full}, before it connects: a listening socket on this machine sees nothing.
 * No PostgreSQL needed.
 */
class ServerAddressRefusalTest {
    private static final String SECRET = "synthetic-not-a-password";

    @TempDir
    Path dir;

    private ServerSocket listener;
    private InputStream savedIn;

    @BeforeEach
    void listen() throws Exception {
        listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        savedIn = System.in;
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "synthetic-desk-pw-1\n");
        Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(dir.resolve("audit.db"), "");
        Files.writeString(dir.resolve("config.json"), "{}");
    }

    @AfterEach
    void close() throws Exception {
        listener.close();
        System.setIn(savedIn);
    }

    static Stream<Arguments> refusedAddresses() {
        List<Arguments> cases = new ArrayList<>();
        Function<Integer, String> withPassword = port -> "jdbc:postgresql://127.0.0.1:" + port
                + "/audit?user=it_admin&password=" + SECRET;
        Function<Integer, String> withUserInfo = port -> "jdbc:postgresql://it_admin:" + SECRET + "@127.0.0.1:"
                + port + "/audit?user=it_admin";
        Function<Integer, String> remotePlain = port -> "jdbc:postgresql://audit.hospital.example:" + port
                + "/audit?user=it_admin&sslmode=require";
        for (Function<Integer, String> address : List.of(withPassword, withUserInfo, remotePlain)) {
            cases.add(Arguments.of("audit server init", address));
            cases.add(Arguments.of("audit server status", address));
            cases.add(Arguments.of("audit server add-desk", address));
            cases.add(Arguments.of("audit verify", address));
            cases.add(Arguments.of("audit migrate", address));
            cases.add(Arguments.of("secret set", address));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedAddresses")
    void isRefusedWithExit64BeforeAnyConnection(String command, Function<Integer, String> addressFor)
            throws Exception {
        String address = addressFor.apply(listener.getLocalPort());
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        switch (command) {
            case "audit server add-desk":
                args.addAll(List.of("desk_01", "--password-file", dir.resolve("pw").toString(), "--audit-db", address));
                break;
            case "audit migrate":
                args.addAll(List.of("--from", dir.resolve("audit.db").toString(), "--to", address));
                break;
            case "secret set":
                args.addAll(List.of("--audit-db", address, "--config", dir.resolve("config.json").toString()));
                break;
            default:
                args.addAll(List.of("--audit-db", address));
        }
        System.setIn(new ByteArrayInputStream("synthetic-desk-pw-1\n".getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(exit).as(err.toString()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err.toString()).containsAnyOf("must not carry", "is not on this machine");
        assertThat(out + err.toString()).doesNotContain(SECRET);
        listener.setSoTimeout(100);
        assertThatThrownBy(listener::accept).as("nothing connected").isInstanceOf(SocketTimeoutException.class);
    }
}
