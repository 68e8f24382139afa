package com.waiverdesk.bench;

import com.waiverdesk.app.AuditVocabulary;
import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditCharts;
import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.AuditReader;
import com.waiverdesk.audit.AuditKey;
import com.waiverdesk.audit.IdHasher;
import com.waiverdesk.audit.IntegrityReport;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.audit.SqliteAuditLog;
import com.waiverdesk.audit.SqliteAuditReader;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.audit.SyntheticAuditLog;
import com.waiverdesk.audit.export.CsvExport;
import com.waiverdesk.audit.export.ExportResult;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;

/**
 * The audit log at scale: a log of realistic synthetic entries, then — measured side by side in one run — one committed
 * append against a bare SQLite single-row commit, the first page of each filter, a CSV export of everything and a full
 * verification.
 */
final class AuditBench {
    private static final int APPENDS = 300;
    private static final int PAGE = 100;

    private final PrintWriter out;

    AuditBench(PrintWriter out) {
        this.out = out;
    }

    /** The first page of a filter and its count, ms. */
    record PageTiming(double pageMs, int rows, long count, double countMs) {
    }

    void run(Path dir, int entries) throws Exception {
        Path db = log(dir, "bench-audit.db", entries, 0);
        byte[] key = AuditKey.loadOrCreate(dir.resolve("audit.key"));
        appends(db, dir.resolve("bench-bare.db"), key);
        firstPages(db);
        exportAndVerify(db, dir, key);
        out.flush();
    }

    /**
     * The read side alone, on a log of {@code entries} at {@code perDay} checks a day of its own
     * ({@code bench-audit-N-D.db}, kept): what the audit server's benchmark prints beside its own figures.
     *
     * @return the first pages' timings and the CSV export's entries per second
     */
    Map.Entry<Map<String, PageTiming>, Double> reads(Path dir, int entries, int perDay) throws Exception {
        Path db = log(dir, "bench-audit-" + entries + "-" + perDay + ".db", entries, perDay);
        byte[] key = AuditKey.loadOrCreate(dir.resolve("audit.key"));
        Map<String, PageTiming> pages = firstPages(db);
        double perSecond = exportAndVerify(db, dir, key);
        out.flush();
        return Map.entry(pages, perSecond);
    }

    /** The log {@code name} in {@code dir}, made when missing ({@code perDay} 0: SyntheticAuditLog's own rate). */
    private Path log(Path dir, String name, int entries, int perDay) throws Exception {
        Files.createDirectories(dir);
        Path db = dir.resolve(name);
        long start = System.nanoTime();
        if (!Files.exists(db)) {
            if (perDay == 0) {
                SyntheticAuditLog.create(db, entries, 42);
            } else {
                SyntheticAuditLog.create(db, entries, 42, perDay);
            }
            out.printf("generated %,d entries in %.1f s (%s)%n", entries, seconds(start), db);
        } else {
            out.printf("using the existing log %s (delete it to generate again)%n", db);
        }
        out.flush();
        return db;
    }

