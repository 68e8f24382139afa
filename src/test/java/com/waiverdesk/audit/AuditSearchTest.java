package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.PersonName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every filter, alone and combined, returns exactly the entries a plain Java filter over the whole log returns, in
 * pages and in count, whichever way the planner runs it: small limits make a small log take the paths a million
 * entries would (seq walk, time window, name index after a walk), and a copy of the log carries an index on the name.
 */
class AuditSearchTest {
    private static final int ENTRIES = 600;
    private static Fixture fixture;

    /** The shared log, made once: generating it is the slow part, and tests only read it. */
    private record Fixture(Path dir, Path plain, Path withNameIndex, List<StoredEntry> all) {
    }

    private static synchronized Fixture fixture() throws Exception {
        if (fixture == null) {
            Path dir = Files.createTempDirectory("audit-search");
            Path plain = dir.resolve("plain.db");
            SyntheticAuditLog.create(plain, ENTRIES, 11, 60);
            Path named = dir.resolve("named.db");
            Files.copy(plain, named, StandardCopyOption.REPLACE_EXISTING);
            // the schema makes the name index; "plain" is a log without it (as a version-1 log upgraded by hand might be)
            AuditFixtures.sql(plain, "DROP INDEX IF EXISTS audit_entry_name", "DROP INDEX IF EXISTS audit_entry_error_code");
            List<StoredEntry> all;
            try (SqliteAuditLog log = SqliteAuditLog.open(plain)) {
                all = log.latest(ENTRIES * 2);
            }
            fixture = new Fixture(dir, plain, named, all);
        }
        return fixture;
    }

