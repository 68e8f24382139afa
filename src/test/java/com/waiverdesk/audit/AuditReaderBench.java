package com.waiverdesk.audit;

import com.waiverdesk.audit.export.CsvExport;
import com.waiverdesk.audit.export.ExportResult;
import com.waiverdesk.audit.export.FhirExport;
import com.waiverdesk.domain.DecisionKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Times the supervisor's first page for each kind of filter on a large generated log (not a unit test: run it by
 * hand on a quiet machine). Filters are run round-robin so every call plans afresh, as after a keystroke.
 *
 * <pre>
 * mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) com.waiverdesk.audit.AuditReaderBench \
 *     /tmp/audit-1m.db 1000000 [recommended-indexes|no-extra-indexes]
 * </pre>
 */
public final class AuditReaderBench {
    private static final int ROUNDS = 7;
    private static final int PAGE = 50;
    /** The indexes this reader asks the schema for (see the report); the reader is correct without them. */
    static final String[] RECOMMENDED = {"CREATE INDEX IF NOT EXISTS audit_entry_name ON audit_entry (name)",
        "CREATE INDEX IF NOT EXISTS audit_entry_error_code ON audit_entry (error_code, ws_time_ms)"};

    private AuditReaderBench() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args.length > 0 ? args[0] : "target/audit-bench.db");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        if (!Files.exists(db)) {
            long t = System.nanoTime();
            SyntheticAuditLog.create(db, count, 42);
            System.out.printf("generated %,d entries in %.1f s%n", count, (System.nanoTime() - t) / 1e9);
        }
        if (args.length > 2 && args[2].equals("recommended-indexes")) {
            AuditFixtures.sql(db, RECOMMENDED);
        } else if (args.length > 2) {
            AuditFixtures.sql(db, "DROP INDEX IF EXISTS audit_entry_name", "DROP INDEX IF EXISTS audit_entry_error_code");
        }
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            Map<String, AuditFilter> filters = filters(reader);
            Map<String, long[]> times = new LinkedHashMap<>();
            Map<String, Integer> rows = new LinkedHashMap<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (Map.Entry<String, AuditFilter> f : filters.entrySet()) {
                    long t = System.nanoTime();
                    AuditPage page = reader.page(f.getValue(), Long.MAX_VALUE, PAGE);
                    times.computeIfAbsent(f.getKey(), k -> new long[ROUNDS])[round] = System.nanoTime() - t;
                    rows.put(f.getKey(), page.entries().size());
                }
            }
            System.out.printf("%-34s %6s %9s %9s   plan%n", "first page of " + PAGE, "rows", "median", "max");
            for (Map.Entry<String, long[]> e : times.entrySet()) {
                long[] ns = e.getValue();
                Arrays.sort(ns);
                reader.page(filters.get(e.getKey()), Long.MAX_VALUE, PAGE);
                System.out.printf("%-34s %6d %7.1f ms %6.1f ms   %s%n", e.getKey(), rows.get(e.getKey()),
                        ns[ROUNDS / 2] / 1e6, ns[ROUNDS - 1] / 1e6,
                        reader.lastPlan().kind() + " " + reader.lastPlan().index());
            }
            for (String name : List.of("everything", "decision CHARGE", "operator clerk-05", "name 明",
                    "last 7 days")) {
                long t = System.nanoTime();
                long n = reader.count(filters.get(name));
                System.out.printf("count %-28s %,9d %7.1f ms%n", name, n, (System.nanoTime() - t) / 1e6);
            }
            for (String name : List.of("everything", "last 7 days", "operator clerk-05")) {
                long[] ns = new long[3];
                AuditCharts charts = null;
                for (int i = 0; i < ns.length; i++) {
                    long t = System.nanoTime();
                    charts = reader.charts(filters.get(name), ZoneId.of("Asia/Shanghai"));
                    ns[i] = System.nanoTime() - t;
                }
                Arrays.sort(ns);
                System.out.printf("charts %-27s %,9d days %7.1f ms (median of 3)%n", name,
                        charts.failureRate().size(), ns[1] / 1e6);
            }
            export(reader, db);
        }
    }

    /** Both exports of the whole log, timed once each (the second run of a JVM is the honest one). */
    private static void export(SqliteAuditReader reader, Path db) throws Exception {
        StoredEntry last = reader.page(AuditFilter.all(), Long.MAX_VALUE, 1).entries().get(0);
        ChainHead head = new ChainHead(Instant.now(), last.seq(), last.entryHash(), 0, HashChain.GENESIS);
        Path dir = Files.createTempDirectory(db.toAbsolutePath().getParent(), "export");
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int run = 1; run <= 2; run++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            ExportResult csv = new CsvExport(reader, ZoneId.of("Asia/Shanghai"), Clock.systemUTC(), new com.waiverdesk.app.AuditVocabulary(java.util.Locale.ROOT))
                    .write(AuditFilter.all(), head, dir.resolve("all.csv"), ProgressListener.NONE);
            long csvNs = System.nanoTime() - t;
            long csvCpu = threads.getCurrentThreadCpuTime() - cpu;
            t = System.nanoTime();
            ExportResult fhir = new FhirExport(reader, ZoneId.of("Asia/Shanghai"), Clock.systemUTC(), null)
                    .write(AuditFilter.all(), head, dir.resolve("all.json"), ProgressListener.NONE);
            long fhirNs = System.nanoTime() - t;
            Runtime rt = Runtime.getRuntime();
            System.out.printf("export run %d: CSV %,d rows %,d MB %.1f s (CPU %.1f s); FHIR %,d MB %.1f s;"
                    + " heap in use %d MB%n", run, csv.rows(), Files.size(csv.file()) >> 20, csvNs / 1e9,
                    csvCpu / 1e9, Files.size(fhir.file()) >> 20, fhirNs / 1e9,
                    (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private static Map<String, AuditFilter> filters(SqliteAuditReader reader) throws AuditReadException {
        StoredEntry newest = reader.page(AuditFilter.all(), Long.MAX_VALUE, 1).entries().get(0);
        long now = newest.entry().workstationTime().toEpochMilli();
        long day = 86_400_000L;
        String id = reader.page(AuditFilter.all(), newest.seq() / 2, 1).entries().get(0).entry().idHash();
        Map<String, AuditFilter> f = new LinkedHashMap<>();
        f.put("everything", AuditFilter.all());
        f.put("last 7 days", time(now - 7 * day, null));
        f.put("one day a year ago", time(now - 366 * day, now - 365 * day));
        f.put("a whole year, a year ago", time(now - 730 * day, now - 365 * day));
        f.put("operator clerk-05", new AuditFilter(null, null, "clerk-05", null, null, null, null, null, null));
        f.put("operator unknown", new AuditFilter(null, null, "clerk-99", null, null, null, null, null, null));
        f.put("workstation WIN-ADM-03", new AuditFilter(null, null, null, "WIN-ADM-03", null, null, null, null, null));
        f.put("decision CHARGE", decision(DecisionKind.CHARGE));
        f.put("decision CANNOT_VERIFY", decision(DecisionKind.CANNOT_VERIFY));
        f.put("service result NAME_MISMATCH", new AuditFilter(null, null, null, null, null, "NAME_MISMATCH", null,
                null, null));
        f.put("error RATE_LIMITED", error("RATE_LIMITED"));
        f.put("error never seen", error("CLOCK_SKEW"));
        for (String name : new ArrayList<>(List.of("王", "明", "王明", "john", "无此人"))) {
            f.put("name " + name, new AuditFilter(null, null, null, null, null, null, null, name, null));
        }
        f.put("name 无此人, last 30 days", new AuditFilter(now - 30 * day, null, null, null, null, null, null, "无此人",
                null));
        f.put("exact ID", new AuditFilter(null, null, null, null, null, null, null, null, id));
        f.put("operator + CANNOT_VERIFY", new AuditFilter(null, null, "clerk-05", null, AuditFilter.decision(DecisionKind.CANNOT_VERIFY),
                null, null, null, null));
        return f;
    }

    private static AuditFilter time(Long from, Long to) {
        return new AuditFilter(from, to, null, null, null, null, null, null, null);
    }

    private static AuditFilter decision(DecisionKind kind) {
        return new AuditFilter(null, null, null, null, AuditFilter.decision(kind), null, null, null, null);
    }

    private static AuditFilter error(String code) {
        return new AuditFilter(null, null, null, null, null, null, AuditFilter.errorCode(code), null, null);
    }
}
