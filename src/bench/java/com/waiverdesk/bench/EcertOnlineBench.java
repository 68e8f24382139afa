package com.waiverdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.app.AppLogging;
import com.waiverdesk.app.AppPaths;
import com.waiverdesk.app.CheckResult;
import com.waiverdesk.app.Config;
import com.waiverdesk.app.ConfigOptions;
import com.waiverdesk.app.Desk;
import com.waiverdesk.app.PolicyLoader;
import com.waiverdesk.app.Wiring;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.DepositPolicy;
import com.waiverdesk.domain.PersonName;
import com.waiverdesk.domain.ResidentId;
import com.waiverdesk.domain.VerificationOutcome;
import com.waiverdesk.mock.DemoCertificates;
import com.waiverdesk.mock.MockAccount;
import com.waiverdesk.mock.MockVerificationService;
import com.waiverdesk.mock.SecretFile;
import com.waiverdesk.verification.HttpVerificationClient;
import com.waiverdesk.verification.Sleeper;
import com.waiverdesk.verification.VerificationHttp;
import com.waiverdesk.verification.VerificationRequest;
import com.waiverdesk.verification.ecert.DemoEcertKeys;
import com.waiverdesk.verification.ecert.EcertVerifier;
import com.waiverdesk.verification.ecert.ListSnapshot;
import com.waiverdesk.verification.ecert.RevocationList;
import com.waiverdesk.verification.ecert.TrustList;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import picocli.CommandLine;

/**
 * {@code bench ecert --online}: the desk's full online e-certificate check next to its full live query, on one desk
 * and one mock, interleaved check by check. The desk is built by {@link Wiring#start} from the options a clerk's
 * {@code check --ecert --endpoint … --secret-file … --ecert-root-key …} gives ({@link ConfigOptions}), with an SQLite
 * audit log on disk; the mock is the bundled {@link MockVerificationService} (built-in registry, demo keys, no rate
 * limit) behind a {@link ServiceTimingRelay}, which reads the mock's own time of each verification and status call
 * ({@code Server-Timing}) so it can be subtracted as {@code bench client} subtracts it. The same run also measures
 * {@code bench client}'s figure (the live query's client alone), {@code bench ecert}'s (the same text checked offline:
 * verifier and policy, no status call, no audit) and a bare BouncyCastle SM2 verify of the text. For the desk's checks
 * it also notes the CPU time of the thread that ran them, which tells the work from the waiting for a CPU or the disk.
 */
final class EcertOnlineBench {
    private final PrintWriter out;
    private final AtomicReference<Double> directServerMillis = new AtomicReference<>(0.0);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    EcertOnlineBench(PrintWriter out) {
        this.out = out;
    }

