package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.AuditCharts;
import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.AuditPage;
import com.waiverdesk.audit.AuditReadException;
import com.waiverdesk.audit.AuditReader;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.ErrorKeys;
import com.waiverdesk.audit.Review;
import com.waiverdesk.audit.ReviewPage;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javafx.application.Platform;

/** The read side over a list in memory, keeping count of what was asked, and on which thread. */
final class FakeAuditReader implements AuditReader {
    final List<StoredEntry> rows;
    final List<AuditFilter> pageFilters = new CopyOnWriteArrayList<>();
    final List<Long> pageKeys = new CopyOnWriteArrayList<>();
    final AtomicInteger counts = new AtomicInteger();
    final AtomicInteger chartCalls = new AtomicInteger();
    final AtomicInteger callsOnFxThread = new AtomicInteger();
    volatile int rowsHandedOut;
    volatile AuditReadException failure;
    volatile boolean closed;
    /** Whether the charts count per window too, as the audit server's do. */
    volatile boolean perWindow;

    FakeAuditReader(List<StoredEntry> rows) {
        this.rows = new ArrayList<>(rows);
    }

    private void called() throws AuditReadException {
        if (Platform.isFxApplicationThread()) {
            callsOnFxThread.incrementAndGet();
        }
        if (failure != null) {
            throw failure;
        }
    }

    void failWith(AuditWriteException.Kind kind) {
        failure = kind == null ? null : new AuditReadException(kind, "simulated " + kind, null);
    }

    @Override
    public AuditPage page(AuditFilter filter, long beforeSeq, int size) throws AuditReadException {
        called();
        pageFilters.add(filter);
        pageKeys.add(beforeSeq);
        List<StoredEntry> matches = rows.stream().filter(r -> r.seq() < beforeSeq && matches(filter, r.entry()))
                .sorted(Comparator.comparingLong(StoredEntry::seq).reversed()).limit(size + 1L)
                .collect(Collectors.toList());
        boolean more = matches.size() > size;
        List<StoredEntry> page = more ? matches.subList(0, size) : matches;
        rowsHandedOut += page.size();
        return new AuditPage(page, more ? page.get(page.size() - 1).seq() : 0);
    }

    /** Entries whose decision was marked not shown at the desk. */
    final java.util.Set<Long> notShown = new java.util.concurrent.ConcurrentSkipListSet<>();

    @Override
    public boolean notShown(long seq) throws AuditReadException {
        called();
        return notShown.contains(seq);
    }

    /** Paper entries reviewed (the fake's stand-in for the access chain), and their reviews. */
    final Map<Long, Review> reviews = new java.util.concurrent.ConcurrentHashMap<>();
    /** Review-queue pages asked for, the sizes asked, and the entries they handed out. */
    final AtomicInteger queueReads = new AtomicInteger();
    final List<Integer> queuePageSizes = new CopyOnWriteArrayList<>();
    final AtomicInteger queueRowsHandedOut = new AtomicInteger();
    final AtomicInteger queueCounts = new AtomicInteger();

    @Override
    public ReviewPage reviewQueue(long afterSeq, int size) throws AuditReadException {
        called();
        queueReads.incrementAndGet();
        queuePageSizes.add(size);
        List<StoredEntry> rows = waiting().filter(r -> r.seq() > afterSeq).limit(size + 1L).toList();
        ReviewPage page = new ReviewPage(rows.subList(0, Math.min(size, rows.size())),
                rows.size() > size ? rows.get(size - 1).seq() : 0);
        queueRowsHandedOut.addAndGet(page.entries().size());
        return page;
    }

    @Override
    public long pendingReviews() throws AuditReadException {
        called();
        queueCounts.incrementAndGet();
        return waiting().count();
    }

    private java.util.stream.Stream<StoredEntry> waiting() {
        return rows.stream().filter(r -> r.entry().channel() == Channel.PAPER && !reviews.containsKey(r.seq()))
                .sorted(Comparator.comparingLong(StoredEntry::seq));
    }

