package com.waiverdesk.verification.ecert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs /usr/bin/openssl; a test that needs it fails (never skips) where it is missing: CI installs it. */
final class Openssl {
    static final Path OPENSSL = Path.of("/usr/bin/openssl");
    static final String[] SM2_SM3 = {"-rawin", "-digest", "sm3", "-pkeyopt", "distid:1234567812345678"};

    private Openssl() {
    }

    static void requirePresent() {
        assertThat(Files.isExecutable(OPENSSL)).as("/usr/bin/openssl (OpenSSL 3) is needed: apt-get install openssl")
                .isTrue();
    }

    /** Exit code and output of {@code openssl args…}; fails the test on a timeout. */
    static Result run(Path dir, String... args) throws IOException, InterruptedException {
        requirePresent();
        List<String> command = new ArrayList<>();
        command.add(OPENSSL.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("openssl finished").isTrue();
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static Result ok(Path dir, String... args) throws IOException, InterruptedException {
        Result result = run(dir, args);
        assertThat(result.exit()).as("openssl " + String.join(" ", args) + ": " + result.output()).isZero();
        return result;
    }

    static String[] with(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    record Result(int exit, String output) {
    }
}