    void run(int iterations, int warmup) throws Exception {
        Path dir = Files.createTempDirectory("waiverdesk-bench-ecert");
        Path secretFile = dir.resolve("secret");
        byte[] secret = SecretFile.loadOrCreate(secretFile);
        Path rootKey = dir.resolve("ecert-root.key");
        Files.writeString(rootKey, DemoEcertKeys.rootPublicKey().spkiBase64() + "\n", StandardCharsets.US_ASCII);
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{}");
        logLikeTheDesk(dir.resolve("logs"));
        DemoCertificates.Sample sample = new DemoCertificates().samples(Instant.now()).stream()
                .filter(s -> s.kind() == DemoCertificates.Kind.VALID).findFirst().orElseThrow();
        try (MockVerificationService mock = MockVerificationService.builder().account(MockAccount.demo(secret))
                .rateLimit(Integer.MAX_VALUE, Duration.ofMinutes(1)).start();
             ServiceTimingRelay relay = ServiceTimingRelay.start(mock.port())) {
            mock.preload();
            ConfigOptions options = CommandLine.populateCommand(new ConfigOptions(), "--config", config.toString(),
                    "--endpoint", relay.baseUrl(), "--account", mock.accountId(), "--secret-file",
                    secretFile.toString(), "--audit-db", dir.resolve("audit.db").toString(), "--operator", "bench",
                    "--ecert-root-key", rootKey.toString());
            Config resolved = options.resolve(AppPaths.forCurrentUser(), System.getenv());
            OkHttpClient direct = VerificationHttp.builder().addNetworkInterceptor(chain -> {
                Response response = chain.proceed(chain.request());
                directServerMillis.set(ClientBench.parseServerTiming(response.header("Server-Timing")));
                return response;
            }).build();
            HttpVerificationClient client = new HttpVerificationClient(direct, new ObjectMapper(),
                    mock.serviceAccount(), Duration.ofSeconds(5), Clock.systemUTC(), Sleeper.SYSTEM);
            PersonName name = PersonName.parse(sample.patientName());
            ResidentId id = ResidentId.parse(sample.patientId(), LocalDate.now());
            Instant now = Instant.now();
            ListSnapshot lists = new ListSnapshot(TrustList.read(DemoEcertKeys.trustList(now),
                    DemoEcertKeys.rootPublicKey(), now), RevocationList.read(DemoEcertKeys.revocationList(now,
                    Set.of("SHMZ-DEMO-0003")), DemoEcertKeys.rootPublicKey(), now));
            ECPublicKeyParameters issuerKey = lists.trustList().key(DemoEcertKeys.ACTIVE_KID).orElseThrow()
                    .publicKey().parameters();
            EcertVerifier offlineVerifier = new EcertVerifier(Clock.systemUTC());
            DepositPolicy policy = new PolicyLoader(new ObjectMapper()).loadDefault();
            Samples ecert = new Samples();
            Samples live = new Samples();
            Samples alone = new Samples();
            List<Double> difference = new ArrayList<>();
            List<Double> sm2 = new ArrayList<>();
            List<Double> offline = new ArrayList<>();
            List<Double> added = new ArrayList<>();
            Instant started;
            String loadBefore = loadAverage();
            try (Desk desk = Wiring.start(resolved)) {
                started = Instant.now();
                for (int i = 0; i < warmup + iterations; i++) {
                    Timed e;
                    Timed l;
                    // the order alternates, so neither kind always runs on the other's heels
                    if (i % 2 == 0) {
                        e = ecertCheck(desk, relay, sample);
                        l = liveCheck(desk, relay, sample);
                    } else {
                        l = liveCheck(desk, relay, sample);
                        e = ecertCheck(desk, relay, sample);
                    }
                    Timed c = clientAlone(client, name, id);
                    long start = System.nanoTime();
                    DecisionKind offlineKind = policy.decideEcert(offlineVerifier.verify(sample.text(),
                            sample.patientName(), sample.patientId(), lists, null)).kind();
                    double offlineMillis = (System.nanoTime() - start) / 1e6;
                    if (offlineKind != DecisionKind.WAIVE) {
                        throw new IllegalStateException("the offline check answered " + offlineKind);
                    }
                    start = System.nanoTime();
                    if (!EcertBench.bareVerify(issuerKey, sample.text())) {
                        throw new IllegalStateException("the bare SM2 verification failed");
                    }
                    double bare = (System.nanoTime() - start) / 1e6;
                    if (i >= warmup) {
                        ecert.add(e);
                        live.add(l);
                        alone.add(c);
                        difference.add(e.overhead() - l.overhead());
                        sm2.add(bare);
                        offline.add(offlineMillis);
                        added.add(e.overhead() - offlineMillis);
                    }
                }
            }
            String machine = "load average " + loadBefore + " before, " + loadAverage() + " after, on "
                    + Runtime.getRuntime().availableProcessors() + " CPUs; "
                    + Duration.between(started, Instant.now()).toSeconds() + " s";
            print(iterations, warmup, ecert, live, alone, difference, sm2, offline, added, machine,
                    auditEntries(dir.resolve("audit.db")), 2L * (warmup + iterations), dir);
            direct.dispatcher().executorService().shutdown();
            direct.connectionPool().evictAll();
        }
    }

    /** One check: its total time, the mock's handler time and time at its socket for its requests, its thread's CPU. */
    private record Timed(double total, double handler, double socket, double cpu) {
        double overhead() {
            return total - handler;
        }
    }

    private static Timed ecertCheck(Desk desk, ServiceTimingRelay relay, DemoCertificates.Sample sample)
            throws Exception {
        relay.take();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        CheckResult result = desk.checkEcert(sample.text(), sample.patientName(), sample.patientId(), false, "");
        double total = (System.nanoTime() - start) / 1e6;
        cpu = THREADS.getCurrentThreadCpuTime() - cpu;
        if (result.decision().kind() != DecisionKind.WAIVE || result.channel() != Channel.ECERT_ONLINE) {
            throw new IllegalStateException("the e-certificate check answered " + result.decision().reason()
                    + " on channel " + result.channel() + ", not an online WAIVE");
        }
        return timed(total, cpu, relay.take(), 1, "e-certificate status call");
    }

    private static Timed liveCheck(Desk desk, ServiceTimingRelay relay, DemoCertificates.Sample sample)
            throws Exception {
        relay.take();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        CheckResult result = desk.check(sample.patientName(), sample.patientId(), "");
        double total = (System.nanoTime() - start) / 1e6;
        cpu = THREADS.getCurrentThreadCpuTime() - cpu;
        if (result.decision().kind() != DecisionKind.WAIVE) {
            throw new IllegalStateException("the live query answered " + result.decision().reason());
        }
        return timed(total, cpu, relay.take(), 1, "verification");
    }

    /** The first e-certificate check also fetches the lists (GETs, not timed by the relay): it is a warm-up one. */
    private static Timed timed(double total, long cpuNanos, List<ServiceTimingRelay.Timing> requests, int expected,
                               String what) {
        if (requests.size() != expected) {
            throw new IllegalStateException("expected " + expected + " " + what + " through the relay, saw "
                    + requests.size());
        }
        return new Timed(total, requests.stream().mapToDouble(ServiceTimingRelay.Timing::serviceMillis).sum(),
                requests.stream().mapToDouble(ServiceTimingRelay.Timing::upstreamMillis).sum(), cpuNanos / 1e6);
    }