    @AfterAll
    static void removeFixture() throws IOException {
        if (fixture != null) {
            try (Stream<Path> files = Files.walk(fixture.dir())) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static Stream<Arguments> searches() throws Exception {
        Fixture fx = fixture();
        List<StoredEntry> all = fx.all();
        long newest = all.get(0).entry().workstationTime().toEpochMilli();
        long oldest = all.get(all.size() - 1).entry().workstationTime().toEpochMilli();
        long day = 86_400_000L;
        String someId = all.get(17).entry().idHash();
        String someName = all.get(23).entry().name();
        List<Object[]> filters = List.of(
                new Object[] {"everything", AuditFilter.all()},
                new Object[] {"two middle days", time(oldest + 3 * day, oldest + 5 * day)},
                new Object[] {"from only", time(newest - 2 * day, null)},
                new Object[] {"to only", time(null, oldest + day)},
                new Object[] {"empty range", time(newest + day, newest + 2 * day)},
                new Object[] {"operator", new AuditFilter(null, null, "clerk-05", null, null, null, null, null, null)},
                new Object[] {"unknown operator", new AuditFilter(null, null, "nobody", null, null, null, null, null,
                        null)},
                new Object[] {"workstation", new AuditFilter(null, null, null, "WIN-ADM-03", null, null, null, null,
                        null)},
                new Object[] {"common decision", new AuditFilter(null, null, null, null, AuditFilter.decision(DecisionKind.CHARGE), null,
                        null, null, null)},
                new Object[] {"rare decision", new AuditFilter(null, null, null, null, AuditFilter.decision(DecisionKind.CANNOT_VERIFY),
                        null, null, null, null)},
                new Object[] {"service result", new AuditFilter(null, null, null, null, null, "NAME_MISMATCH", null,
                        null, null)},
                new Object[] {"error code", new AuditFilter(null, null, null, null, null, null, AuditFilter.errorCode("RATE_LIMITED"), null,
                        null)},
                new Object[] {"two decisions", new AuditFilter(null, null, null, null,
                        List.of(DecisionKind.WAIVE, DecisionKind.REDUCE), null, null, null, null)},
                new Object[] {"three decisions and days", new AuditFilter(oldest + 2 * day, newest - 2 * day, null,
                        null, List.of(DecisionKind.CANNOT_VERIFY, DecisionKind.INVALID_INPUT, DecisionKind.REDUCE),
                        null, null, null, null)},
                new Object[] {"a failure without a service code", new AuditFilter(null, null, null, null, null, null,
                        List.of("SERVICE_FAILED:TIMEOUT"), null, null)},
                new Object[] {"a service code or a failure", new AuditFilter(null, null, "clerk-05", null, null, null,
                        List.of("RATE_LIMITED", "SERVICE_FAILED:UNREACHABLE"), null, null)},
                new Object[] {"an input problem and a decision", new AuditFilter(null, null, null, null,
                        List.of(DecisionKind.INVALID_INPUT, DecisionKind.CHARGE), null,
                        List.of("INVALID_INPUT:ID_WRONG_CHECK_DIGIT"), null, null)},
                new Object[] {"common name fragment", name("王")},
                new Object[] {"whole name", name(someName)},
                new Object[] {"Latin fragment in other case", name("sMiTh")},
                new Object[] {"wildcard is literal", name("%")},
                new Object[] {"underscore is literal", name("_")},
                new Object[] {"underscore is literal among letters", name("J_hn")},
                new Object[] {"percent is literal among letters", name("%ohn")},
                new Object[] {"absent name", name("无此人")},
                new Object[] {"exact ID", new AuditFilter(null, null, null, null, null, null, null, null, someId)},
                new Object[] {"operator, decision and days", new AuditFilter(oldest + 2 * day, newest - 2 * day,
                        "clerk-07", null, AuditFilter.decision(DecisionKind.CHARGE), null, null, null, null)},
                new Object[] {"name and days", new AuditFilter(oldest + day, oldest + 6 * day, null, null, null,
                        null, null, "李", null)},
                new Object[] {"workstation and result", new AuditFilter(null, null, null, "WIN-ADM-05", null, "MATCH",
                        null, null, null)},
                new Object[] {"exact ID and from", new AuditFilter(oldest + day, null, null, null, null, null, null,
                        null, someId)},
                new Object[] {"live queries (older entries count)", channels(Channel.LIVE_QUERY)},
                new Object[] {"paper (rare)", channels(Channel.PAPER)},
                new Object[] {"e-certificates, both ways", channels(Channel.ECERT_ONLINE, Channel.ECERT_OFFLINE)},
                new Object[] {"paper and live queries", channels(Channel.PAPER, Channel.LIVE_QUERY)},
                new Object[] {"online e-certificates and days", time(newest - 3 * day, null)
                        .withChannels(List.of(Channel.ECERT_ONLINE))},
                new Object[] {"paper and a decision", new AuditFilter(null, null, null, null,
                        AuditFilter.decision(DecisionKind.CHARGE), null, null, null, null, List.of(Channel.PAPER))},
                new Object[] {"paper and a name", name("王").withChannels(List.of(Channel.PAPER))});
        List<Arguments> cases = new ArrayList<>();
        for (Object[] f : filters) {
            for (QueryPlanner.Tuning tuning : List.of(QueryPlanner.Tuning.MEASURED, new QueryPlanner.Tuning(3, 5, 10, 2),
                    new QueryPlanner.Tuning(3, 5, 10, 0))) {
                for (boolean nameIndex : new boolean[] {false, true}) {
                    cases.add(Arguments.of(f[0], f[1], tuning, nameIndex));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {2}, name index {3}")
    @MethodSource("searches")
    void pagesAndCountMatchAPlainFilterOverTheWholeLog(String label, AuditFilter filter, QueryPlanner.Tuning tuning,
                                                        boolean nameIndex) throws Exception {
        Fixture fx = fixture();
        List<Long> expected = fx.all().stream().filter(e -> matches(filter, e.entry())).map(StoredEntry::seq)
                .toList();
        try (SqliteAuditReader reader = SqliteAuditReader.open(nameIndex ? fx.withNameIndex() : fx.plain(),
                tuning)) {
            List<Long> found = new ArrayList<>();
            long before = Long.MAX_VALUE;
            do {
                AuditPage page = reader.page(filter, before, 7);
                assertThat(page.entries()).hasSizeLessThanOrEqualTo(7);
                page.entries().forEach(e -> found.add(e.seq()));
                before = page.nextBeforeSeq();
                if (page.hasMore()) {
                    assertThat(page.entries()).hasSize(7);
                }
            } while (before > 0);

            assertThat(found).as(label).containsExactlyElementsOf(expected);
            assertThat(reader.count(filter)).as(label).isEqualTo(expected.size());
        }
    }

    @ParameterizedTest(name = "{0}, {2}, name index {3}")
    @MethodSource("searches")
    void chartsMatchPlainCountsOverTheWholeLog(String label, AuditFilter filter, QueryPlanner.Tuning tuning,
                                               boolean nameIndex) throws Exception {
        Fixture fx = fixture();
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        List<AuditEntry> matching = fx.all().stream().map(StoredEntry::entry).filter(e -> matches(filter, e))
                .toList();
        Map<LocalDate, Map<DecisionKind, Long>> days = new TreeMap<>();
        Map<String, Long> operators = new HashMap<>();
        Map<Channel, Long> channels = new EnumMap<>(Channel.class);
        for (AuditEntry e : matching) {
            channels.merge(e.proof() == null ? Channel.LIVE_QUERY : e.proof().channel(), 1L, Long::sum);
            days.computeIfAbsent(e.workstationTime().atZone(zone).toLocalDate(),
                    d -> new EnumMap<>(DecisionKind.class)).merge(e.decision(), 1L, Long::sum);
            operators.merge(e.operator(), 1L, Long::sum);
        }
        List<AuditCharts.DayCount> perDay = new ArrayList<>();
        List<AuditCharts.DayFailures> failures = new ArrayList<>();
        days.forEach((day, counts) -> {
            counts.forEach((kind, n) -> perDay.add(new AuditCharts.DayCount(day, kind, n)));
            long checks = matching.stream().filter(e -> e.workstationTime().atZone(zone).toLocalDate().equals(day)
                    && e.decision() != DecisionKind.INVALID_INPUT).count();
            if (checks > 0) {
                failures.add(new AuditCharts.DayFailures(day, checks,
                        counts.getOrDefault(DecisionKind.CANNOT_VERIFY, 0L)));
            }
        });
        List<AuditCharts.OperatorCount> perOperator = operators.entrySet().stream()
                .map(e -> new AuditCharts.OperatorCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(AuditCharts.OperatorCount::count).reversed()
                        .thenComparing(AuditCharts.OperatorCount::operator))
                .toList();

        try (SqliteAuditReader reader = SqliteAuditReader.open(nameIndex ? fx.withNameIndex() : fx.plain(),
                tuning)) {
            AuditCharts charts = reader.charts(filter, zone);

            assertThat(charts.perDay()).as(label).containsExactlyElementsOf(perDay);
            assertThat(charts.failureRate()).as(label).containsExactlyElementsOf(failures);
            assertThat(charts.perOperator()).as(label).containsExactlyElementsOf(perOperator);
            assertThat(charts.perChannel()).as(label).containsExactlyElementsOf(channels.entrySet().stream()
                    .map(e -> new AuditCharts.ChannelCount(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparingLong(AuditCharts.ChannelCount::count).reversed()
                            .thenComparing(c -> c.channel().name()))
                    .toList());
        }
    }

    /** The filter's meaning, written plainly: the oracle the SQL is held to. */
    static boolean matches(AuditFilter f, AuditEntry e) {
        long t = e.workstationTime().toEpochMilli();
        String fragment = PersonName.normalize(f.nameFragment());
        return (f.fromMillis() == null || t >= f.fromMillis()) && (f.toMillis() == null || t < f.toMillis())
                && (f.operator() == null || f.operator().equals(e.operator()))
                && (f.workstation() == null || f.workstation().equals(e.workstation()))
                && (f.decisions().isEmpty() || f.decisions().contains(e.decision()))
                && (f.serviceResult() == null || f.serviceResult().equals(e.serviceResult()))
                && (f.errorCodes().isEmpty() || f.errorCodes().contains(e.errorCode() != null ? e.errorCode()
                        : e.reason().contains(":") ? e.reason() : "(none)"))
                && (fragment.isEmpty() || e.name().toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT)))
                && (f.idHash() == null || f.idHash().equals(e.idHash()))
                && (f.channels().isEmpty() || f.channels().contains(e.proof() == null ? Channel.LIVE_QUERY
                        : e.proof().channel()));
    }

    static AuditFilter time(Long from, Long to) {
        return new AuditFilter(from, to, null, null, null, null, null, null, null);
    }

    static AuditFilter channels(Channel... channels) {
        return AuditFilter.all().withChannels(List.of(channels));
    }

    static AuditFilter name(String fragment) {
        return new AuditFilter(null, null, null, null, null, null, null, fragment, null);
    }
}
