package com.waiverdesk.bench;

import com.waiverdesk.app.AppLogging;
import com.waiverdesk.mock.MockAccount;
import com.waiverdesk.mock.MockVerificationService;
import com.waiverdesk.mock.SecretFile;
import com.waiverdesk.ui.DeskLauncher;
import java.awt.Robot;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToDoubleFunction;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;

/**
 * {@code bench desk}: Enter to the decision painted, in the real window under X (Xvfb), against the bundled mock
 * service, next to a bare JavaFX window whose Enter handler sets a label, measured the same way in the same run.
 *
 * <p>The desk runs in this JVM as a clerk's does (DeskLauncher, the real configuration path, an SQLite audit log on
 * disk: each decision shows after its entry is committed), against a mock started here, through a
 * {@link ServiceTimingRelay} that reads the mock's own time of each verification. One AWT robot (XTest) presses
 * Enter in both windows and reads one pixel of the screen until it has the colour of the answer: the clock starts
 * just before the key press is injected and stops at the first read that sees the new colour on the X screen, so
 * "painted" means in the framebuffer. The two windows alternate, one check each, so a loaded machine slows both.
 */
final class DeskBench {
    private static final long LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** A quiet moment before each press: the previous key's and field changes' pulses are over. */
    private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(30);

    private final PrintWriter out;
    private Robot robot;

    DeskBench(PrintWriter out) {
        this.out = out;
    }

    void run(int iterations, int warmup) throws Exception {
        Path dir = Files.createTempDirectory("waiverdesk-bench-desk");
        Path secretFile = dir.resolve("secret");
        byte[] secret = SecretFile.loadOrCreate(secretFile);
        try (MockVerificationService mock = MockVerificationService.builder().account(MockAccount.demo(secret))
                .rateLimit(Integer.MAX_VALUE, Duration.ofMinutes(1)).start();
             ServiceTimingRelay relay = ServiceTimingRelay.start(mock.port())) {
            mock.preload();
            Path config = dir.resolve("config.json");
            Files.writeString(config, "{}");
            // the log as a clerk's desk writes it (com.waiverdesk.Main's format, the file beside the audit log)
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
            AppLogging.install(dir.resolve("logs"));
            DeskLauncher.launch(new String[] {"--config", config.toString(), "--endpoint", relay.baseUrl(),
                "--account", mock.accountId(), "--secret-file", secretFile.toString(),
                "--audit-db", dir.resolve("audit.db").toString(), "--operator", "bench", "--lang", "zh"}, () -> { });
            robot = new Robot();
            DeskTarget desk = DeskTarget.await(robot);
            Rectangle2D screen = Fx.call(() -> Screen.getPrimary().getBounds());
            if (screen.getWidth() < BareTarget.RIGHT_EDGE || screen.getHeight() < 720) {
                throw new IOException(String.format("the screen is %.0fx%.0f: the desk and the bare window need"
                        + " %.0fx720 side by side (e.g. Xvfb :N -screen 0 1600x1000x24)", screen.getWidth(),
                        screen.getHeight(), BareTarget.RIGHT_EDGE));
            }
            BareTarget bare = Fx.call(BareTarget::show);
            Optional<CpuSteal> steal = CpuSteal.now();
            String loadBefore = loadAverage();
            List<Sample> samples = new ArrayList<>();
            int wrong = 0;
            for (int i = 0; i < warmup + iterations; i++) {
                desk.prepare();
                relay.take();
                double total = pressEnterUntil(desk.pixelX(), desk.pixelY(), desk.answerRgb());
                List<ServiceTimingRelay.Timing> service = relay.take();
                wrong += Fx.call(desk::showsAnswer) ? 0 : 1;
                bare.prepare(robot);
                double bareTotal = pressEnterUntil(bare.pixelX(), bare.pixelY(), bare.nextRgb());
                if (i >= warmup) {
                    samples.add(new Sample(total,
                            service.stream().mapToDouble(ServiceTimingRelay.Timing::upstreamMillis).sum(),
                            service.stream().mapToDouble(ServiceTimingRelay.Timing::serviceMillis).sum(), bareTotal));
                }
            }
            String hostShare = CpuSteal.since(steal).replaceFirst("^; ", "") + "; load average " + loadBefore + " before, " + loadAverage()
                    + " after, on " + Runtime.getRuntime().availableProcessors() + " CPUs";
            print(iterations, warmup, samples, hostShare);
            out.printf("  checks answered other than WAIVE: %d; audit entries committed: %d (one per check: %d)%n",
                    wrong, auditEntries(dir.resolve("audit.db")), warmup + iterations + 1);
            out.printf("  the desk's log and audit database: %s%n", dir);
            out.flush();
        }
    }

