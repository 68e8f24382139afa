package com.waiverdesk.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the real window from the packaged jar under Xvfb, verifies a demo person by typing into it with xdotool,
 * and saves a screenshot to {@code target/smoke/}. Needs xvfb, xdotool and imagemagick (installed by .ci/run).
 */
class DeskSmokeIT {
    private static final Path JAR = Path.of("target", "waiverdesk.jar");
    private static final Path OUT = Path.of("target", "smoke");
    /** The built-in demo's Latin-name resident with a 50 % reduction (docs/mock-service.md). */
    private static final String DEMO_NAME = System.getProperty("smoke.name", "Maria Garcia Lopez");
    private static final String DEMO_ID = System.getProperty("smoke.id", "310112198102120047");

    private final List<Process> processes = new ArrayList<>();

    @TempDir
    Path home;

    @AfterEach
    void stop() throws InterruptedException {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).destroy();
            if (!processes.get(i).waitFor(10, TimeUnit.SECONDS)) {
                processes.get(i).destroyForcibly();
            }
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private String startXvfb() throws IOException {
        for (int display = 91; display < 140; display++) {
            if (!Files.exists(Path.of("/tmp/.X" + display + "-lock"))) {
                Process xvfb = new ProcessBuilder("Xvfb", ":" + display, "-screen", "0", "1280x900x24", "-nolisten", "tcp")
                        .redirectErrorStream(true).redirectOutput(home.resolve("xvfb.log").toFile()).start();
                processes.add(xvfb);
                return ":" + display;
            }
        }
        throw new IOException("no free X display number");
    }

    private int run(String display, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DISPLAY", display);
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return process.exitValue();
    }

    /** Waits for a line starting with the marker on the desk's standard output. */
    private static void await(BufferedReader reader, String marker) throws Exception {
        CompletableFuture<Void> seen = CompletableFuture.runAsync(() -> {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith(marker)) {
                        return;
                    }
                }
                throw new IllegalStateException("the desk ended before " + marker);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        seen.get(90, TimeUnit.SECONDS);
    }

    @Test
    void realWindowOpensFromThePackagedJarAndVerifiesADemoPerson() throws Exception {
        assumeTrue(onPath("Xvfb") && onPath("xdotool") && onPath("import"),
                "smoke test needs xvfb, xdotool and imagemagick (run .ci/run, or apt-get install them)");
        assertThat(JAR).exists();
        String display = startXvfb();
        Files.createDirectories(OUT);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // the packaged jar's desk, watched by the bench source set's DeskProbe (compiled with the tests), which
        // prints WINDOW_SHOWN and DESK_READY: the program itself prints no markers
        ProcessBuilder desk = new ProcessBuilder(java.toString(), "-Dprism.order=sw", "-cp",
                JAR + File.pathSeparator + Path.of("target", "test-classes").toAbsolutePath(),
                "com.waiverdesk.bench.DeskProbe", "--audit-db", home.resolve("audit.db").toString(),
                "--lang", System.getProperty("smoke.lang", "zh"))
                .redirectError(home.resolve("desk.log").toFile());
        desk.environment().put("DISPLAY", display);
        desk.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        desk.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        desk.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        Process process = desk.start();
        processes.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        await(out, "WINDOW_SHOWN");
        await(out, "DESK_READY");
        assertThat(run(display, "import", "-window", "root", OUT.resolve("desk-ready.png").toString())).isZero();

        String id = DEMO_ID;
        assertThat(run(display, "xdotool", "search", "--sync", "--name", "WaiverDesk", "windowfocus")).isZero();
        assertThat(run(display, "xdotool", "type", "--delay", "20", DEMO_NAME)).isZero();
        assertThat(run(display, "xdotool", "key", "Tab")).isZero();
        assertThat(run(display, "xdotool", "type", "--delay", "5", id)).isZero();
        assertThat(run(display, "xdotool", "key", "Return")).isZero();
        Path shot = OUT.resolve("desk-result.png");
        BufferedImage image = null;
        for (int i = 0; i < 40 && (image == null || !containsColour(image, 0x0B57B0)); i++) {
            assertThat(run(display, "import", "-window", "root", shot.toString())).isZero();
            image = ImageIO.read(shot.toFile());
        }
        assertThat(image).isNotNull();
        assertThat(containsColour(image, 0xFFD54F)).as("demo banner drawn").isTrue();
        assertThat(containsColour(image, 0x0B57B0)).as("reduce card drawn (blue)").isTrue();
        assertThat(Files.readString(home.resolve("desk.log"))).doesNotContain(id);
        Path appLog = home.resolve("state/waiverdesk/logs/waiverdesk0.log");
        assertThat(Files.readString(appLog, StandardCharsets.UTF_8)).contains("desk ready", " -> REDUCE ")
                .doesNotContain(id, DEMO_NAME);
    }

    private static boolean containsColour(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }
}