    private void appends(Path db, Path bare, byte[] key) throws Exception {
        Files.deleteIfExists(bare);
        List<Double> ours = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        try (SqliteAuditLog log = SqliteAuditLog.open(db, key);
             Connection c = DriverManager.getConnection("jdbc:sqlite:" + bare)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
            }
            c.setAutoCommit(false);
            IdHasher hasher = new IdHasher(key);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t (v) VALUES (?)")) {
                for (int i = 0; i < APPENDS + 20; i++) {
                    AuditEntry entry = sample(hasher, i);
                    long t0 = System.nanoTime();
                    log.append(entry);
                    long t1 = System.nanoTime();
                    insert.setString(1, entry.toString());
                    insert.executeUpdate();
                    c.commit();
                    long t2 = System.nanoTime();
                    if (i >= 20) {
                        ours.add((t1 - t0) / 1e6);
                        plain.add((t2 - t1) / 1e6);
                    }
                }
            }
        }
        out.printf("append of one entry, committed (WAL, synchronous=FULL), %d each, ms:%n", APPENDS);
        out.printf("  audit log append:         p50 %6.2f  p99 %6.2f%n", Stats.percentile(ours, 50), Stats.percentile(ours, 99));
        out.printf("  bare SQLite 1-row commit: p50 %6.2f  p99 %6.2f%n", Stats.percentile(plain, 50), Stats.percentile(plain, 99));
        out.printf("  ratio of p99: %.2f (target <= 1.50)%n", Stats.percentile(ours, 99) / Stats.percentile(plain, 99));
    }

    private static AuditEntry sample(IdHasher hasher, int i) {
        return new AuditEntry(Instant.now(), null, "bench", "BENCH-W01", "310101********0028",
                hasher.hash("310101195203140028"), "王秀英", DecisionKind.WAIVE, 0, "WAIVED_BY_CATEGORY",
                List.of("SUBSISTENCE_ALLOWANCE"), "MATCH", "00000000-0000-4000-8000-" + String.format("%012d", i),
                null, 12);
    }

    private Map<String, PageTiming> firstPages(Path db) throws Exception {
        long opening = System.nanoTime();
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            reader.prepareNameSearch();
            out.printf("opening the reader, with the list of distinct names: %.0f ms (on a worker, before the screen shows)%n",
                    (System.nanoTime() - opening) / 1e6);
            return firstPages(reader);
        }
    }

    /** The first page and the count of each filter the audit screen offers, the review queue and the charts. */
    Map<String, PageTiming> firstPages(AuditReader reader) throws Exception {
        Map<String, AuditFilter> filters = filters(reader);
        Map<String, PageTiming> timings = new LinkedHashMap<>();
        out.printf("first page (%d rows) of a filter on %,d entries, ms (target <= 100); count shown after:%n", PAGE,
                reader.count(AuditFilter.all()));
        for (Map.Entry<String, AuditFilter> f : filters.entrySet()) {
            long t0 = System.nanoTime();
            int rows = reader.page(f.getValue(), Long.MAX_VALUE, PAGE).entries().size();
            double pageMs = (System.nanoTime() - t0) / 1e6;
            long t1 = System.nanoTime();
            long count = reader.count(f.getValue());
            double countMs = (System.nanoTime() - t1) / 1e6;
            out.printf("  %-36s page %7.1f ms (%3d rows)   count %,9d in %7.1f ms%n", f.getKey(), pageMs, rows, count, countMs);
            out.flush();
            timings.put(f.getKey(), new PageTiming(pageMs, rows, count, countMs));
        }
        long q0 = System.nanoTime();
        int shown = reader.reviewQueue(0, PAGE).entries().size();
        double queueMs = (System.nanoTime() - q0) / 1e6;
        long q1 = System.nanoTime();
        long pending = reader.pendingReviews();
        out.printf("review queue (paper entries not yet reviewed): first page %.1f ms (%d rows), count %,d in %.1f ms%n",
                queueMs, shown, pending, (System.nanoTime() - q1) / 1e6);
        long c0 = System.nanoTime();
        AuditCharts charts = reader.charts(AuditFilter.all(), ZoneId.systemDefault());
        out.printf("charts of all entries (per day, failures, operators, channels): %.0f ms; channels %s%n",
                (System.nanoTime() - c0) / 1e6, charts.perChannel());
        return timings;
    }

    /** The screen's filters, with an operator, workstation, name and ID of an entry from the middle of the log. */
    private static Map<String, AuditFilter> filters(AuditReader reader) throws Exception {
        Map<String, AuditFilter> filters = new LinkedHashMap<>();
        long now = Instant.now().toEpochMilli();
        long weekAgo = Instant.now().minus(7, ChronoUnit.DAYS).toEpochMilli();
        StoredEntry sample = reader.page(AuditFilter.all(), Long.MAX_VALUE, 1).entries().get(0);
        StoredEntry old = reader.entry(sample.seq() / 2).orElse(sample);
        filters.put("no filter (newest)", AuditFilter.all());
        filters.put("last 7 days", new AuditFilter(weekAgo, now, null, null, null, null, null, null, null));
        filters.put("operator", new AuditFilter(null, null, old.entry().operator(), null, null, null, null, null, null));
        filters.put("workstation", new AuditFilter(null, null, null, old.entry().workstation(), null, null, null, null, null));
        filters.put("decision CANNOT_VERIFY", new AuditFilter(null, null, null, null, AuditFilter.decision(DecisionKind.CANNOT_VERIFY), null, null, null, null));
        filters.put("decision REDUCE", new AuditFilter(null, null, null, null, AuditFilter.decision(DecisionKind.REDUCE), null, null, null, null));
        filters.put("service result NAME_MISMATCH", new AuditFilter(null, null, null, null, null, "NAME_MISMATCH", null, null, null));
        filters.put("error code TIMEOUT", new AuditFilter(null, null, null, null, null, null, AuditFilter.errorCode("TIMEOUT"), null, null));
        filters.put("name fragment (common)", new AuditFilter(null, null, null, null, null, null, null, "秀", null));
        filters.put("name fragment (an old entry's name)", new AuditFilter(null, null, null, null, null, null, null, old.entry().name(), null));
        filters.put("name fragment (absent)", new AuditFilter(null, null, null, null, null, null, null, "不存在的名字", null));
        filters.put("exact ID (hash)", new AuditFilter(null, null, null, null, null, null, null, null, old.entry().idHash()));
        // half the synthetic log was written before channels were recorded: those count as live queries
        filters.put("channel LIVE_QUERY", AuditFilter.all().withChannels(List.of(Channel.LIVE_QUERY)));
        filters.put("channel PAPER", AuditFilter.all().withChannels(List.of(Channel.PAPER)));
        filters.put("channel ECERT_ONLINE|ECERT_OFFLINE", AuditFilter.all().withChannels(
                List.of(Channel.ECERT_ONLINE, Channel.ECERT_OFFLINE)));
        filters.put("channel PAPER, last 7 days", new AuditFilter(weekAgo, now, null, null, null, null, null, null,
                null, List.of(Channel.PAPER)));
        return filters;
    }

    /** @return the export's entries per second */
    private double exportAndVerify(Path db, Path dir, byte[] key) throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(db, key); SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            Optional<CpuSteal> exportStart = CpuSteal.now();
            long t0 = System.nanoTime();
            ExportResult csv = new CsvExport(reader, ZoneId.systemDefault(), Clock.systemDefaultZone(), new AuditVocabulary(Locale.ROOT))
                    .write(AuditFilter.all(), log.writeAnchor(), dir.resolve("bench-export.csv"), ProgressListener.NONE);
            double exportSeconds = seconds(t0);
            out.printf("CSV export of all %,d entries: %.1f s, %.0f MiB, %,.0f entries/s (target <= 10 s)%s%n",
                    csv.rows(), exportSeconds, Files.size(csv.file()) / 1048576.0, csv.rows() / exportSeconds,
                    CpuSteal.since(exportStart));
            out.flush();
            Optional<CpuSteal> verifyStart = CpuSteal.now();
            long t1 = System.nanoTime();
            IntegrityReport report = log.verify(ProgressListener.NONE);
            out.printf("full verify of %,d entries: %.1f s, %s (target <= 10 s)%s%n", report.checks().entriesChecked(),
                    seconds(t1), report.intact() ? "intact" : "ALTERED " + report.firstProblem().orElseThrow(),
                    CpuSteal.since(verifyStart));
            return csv.rows() / exportSeconds;
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
