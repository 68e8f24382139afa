package com.waiverdesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cold start to the first shown frame, of the desk and of a bare JavaFX window, each in a fresh JVM started the same
 * way, alternating so that a loaded machine hurts both alike. Needs a display (Xvfb will do).
 */
final class StartupBench {
    private static final String SHOWN = "WINDOW_SHOWN";

    private final PrintWriter out;
    private final List<String> jvmOptions;

    StartupBench(PrintWriter out, List<String> jvmOptions) {
        this.out = out;
        this.jvmOptions = jvmOptions;
    }

    void run(int runs) throws IOException, InterruptedException {
        String classPath = System.getProperty("java.class.path");
        List<Long> desk = new ArrayList<>();
        List<Long> bare = new ArrayList<>();
        startMillis(classPath, BareWindow.class.getName());
        for (int i = 0; i < runs; i++) {
            bare.add(startMillis(classPath, BareWindow.class.getName()));
            desk.add(startMillis(classPath, DeskProbe.class.getName()));
        }
        double deskMedian = Stats.percentile(desk, 50);
        double bareMedian = Stats.percentile(bare, 50);
        out.printf("start-up to first shown frame, %d runs each, ms (JVM options: %s)%n", runs, jvmOptions);
        out.printf("  bare JavaFX window: median %.0f  min %.0f  max %.0f%n", bareMedian, Stats.percentile(bare, 0),
                Stats.percentile(bare, 100));
        out.printf("  WaiverDesk window:  median %.0f  min %.0f  max %.0f%n", deskMedian, Stats.percentile(desk, 0),
                Stats.percentile(desk, 100));
        out.printf("  ratio desk/bare (medians): %.2f  (target <= 1.50)%n", deskMedian / bareMedian);
        out.flush();
    }

    private long startMillis(String classPath, String mainClass) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("XDG_DATA_HOME", System.getProperty("java.io.tmpdir") + "/waiverdesk-bench");
        long start = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith(SHOWN)) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                }
            }
            throw new IOException(mainClass + " ended without showing a window (is there a display?)");
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
