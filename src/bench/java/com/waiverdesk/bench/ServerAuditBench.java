package com.waiverdesk.bench;

import com.waiverdesk.app.AuditVocabulary;
import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.EntryColumns;
import com.waiverdesk.audit.IntegrityReport;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.audit.SyntheticAuditLog;
import com.waiverdesk.audit.export.ExportResult;
import com.waiverdesk.audit.server.ServerAdmin;
import com.waiverdesk.audit.server.ServerAuditLog;
import com.waiverdesk.audit.server.ServerAuditReader;
import com.waiverdesk.audit.server.ServerChainVerifier;
import com.waiverdesk.audit.server.ServerConnections;
import com.waiverdesk.audit.server.ServerSupervisorActions;
import com.waiverdesk.audit.server.ServerUrl;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code bench audit --audit-db jdbc:postgresql://…}: the hospital's audit server, measured against a real PostgreSQL
 * server given by its address with IT's login (the database owner, with CREATEROLE; its password from
 * {@code --password-file} or PGPASSFILE / ~/.pgpass). The benchmark runs {@code ServerAdmin.init()} on that database,
 * makes its own desk and supervisor logins, and then:
 *
 * <ul>
 *   <li>append: N simulated desks (threads, each with its own desk login and {@link ServerAuditLog}, so its own
 *       connection) append at once, back to back, for the phase's duration; in the same run and on the same server the
 *       same N threads do a bare one-row INSERT and commit into a plain table as wide as {@code audit_entry} (in the
 *       schema {@value #BENCH_SCHEMA}, owned by IT's login, with only its primary key), phases in the order
 *       bare, append, append, bare, … (a drift of the machine's load weighs on both alike). Target (issue 13): append
 *       p99 ≤ 1.5 × bare p99. Then every append that returned must be on the server with its seq (0 lost) and the chain
 *       must verify (ServerChainVerifier, as a supervisor login).</li>
 *   <li>load: tops the chain up to {@code --entries} synthetic entries ({@link ServerLogLoader}).</li>
 * </ul>
 *
 * The logins it makes ({@value #DESK_PREFIX}NN, {@value #SUPERVISOR}) get random passwords that are never printed or
 * kept, and are dropped at the end; the bare table's schema too.
 */
final class ServerAuditBench {
    static final String BENCH_SCHEMA = "waiverdesk_bench";
    static final String DESK_PREFIX = "bench_desk_";
    static final String SUPERVISOR = "bench_supervisor";
    /** Unmeasured operations of each thread at the start of each phase (pgjdbc prepares server-side from the 5th). */
    private static final int WARMUP = 10;
    /** Distinct entries each desk cycles through (realistic variety, made before the clock runs). */
    private static final int SAMPLES = 256;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What to run. */
    record Options(String url, Path passwordFile, int desks, int seconds, int rounds, int paceMs, int entries,
                   String only, Path dir) {
    }

    /**
     * What a phase's desks do: the bare INSERT into the plain table (only its primary key: the target's yardstick),
     * the same INSERT into an empty copy of audit_entry with its indexes (what storing the row costs without the chain),
     * or the append.
     */
    private enum Kind {
        BARE("bare"), INDEXED("bare+idx"), APPEND("append");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** One phase's figures. */
    private record Phase(Kind kind, int round, Latencies latencies, long ok, long failed, String firstFailure,
                         double seconds, String machine, Map<String, Integer> waits) {
    }

    private final PrintWriter out;
    private final SecureRandom random = new SecureRandom();

    ServerAuditBench(PrintWriter out) {
        this.out = out;
    }

    void run(Options o) throws Exception {
        ServerUrl url = ServerUrl.parse(o.url());
        ServerConnections owner = new ServerConnections(url, o.passwordFile() == null ? null
                : readPassword(o.passwordFile()), TIMEOUT);
        long t0 = System.nanoTime();
        String schema = new ServerAdmin(owner).init();
        out.printf("audit server %s: ServerAdmin.init() in %.1f s, schema version %s%n", url.describe(), seconds(t0),
                schema);
        describeServer(owner);
        Map<String, char[]> desks = new TreeMap<>();
        char[] supervisorPassword = newPassword();
        ServerAdmin admin = new ServerAdmin(owner);
        try {
            for (int i = 1; i <= o.desks(); i++) {
                String login = String.format("%s%02d", DESK_PREFIX, i);
                desks.put(login, newPassword());
                // a copy: pgjdbc's alterUserPassword wipes the array it is given
                admin.addLogin(login, ServerAdmin.Kind.DESK, desks.get(login).clone());
            }
            admin.addLogin(SUPERVISOR, ServerAdmin.Kind.SUPERVISOR, supervisorPassword.clone());
            out.printf("logins: %s01..%02d (desks), %s (supervisor), made with ServerAdmin.addLogin%n", DESK_PREFIX,
                    o.desks(), SUPERVISOR);
            out.flush();
            ServerConnections supervisor = owner.as(SUPERVISOR, supervisorPassword);
            if (List.of("append", "all").contains(o.only())) {
                appendBench(owner, desks, o);
            }
            if (List.of("load", "all").contains(o.only())) {
                new ServerLogLoader(out).topUp(owner, o.entries());
            }
            if (!"read".equals(o.only())) {
                verify(supervisor);
            }
            if (List.of("read", "all").contains(o.only())) {
                readBench(supervisor, o);
            }
        } finally {
            dropLogins(owner, desks.keySet());
        }
        out.flush();
    }

    // ------------------------------------------------------------------------------------------------ append

    private void appendBench(ServerConnections owner, Map<String, char[]> desks, Options o) throws Exception {
        createBareTable(owner);
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT);
        String marker = "BENCH-" + run + "-";
        long headBefore = headSeq(owner);
        List<String> logins = new ArrayList<>(desks.keySet());
        List<List<AuditEntry>> samples = new ArrayList<>();
        for (int d = 0; d < logins.size(); d++) {
            samples.add(samples(d, marker));
        }
        List<Map<UUID, Long>> appended = new ArrayList<>();
        for (int d = 0; d < logins.size(); d++) {
            appended.add(new HashMap<>());
        }
        out.printf("append: %d desks at once, %s, phases of %d s: ", o.desks(), o.paceMs() == 0 ? "back to back"
                : String.format("each every %d ms (%,.0f/s offered; latency from the planned start)", o.paceMs(),
                        o.desks() * 1000.0 / o.paceMs()), o.seconds());
        List<Kind> order = new ArrayList<>();
        for (int r = 0; r < o.rounds(); r++) {
            order.addAll(r % 2 == 0 ? List.of(Kind.BARE, Kind.INDEXED, Kind.APPEND)
                    : List.of(Kind.APPEND, Kind.INDEXED, Kind.BARE));
        }
        out.println(order.stream().map(k -> k.label).reduce((a, b) -> a + ", " + b)
                .orElse("") + " (workstations " + marker + "NN)");
        out.flush();
        List<Phase> phases = new ArrayList<>();
        int[] rounds = new int[Kind.values().length];
        for (Kind kind : order) {
            Phase p = phase(kind, ++rounds[kind.ordinal()], owner, desks, logins, samples, appended, o);
            phases.add(p);
            printPhase(p);
            if (kind == Kind.APPEND) {
                // appends link each other's entries as they go (V5): how far behind the chain is as the phase ends
                out.printf("           not yet linked into the chain as the phase ended: %,d entries%n",
                        unlinked(owner));
            }
        }
        Latencies bare = Latencies.merged(phases.stream().filter(p -> p.kind == Kind.BARE).map(Phase::latencies).toList());
        Latencies indexed = Latencies.merged(phases.stream().filter(p -> p.kind == Kind.INDEXED).map(Phase::latencies)
                .toList());
        Latencies append = Latencies.merged(phases.stream().filter(p -> p.kind == Kind.APPEND).map(Phase::latencies).toList());
        out.printf("all phases, ms:%n");
        out.printf("  append (ServerAuditLog.append)     %s%n", append.summary());
        out.printf("  bare 1-row INSERT, commit          %s%n", bare.summary());
        out.printf("  the same into audit_entry's indexes %s%n", indexed.summary());
        double ratio = append.percentileMs(99) / bare.percentileMs(99);
        out.printf("  target (issue 13): append p99 <= 1.5 x bare INSERT p99: %.2f <= %.2f ms (ratio %.2f) -> %s%n",
                append.percentileMs(99), 1.5 * bare.percentileMs(99), ratio, ratio <= 1.5 ? "met" : "NOT met");
        out.printf("  at the median: ratio %.2f%n", append.percentileMs(50) / bare.percentileMs(50));
        out.printf("  against the INSERT into an (empty) copy of audit_entry with its indexes: p99 ratio %.2f, median"
                + " %.2f (what the chain adds to storing the row)%n", append.percentileMs(99) / indexed.percentileMs(99),
                append.percentileMs(50) / indexed.percentileMs(50));
        long failed = phases.stream().filter(p -> p.kind == Kind.APPEND).mapToLong(Phase::failed).sum();
        lost(owner, marker, headBefore, appended, failed);
        dropBareTable(owner);
    }

    private Phase phase(Kind kind, int round, ServerConnections owner, Map<String, char[]> desks, List<String> logins,
                        List<List<AuditEntry>> samples, List<Map<UUID, Long>> appended, Options o) throws Exception {
        int n = logins.size();
        long[] start = new long[1];
        CyclicBarrier go = new CyclicBarrier(n + 1, () -> start[0] = System.nanoTime());
        AtomicBoolean stop = new AtomicBoolean();
        Schedule schedule = new Schedule(go, start, TimeUnit.SECONDS.toNanos(o.seconds()),
                TimeUnit.MILLISECONDS.toNanos(o.paceMs()), stop);
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "desk");
            t.setDaemon(true);
            return t;
        });
        List<Future<long[]>> done = new ArrayList<>();
        List<Latencies> latencies = new ArrayList<>();
        String[] firstFailure = new String[1];
        try {
            for (int d = 0; d < n; d++) {
                Latencies l = new Latencies();
                latencies.add(l);
                int desk = d;
                done.add(pool.submit(() -> {
                    try {
                        return kind == Kind.APPEND
                                ? appendDesk(owner.as(logins.get(desk), desks.get(logins.get(desk))), samples.get(desk),
                                        appended.get(desk), l, schedule, firstFailure)
                                : bareDesk(owner, kind == Kind.BARE ? "bare_insert" : "indexed_insert",
                                        logins.get(desk), samples.get(desk), l, schedule, firstFailure);
                    } catch (Exception | Error e) {
                        go.reset(); // the others stop waiting for this desk
                        throw e;
                    }
                }));
            }
            // every desk connected and warmed up: the clock starts for all at once
            try {
                go.await(5, TimeUnit.MINUTES);
            } catch (BrokenBarrierException e) {
                for (Future<long[]> f : done) {
                    try {
                        f.get(10, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException failed) {
                        if (!(failed.getCause() instanceof IllegalStateException)) {
                            throw new IllegalStateException("a desk could not start: " + failed.getCause(),
                                    failed.getCause());
                        }
                    } catch (java.util.concurrent.TimeoutException ignored) {
                        // still starting: another desk failed
                    }
                }
                throw e;
            }
            String load = loadAverage();
            Optional<CpuSteal> steal = CpuSteal.now();
            WaitSampler sampler = new WaitSampler(owner, kind == Kind.APPEND ? DESK_PREFIX + "%" : owner.url().user());
            Thread sampling = new Thread(sampler, "wait-sampler");
            sampling.setDaemon(true);
            sampling.start();
            long ok = 0;
            long failed = 0;
            for (Future<long[]> f : done) {
                long[] r = f.get(o.seconds() + 300L, TimeUnit.SECONDS);
                ok += r[0];
                failed += r[1];
            }
            double took = (System.nanoTime() - start[0]) / 1e9;
            sampler.stop();
            sampling.join(5_000);
            String machine = "load average " + load + " before, " + loadAverage() + " after"
                    + CpuSteal.since(steal);
            return new Phase(kind, round, Latencies.merged(latencies), ok, failed, firstFailure[0], took, machine,
                    sampler.waits());
        } finally {
            stop.set(true);
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /** One desk appending: its own login and connection; returns {ok, failed} of the measured appends. */
    private static long[] appendDesk(ServerConnections login, List<AuditEntry> samples, Map<UUID, Long> appended,
                                     Latencies latencies, Schedule schedule, String[] firstFailure) throws Exception {
        try (ServerAuditLog log = new ServerAuditLog(login)) {
            return measure(entry -> {
                UUID id = UUID.randomUUID();
                appended.put(id, log.append(id, entry, null));
            }, samples, latencies, schedule, firstFailure);
        }
    }

    /** One desk's baseline: a one-row INSERT into {@code table}, committed (auto-commit), as IT's login. */
    private static long[] bareDesk(ServerConnections owner, String table, String login, List<AuditEntry> samples,
                                   Latencies latencies, Schedule schedule, String[] firstFailure) throws Exception {
        try (Connection c = owner.open(); PreparedStatement insert = c.prepareStatement(bareInsert(table))) {
            return measure(entry -> bareInsert(insert, entry, login), samples, latencies, schedule, firstFailure);
        }
    }

    /** What one desk does once: an append, or the bare INSERT. */
    private interface Operation {
        void run(AuditEntry entry) throws AuditWriteException, SQLException;
    }

    /**
     * When the phase starts (every desk connected and warmed up), how long it lasts, and each desk's interval between
     * operations (0: back to back).
     */
    private record Schedule(CyclicBarrier go, long[] start, long duration, long pace, AtomicBoolean stop) {
    }

    /**
     * {@link #WARMUP} operations unmeasured, then — once every desk is ready — operations until the phase ends, each
     * timed: back to back, or paced (open loop: each at its planned time, a random phase apart between desks, timed
     * from that planned time, so an operation that had to wait for the one before it counts its wait); returns
     * {ok, failed}.
     */
    private static long[] measure(Operation op, List<AuditEntry> samples, Latencies latencies, Schedule schedule,
                                  String[] firstFailure) throws AuditWriteException, SQLException, InterruptedException {
        int i = 0;
        for (; i < WARMUP; i++) {
            op.run(now(samples.get(i % samples.size())));
        }
        await(schedule.go());
        long start = schedule.start()[0];
        long planned = start + (schedule.pace() == 0 ? 0 : ThreadLocalRandom.current().nextLong(schedule.pace()));
        long ok = 0;
        long failed = 0;
        while (!schedule.stop().get() && (schedule.pace() == 0 ? System.nanoTime() : planned) - start
                < schedule.duration()) {
            AuditEntry entry = now(samples.get(i++ % samples.size()));
            long t0;
            if (schedule.pace() == 0) {
                t0 = System.nanoTime();
            } else {
                for (long wait = planned - System.nanoTime(); wait > 0; wait = planned - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                t0 = planned;
                planned += schedule.pace();
            }
            try {
                op.run(entry);
                latencies.add(System.nanoTime() - t0);
                ok++;
            } catch (AuditWriteException e) {
                failed++;
                noteFailure(firstFailure, e.getMessage());
            } catch (SQLException e) {
                failed++;
                noteFailure(firstFailure, "SQL state " + e.getSQLState());
            }
        }
        return new long[] {ok, failed};
    }

    private static void await(CyclicBarrier go) throws InterruptedException {
        try {
            go.await(5, TimeUnit.MINUTES);
        } catch (BrokenBarrierException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the desks did not all start", e);
        }
    }

    private static synchronized void noteFailure(String[] first, String what) {
        if (first[0] == null) {
            first[0] = what;
        }
    }

    /** The columns of audit_entry as the desk sends them, then what the server would add (as plain values). */
    private static String bareInsert(String table) {
        StringBuilder sql = new StringBuilder("INSERT INTO " + BENCH_SCHEMA + "." + table + " (entry_id");
        for (String column : EntryColumns.NAMES) {
            sql.append(", ").append(column);
        }
        sql.append(", received_us, writer, spooled_ms, prev_hash, entry_hash) VALUES (?");
        sql.append(", ?".repeat(EntryColumns.NAMES.size() + 5)).append(')');
        return sql.toString();
    }

    private static void bareInsert(PreparedStatement p, AuditEntry entry, String login) throws SQLException {
        List<Object> values = EntryColumns.toColumns(entry);
        p.setObject(1, UUID.randomUUID());
        int i = 2;
        for (Object v : values) {
            if (v == null) {
                p.setNull(i++, Types.NULL);
            } else if (v instanceof Long l) {
                p.setLong(i++, l);
            } else {
                p.setString(i++, (String) v);
            }
        }
        p.setLong(i++, System.currentTimeMillis() * 1000);
        p.setString(i++, login);
        p.setNull(i++, Types.BIGINT);
        p.setString(i++, "0".repeat(64));
        p.setString(i, "f".repeat(64));
        p.executeUpdate();
    }

    /** The desk's entries: realistic synthetic ones (SyntheticAuditLog), from its own workstation and operator. */
    private static List<AuditEntry> samples(int desk, String marker) {
        SyntheticAuditLog generator = SyntheticAuditLog.generator(SAMPLES * 2, 1_000 + desk);
        long today = Instant.now().truncatedTo(ChronoUnit.DAYS).toEpochMilli();
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            AuditEntry e = generator.next(SAMPLES + i, SAMPLES * 2, today, 100_000);
            entries.add(new AuditEntry(e.workstationTime(), e.serviceTime(), String.format("bench-clerk-%02d", desk + 1),
                    String.format("%s%02d", marker, desk + 1), e.maskedId(), e.idHash(), e.name(), e.decision(),
                    e.depositPercent(), e.reason(), e.categories(), e.serviceResult(), e.requestId(), e.errorCode(),
                    e.latencyMillis(), e.source(), e.proof()));
        }
        return entries;
    }

    private static AuditEntry now(AuditEntry e) {
        return new AuditEntry(Instant.now(), e.serviceTime(), e.operator(), e.workstation(), e.maskedId(), e.idHash(),
                e.name(), e.decision(), e.depositPercent(), e.reason(), e.categories(), e.serviceResult(),
                e.requestId(), e.errorCode(), e.latencyMillis(), e.source(), e.proof());
    }

    private void printPhase(Phase p) {
        out.printf("  %-8s %d: %s, %.0f/s in %.1f s%s; %s%n", p.kind.label, p.round,
                p.latencies.summary(), p.ok / p.seconds, p.seconds,
                p.failed == 0 ? "" : String.format(", %,d FAILED (%s)", p.failed, p.firstFailure), p.machine);
        if (!p.waits.isEmpty()) {
            int total = p.waits.values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder line = new StringBuilder("           the desks' server sessions, sampled every 50 ms:");
            p.waits.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> line.append(String.format(" %s %.0f %%,", e.getKey(), 100.0 * e.getValue() / total)));
            line.setLength(line.length() - 1);
            out.println(line);
        }
        out.flush();
    }

    /**
     * 0 lost: every append that returned is on the server under the seq it returned, and nothing else of this run's
     * workstations is there but the appends that failed (whose commit the desk may not have heard of).
     */
    private void lost(ServerConnections owner, String marker, long headBefore, List<Map<UUID, Long>> appended,
                      long failed) throws SQLException {
        // one map, emptied as the server's rows come (a run of millions of appends fits the launcher's heap)
        Map<UUID, Long> returned = new HashMap<>();
        appended.forEach(returned::putAll);
        long returnedCount = returned.size();
        long onServer = 0;
        long extra = 0;
        long moved = 0;
        try (Connection c = owner.open()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("SELECT entry_id, seq FROM " + ServerAdmin.SCHEMA
                    + ".audit_entry WHERE seq > ? AND workstation LIKE ?")) {
                p.setLong(1, headBefore);
                p.setString(2, marker + "%");
                p.setFetchSize(10_000);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        onServer++;
                        Long seq = returned.remove(rs.getObject(1, UUID.class));
                        if (seq == null) {
                            extra++;
                        } else if (seq != rs.getLong(2)) {
                            moved++;
                        }
                    }
                }
            }
            c.commit();
        }
        long missing = returned.size() + moved;
        out.printf("lost: %,d appends returned (warm-up included), %,d entries of this run on the server; %s%s%n",
                returnedCount, onServer,
                missing == 0 ? "0 lost" : missing + " LOST (returned a seq the server does not hold for them)",
                extra == 0 ? "" : String.format("; %,d on the server whose append failed (%,d failed)", extra, failed));
        out.flush();
    }

    // ------------------------------------------------------------------------------------------------ read

    /**
     * The supervisor's reader on the server's entries (the same filters as the SQLite benchmark's, AuditBench) and a
     * CSV export of all of them, then the same on a SQLite log of --entries on this machine, side by side.
     */
    private void readBench(ServerConnections supervisor, Options o) throws Exception {
        Clock clock = Clock.systemDefaultZone();
        String load = loadAverage();
        out.printf("read: ServerAuditReader as %s%n", SUPERVISOR);
        out.flush();
        Map<String, AuditBench.PageTiming> server;
        double serverRate;
        try (ServerAuditReader reader = new ServerAuditReader(supervisor, "BENCH", clock)) {
            server = new AuditBench(out).firstPages(reader);
            Files.createDirectories(o.dir());
            Path csv = o.dir().resolve("bench-server-export.csv");
            Optional<CpuSteal> steal = CpuSteal.now();
            long t0 = System.nanoTime();
            ExportResult r = new ServerSupervisorActions(supervisor, "BENCH", clock, reader).exportCsv(
                    AuditFilter.all(), csv, ZoneId.systemDefault(), new AuditVocabulary(Locale.ROOT),
                    ProgressListener.NONE);
            double took = seconds(t0);
            serverRate = r.rows() / took;
            out.printf("CSV export of all %,d entries from the server: %.1f s, %.0f MiB, %,.0f entries/s%s%n", r.rows(),
                    took, Files.size(csv) / 1048576.0, serverRate, CpuSteal.since(steal));
            Files.deleteIfExists(csv);
        }
        out.printf("the same on a SQLite log of %,d entries, %,d a day as loaded here, on this machine (in %s):%n",
                o.entries(), ServerLogLoader.PER_DAY, o.dir());
        out.flush();
        Map.Entry<Map<String, AuditBench.PageTiming>, Double> sqlite = new AuditBench(out).reads(o.dir(), o.entries(),
                ServerLogLoader.PER_DAY);
        out.printf("side by side, first page (ms; target <= 100 on the server):%n");
        out.printf("  %-36s %9s %9s%n", "filter", "server", "SQLite");
        String worst = null;
        double worstMs = 0;
        for (Map.Entry<String, AuditBench.PageTiming> e : server.entrySet()) {
            AuditBench.PageTiming lite = sqlite.getKey().get(e.getKey());
            out.printf("  %-36s %9.1f %9.1f%n", e.getKey(), e.getValue().pageMs(), lite == null ? Double.NaN
                    : lite.pageMs());
            if (e.getValue().pageMs() > worstMs) {
                worstMs = e.getValue().pageMs();
                worst = e.getKey();
            }
        }
        out.printf("  target (issue 13): first page of every filter <= 100 ms -> %s (slowest: %s, %.1f ms)%n",
                worstMs <= 100 ? "met" : "NOT met", worst, worstMs);
        out.printf("  target (issue 13): CSV export entries/s >= SQLite's: %,.0f vs %,.0f -> %s%n", serverRate,
                sqlite.getValue(), serverRate >= sqlite.getValue() ? "met" : "NOT met");
        out.printf("  machine: load average %s before, %s after%n", load, loadAverage());
        out.flush();
    }

    // ------------------------------------------------------------------------------------------------ the rest

    private void verify(ServerConnections supervisor) throws SQLException {
        Optional<CpuSteal> steal = CpuSteal.now();
        long t0 = System.nanoTime();
        IntegrityReport report = new ServerChainVerifier(supervisor).verify("BENCH", Instant.now(),
                ProgressListener.NONE);
        out.printf("chain (ServerChainVerifier as %s): %,d entries and %,d access events in %.1f s: %s%s%n",
                SUPERVISOR, report.checks().entriesChecked(), report.access().entriesChecked(), seconds(t0),
                report.intact() ? "intact" : "BROKEN " + report.firstProblem().orElseThrow(), CpuSteal.since(steal));
        out.flush();
    }

    private void describeServer(ServerConnections owner) throws SQLException {
        try (Connection c = owner.open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version'), current_setting('max_connections'),"
                     + " current_setting('shared_buffers'), current_setting('synchronous_commit'),"
                     + " current_setting('fsync'), current_setting('wal_sync_method'), current_setting('commit_delay'),"
                     + " (SELECT count(*) FROM " + ServerAdmin.SCHEMA + ".audit_entry)")) {
            rs.next();
            out.printf("  PostgreSQL %s, max_connections %s, shared_buffers %s, synchronous_commit %s, fsync %s,"
                            + " wal_sync_method %s, commit_delay %s; %,d entries on the server%n", rs.getString(1),
                    rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                    rs.getString(7), rs.getLong(8));
        }
    }

    /** The newest entry's seq (linked into the chain or not yet). */
    private static long headSeq(ServerConnections owner) throws SQLException {
        try (Connection c = owner.open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(seq), 0) FROM " + ServerAdmin.SCHEMA + ".audit_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Entries past the chain's head: committed, not linked yet. */
    private static long unlinked(ServerConnections owner) throws SQLException {
        try (Connection c = owner.open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + ServerAdmin.SCHEMA + ".audit_entry WHERE seq >"
                     + " (SELECT seq FROM " + ServerAdmin.SCHEMA + ".chain_head WHERE chain = 'checks')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void createBareTable(ServerConnections owner) throws SQLException {
        try (Connection c = owner.open(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + BENCH_SCHEMA);
            s.execute("DROP TABLE IF EXISTS " + BENCH_SCHEMA + ".bare_insert");
            // as wide as audit_entry, every column and its NOT NULL; only a primary key, from a sequence
            s.execute("CREATE TABLE " + BENCH_SCHEMA + ".bare_insert (LIKE " + ServerAdmin.SCHEMA + ".audit_entry)");
            s.execute("ALTER TABLE " + BENCH_SCHEMA + ".bare_insert ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY");
            s.execute("ALTER TABLE " + BENCH_SCHEMA + ".bare_insert ADD PRIMARY KEY (seq)");
            // and a copy with audit_entry's indexes (the primary key and the gram index included), empty: its indexes
            // are smaller than the log's, so it is the cheaper of the two to insert into
            s.execute("DROP TABLE IF EXISTS " + BENCH_SCHEMA + ".indexed_insert");
            s.execute("CREATE TABLE " + BENCH_SCHEMA + ".indexed_insert (LIKE " + ServerAdmin.SCHEMA + ".audit_entry"
                    + " INCLUDING INDEXES)");
            s.execute("ALTER TABLE " + BENCH_SCHEMA + ".indexed_insert ALTER COLUMN seq ADD GENERATED ALWAYS AS"
                    + " IDENTITY");
            s.execute("ALTER TABLE " + BENCH_SCHEMA + ".indexed_insert ALTER COLUMN prev_hash DROP NOT NULL,"
                    + " ALTER COLUMN entry_hash DROP NOT NULL");
        }
    }

    private static void dropBareTable(ServerConnections owner) throws SQLException {
        try (Connection c = owner.open(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + BENCH_SCHEMA + " CASCADE");
        }
    }

    private void dropLogins(ServerConnections owner, Iterable<String> desks) {
        try (Connection c = owner.open(); Statement s = c.createStatement()) {
            for (String login : desks) {
                s.execute("DROP ROLE IF EXISTS " + login);
            }
            s.execute("DROP ROLE IF EXISTS " + SUPERVISOR);
        } catch (SQLException e) {
            out.printf("could not drop the bench's logins (SQL state %s): drop %s* and %s by hand%n", e.getSQLState(),
                    DESK_PREFIX, SUPERVISOR);
        }
    }

    private char[] newPassword() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }

    private static char[] readPassword(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end).toCharArray();
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * What the phase's server sessions were doing, sampled from pg_stat_activity: on CPU ("running"), waiting for a
     * lock (the head row's), for the WAL's flush, the client… Needs the right to see other logins' sessions
     * (pg_read_all_stats, or a superuser); without it the bare phase (IT's own sessions) is still seen.
     */
    private static final class WaitSampler implements Runnable {
        private final ServerConnections owner;
        private final String users;
        private final Map<String, Integer> waits = new TreeMap<>();
        private volatile boolean stopped;

        WaitSampler(ServerConnections owner, String users) {
            this.owner = owner;
            this.users = users;
        }

        void stop() {
            stopped = true;
        }

        synchronized Map<String, Integer> waits() {
            return new TreeMap<>(waits);
        }

        @Override
        public void run() {
            try (Connection c = owner.open(); PreparedStatement p = c.prepareStatement("SELECT CASE WHEN state ="
                    + " 'active' THEN coalesce(wait_event_type || ':' || wait_event, 'running')"
                    + " ELSE coalesce(state, 'not visible') END FROM pg_stat_activity WHERE usename LIKE ?"
                    + " AND pid <> pg_backend_pid() AND backend_type = 'client backend'")) {
                p.setString(1, users);
                while (!stopped) {
                    try (ResultSet rs = p.executeQuery()) {
                        synchronized (this) {
                            while (rs.next()) {
                                waits.merge(rs.getString(1), 1, Integer::sum);
                            }
                        }
                    }
                    Thread.sleep(50);
                }
            } catch (SQLException | InterruptedException e) {
                // the figures stay without it
            }
        }
    }
}