    /** {@code bench client}'s measurement: the client's verify, straight to the mock, no policy, no audit. */
    private Timed clientAlone(HttpVerificationClient client, PersonName name, ResidentId id) throws IOException {
        long start = System.nanoTime();
        VerificationOutcome outcome = client.verify(
                new VerificationRequest(UUID.randomUUID().toString(), name, id, "bench", ""));
        double total = (System.nanoTime() - start) / 1e6;
        if (!outcome.isAnswered()) {
            throw new IOException("the mock did not answer: " + outcome.failure());
        }
        return new Timed(total, directServerMillis.get(), Double.NaN, Double.NaN);
    }

    private void print(int iterations, int warmup, Samples ecert, Samples live, Samples alone,
                       List<Double> difference, List<Double> sm2, List<Double> offline, List<Double> added,
                       String machine, long entries, long checks, Path dir) {
        out.printf("online e-certificate check next to the live query: full desk checks (Wiring.start, SQLite audit"
                + " log, one commit each) against the bundled mock through a timing relay,%n  %d of each after %d"
                + " warm-up, interleaved, ms; overhead = total - the mock's handler time (its Server-Timing), as"
                + " bench client subtracts it%n", iterations, warmup);
        out.printf("  %-46s %-20s %-20s %-20s %-20s %-20s%n", "", "total p50 / p99", "mock handler",
                "at mock's socket", "overhead p50 / p99", "desk thread CPU");
        ecert.print(out, "e-certificate online (Desk.checkEcert)");
        live.print(out, "live query (Desk.check)");
        row("e-certificate minus live query, pair by pair", difference, "(overheads)");
        alone.print(out, "live query's client alone (bench client)");
        row("offline check of the text (bench ecert)", offline, "(verify + decideEcert)");
        row("bare BouncyCastle SM2 verify of the text", sm2, "");
        row("online overhead minus offline, pair by pair", added, "(what going online adds)");
        double sm2P99 = Stats.percentile(sm2, 99);
        verdict("target (issue 12): e-certificate overhead <= live query overhead + bare SM2 verify", 99,
                ecert.overheadP(99), live.overheadP(99) + sm2P99,
                String.format("%.3f + %.3f", live.overheadP(99), sm2P99));
        verdict("    the same at the median", 50, ecert.overheadP(50),
                live.overheadP(50) + Stats.percentile(sm2, 50),
                String.format("%.3f + %.3f", live.overheadP(50), Stats.percentile(sm2, 50)));
        verdict("    without the SM2 allowance", 99, ecert.overheadP(99), live.overheadP(99), "");
        verdict("    what going online adds <= live query overhead", 99, Stats.percentile(added, 99),
                live.overheadP(99), "");
        verdict("    the same at the median", 50, Stats.percentile(added, 50), live.overheadP(50), "");
        out.printf("  machine: %s%n", machine);
        out.printf("  audit entries committed: %d (one per desk check: %d); every check an online WAIVE%n", entries,
                checks);
        out.printf("  the desk's log and audit database: %s%n", dir);
        out.flush();
    }

    private void row(String label, List<Double> samples, String note) {
        out.printf("  %-46s %8.3f / %8.3f  %s%n", label, Stats.percentile(samples, 50), Stats.percentile(samples, 99),
                note);
    }

    private void verdict(String label, int percent, double ours, double limit, String limitParts) {
        out.printf("  %s: p%d %.3f <= %s%.3f ms -> %s%n", label, percent, ours,
                limitParts.isEmpty() ? "" : limitParts + " = ", limit, ours <= limit ? "met" : "NOT met");
    }

    /**
     * As a clerk's desk logs: INFO and above of its own loggers to files beside the audit log
     * ({@link AppLogging}); the console gets warnings only, so the figures stay readable.
     */
    private static void logLikeTheDesk(Path logDir) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler instanceof ConsoleHandler) {
                handler.setLevel(Level.WARNING);
            }
        }
        AppLogging.install(logDir);
    }

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

    /** Total, mock and overhead times of one kind of check. */
    private static final class Samples {
        private final List<Double> total = new ArrayList<>();
        private final List<Double> handler = new ArrayList<>();
        private final List<Double> socket = new ArrayList<>();
        private final List<Double> overhead = new ArrayList<>();
        private final List<Double> cpu = new ArrayList<>();

        void add(Timed timed) {
            total.add(timed.total());
            handler.add(timed.handler());
            socket.add(timed.socket());
            overhead.add(timed.overhead());
            cpu.add(timed.cpu());
        }

        double overheadP(double percent) {
            return Stats.percentile(overhead, percent);
        }

        void print(PrintWriter out, String label) {
            out.printf("  %-46s %s %s %s %s %s%n", label, pair(total), pair(handler), pair(socket), pair(overhead),
                    pair(cpu));
        }

        private static String pair(List<Double> samples) {
            if (samples.get(0).isNaN()) {
                return String.format("%-20s", "       -");
            }
            return String.format("%8.3f / %8.3f ", Stats.percentile(samples, 50), Stats.percentile(samples, 99));
        }
    }
}
