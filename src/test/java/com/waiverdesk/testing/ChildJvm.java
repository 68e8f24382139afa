package com.waiverdesk.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A small child JVM on the test's class path, for the tests that kill one while it writes: started with a small heap
 * and quick start-up flags, its standard error into a file, its lines read as it prints them.
 * (The secret-store tests' {@code app.secret.ChildJvm} is another thing: a clean desktop environment, run to its end.)
 */
public final class ChildJvm {
    /** Put after the child's last line, once its output closes (it ended or was killed). */
    public static final String END = "\u0000end";

    private ChildJvm() {
    }

    /** Starts {@code main} with {@code args}; what it writes to standard error goes into {@code stderr}. */
    public static Process start(Class<?> main, Path stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    }

    /** The child's lines, then {@link #END}, read on a thread of their own: the test waits on lines, not on time. */
    public static BlockingQueue<String> lines(Process child) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the pipe closes when the child is killed
            } finally {
                lines.add(END);
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
