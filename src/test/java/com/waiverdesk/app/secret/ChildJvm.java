package com.waiverdesk.app.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@link StoreProbe} in a child JVM with its own environment, and reads its {@code key=value} lines. */
final class ChildJvm {
    /** Far above any bound the tests check: reaching it means the child hung, and the test fails. */
    private static final long HARD_LIMIT_SECONDS = 90;

    private ChildJvm() {
    }

    static List<String> javaCommand(String... probeArgs) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), StoreProbe.class.getName()));
        command.addAll(List.of(probeArgs));
        return command;
    }

    /** Runs the command with a clean D-Bus environment plus {@code env}; HOME is {@code home}. */
    static Map<String, String> run(List<String> command, Path home, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> childEnv = builder.environment();
        for (String name : List.of("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR",
                "XDG_DATA_HOME", "XDG_CONFIG_HOME", SecretStores.MODE_ENV)) {
            childEnv.remove(name);
        }
        childEnv.put("HOME", home.toString());
        childEnv.putAll(env);
        Path output = Files.createTempFile(home, "child", ".out");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        if (!process.waitFor(HARD_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM hung for " + HARD_LIMIT_SECONDS + " s: "
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).matches("[a-zA-Z]+")) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        values.put("output", Files.readString(output, StandardCharsets.UTF_8));
        values.put("exit", String.valueOf(process.exitValue()));
        return values;
    }
}