    @Override
    public Optional<Review> review(long seq) throws AuditReadException {
        called();
        return Optional.ofNullable(reviews.get(seq));
    }

    @Override
    public long count(AuditFilter filter) throws AuditReadException {
        called();
        counts.incrementAndGet();
        return rows.stream().filter(r -> matches(filter, r.entry())).count();
    }

    @Override
    public Optional<StoredEntry> entry(long seq) throws AuditReadException {
        called();
        return rows.stream().filter(r -> r.seq() == seq).findFirst();
    }

    @Override
    public AuditCharts charts(AuditFilter filter, ZoneId zone) throws AuditReadException {
        called();
        chartCalls.incrementAndGet();
        Map<LocalDate, Map<DecisionKind, Long>> perDay = new TreeMap<>();
        Map<String, Long> perOperator = new TreeMap<>();
        Map<Channel, Long> perChannel = new java.util.EnumMap<>(Channel.class);
        Map<String, Long> perWorkstation = new TreeMap<>();
        for (StoredEntry row : rows) {
            if (matches(filter, row.entry())) {
                LocalDate day = row.entry().workstationTime().atZone(zone).toLocalDate();
                perDay.computeIfAbsent(day, d -> new TreeMap<>()).merge(row.entry().decision(), 1L, Long::sum);
                perOperator.merge(row.entry().operator(), 1L, Long::sum);
                perChannel.merge(row.entry().channel(), 1L, Long::sum);
                perWorkstation.merge(row.entry().workstation(), 1L, Long::sum);
            }
        }
        List<AuditCharts.DayCount> days = new ArrayList<>();
        List<AuditCharts.DayFailures> failures = new ArrayList<>();
        perDay.forEach((day, byKind) -> {
            byKind.forEach((kind, n) -> days.add(new AuditCharts.DayCount(day, kind, n)));
            long reached = byKind.entrySet().stream().filter(e -> e.getKey() != DecisionKind.INVALID_INPUT)
                    .mapToLong(Map.Entry::getValue).sum();
            failures.add(new AuditCharts.DayFailures(day, reached, byKind.getOrDefault(DecisionKind.CANNOT_VERIFY, 0L)));
        });
        List<AuditCharts.OperatorCount> operators = perOperator.entrySet().stream()
                .map(e -> new AuditCharts.OperatorCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(AuditCharts.OperatorCount::count).reversed()).toList();
        List<AuditCharts.ChannelCount> channels = perChannel.entrySet().stream()
                .map(e -> new AuditCharts.ChannelCount(e.getKey(), e.getValue())).toList();
        List<AuditCharts.WorkstationCount> windows = !perWindow ? List.of() : perWorkstation.entrySet().stream()
                .map(e -> new AuditCharts.WorkstationCount(e.getKey(), e.getValue())).toList();
        return new AuditCharts(days, failures, operators, channels, windows);
    }

    @Override
    public List<String> errorKeys() throws AuditReadException {
        called();
        return rows.stream().map(r -> ErrorKeys.of(r.entry())).filter(k -> k != null).distinct().sorted().toList();
    }

    static boolean matches(AuditFilter f, AuditEntry e) {
        long time = e.workstationTime().toEpochMilli();
        return (f.fromMillis() == null || time >= f.fromMillis())
                && (f.toMillis() == null || time < f.toMillis())
                && (f.operator() == null || f.operator().equals(e.operator()))
                && (f.workstation() == null || f.workstation().equals(e.workstation()))
                && (f.decisions().isEmpty() || f.decisions().contains(e.decision()))
                && (f.serviceResult() == null || f.serviceResult().equals(e.serviceResult()))
                && (f.errorCodes().isEmpty() || f.errorCodes().contains(ErrorKeys.of(e)))
                && (f.nameFragment() == null || e.name().toLowerCase(Locale.ROOT)
                        .contains(f.nameFragment().toLowerCase(Locale.ROOT)))
                && (f.idHash() == null || f.idHash().equals(e.idHash()))
                && (f.channels().isEmpty() || f.channels().contains(e.channel()));
    }

    @Override
    public void close() {
        closed = true;
    }
}