    /** Presses Enter and reads the pixel until it has {@code rgb}; ms from the press to the first such read. */
    private double pressEnterUntil(int x, int y, int rgb) throws IOException, InterruptedException {
        Fx.call(() -> null); // the FX thread has caught up with the preparation
        LockSupport.parkNanos(SETTLE_NANOS);
        long start = System.nanoTime();
        robot.keyPress(KeyEvent.VK_ENTER);
        robot.keyRelease(KeyEvent.VK_ENTER);
        while ((robot.getPixelColor(x, y).getRGB() & 0xFFFFFF) != rgb) {
            if (System.nanoTime() - start > LIMIT_NANOS) {
                throw new IOException(String.format("no pixel #%06x at (%d, %d) within 10 s of Enter", rgb, x, y));
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /**
     * One desk check and the bare update after it, ms: the press to the painted answer, the service's time as the
     * relay saw it at the mock's socket (the mock's HTTP server and handler), the mock's handler time alone.
     */
    private record Sample(double total, double serviceAtSocket, double handler, double bare) {
    }

    private void print(int iterations, int warmup, List<Sample> samples, String machine) {
        out.printf("Enter -> decision painted (robot under X, display %s), %d checks after %d warm-up, ms%n",
                System.getenv("DISPLAY"), iterations, warmup);
        List<Double> desk = of(samples, s -> s.total() - s.serviceAtSocket());
        row("WaiverDesk, the service's time subtracted", desk);
        row("  only the mock's handler time subtracted", of(samples, s -> s.total() - s.handler()));
        row("  total, with the service", of(samples, Sample::total));
        row("  the service at the mock's socket", of(samples, Sample::serviceAtSocket));
        row("  the mock's handler (its Server-Timing)", of(samples, Sample::handler));
        List<Double> bare = of(samples, Sample::bare);
        row("bare JavaFX label update", bare);
        row("desk minus bare, pair by pair", of(samples, s -> s.total() - s.serviceAtSocket() - s.bare()));
        double p99 = Stats.percentile(desk, 99);
        out.printf("  target: desk p99 <= 50 ms -> %s (desk p99 %.1f ms, bare p99 %.1f ms)%n  machine: %s%n",
                p99 <= 50 ? "met" : "NOT met", p99, Stats.percentile(bare, 99), machine);
        out.printf("  one pixel read takes %.2f ms (the clock's resolution)%n", pixelReadMillis());
    }

    private static List<Double> of(List<Sample> samples, ToDoubleFunction<Sample> figure) {
        List<Double> values = new ArrayList<>();
        samples.forEach(sample -> values.add(figure.applyAsDouble(sample)));
        return values;
    }

    private void row(String label, List<Double> samples) {
        out.printf("  %-43s p50 %6.1f  p90 %6.1f  p99 %6.1f  max %6.1f%n", label, Stats.percentile(samples, 50),
                Stats.percentile(samples, 90), Stats.percentile(samples, 99), Stats.percentile(samples, 100));
    }

    private double pixelReadMillis() {
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            robot.getPixelColor(1, 1);
        }
        return (System.nanoTime() - start) / 1e6 / 100;
    }

    /** The 1-minute load average (Linux), or "?": other work on the machine slows both windows. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static long auditEntries(Path db) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM audit_entry")) {
            return rows.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }
}
