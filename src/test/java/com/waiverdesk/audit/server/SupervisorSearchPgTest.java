package com.waiverdesk.audit.server;

import static com.waiverdesk.audit.server.SupervisorFixture.CLOCK;
import static com.waiverdesk.audit.server.SupervisorFixture.WORKSTATION;
import static com.waiverdesk.audit.server.SupervisorFixture.at;
import static com.waiverdesk.audit.server.SupervisorFixture.date;
import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.audit.AuditCharts;
import com.waiverdesk.audit.AuditCharts.ChannelCount;
import com.waiverdesk.audit.AuditCharts.DayCount;
import com.waiverdesk.audit.AuditCharts.DayFailures;
import com.waiverdesk.audit.AuditCharts.OperatorCount;
import com.waiverdesk.audit.AuditCharts.WorkstationCount;
import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.AuditPage;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The supervisor's searches on a real private PostgreSQL server ({@link SupervisorFixture}): what each filter finds,
 * page by page and counted, the charts and error keys, and which calls the server records. Every expectation is
 * read off the fixture's table by hand.
 */
class SupervisorSearchPgTest extends SupervisorServerTest {
    @AfterEach
    void normalNameWindow() throws Exception {
        server.nameWindow(20_000);
    }

    private static ServerAuditReader reader() {
        return new ServerAuditReader(server.supervisor("sup-1"), WORKSTATION, CLOCK);
    }

    private static AuditFilter filter() {
        return AuditFilter.all();
    }

    private static AuditFilter time(Long from, Long to) {
        return new AuditFilter(from, to, null, null, null, null, null, null, null, null);
    }

    private static AuditFilter operator(String operator) {
        return new AuditFilter(null, null, operator, null, null, null, null, null, null, null);
    }

    private static AuditFilter workstation(String workstation) {
        return new AuditFilter(null, null, null, workstation, null, null, null, null, null, null);
    }

    private static AuditFilter decisions(DecisionKind... kinds) {
        return new AuditFilter(null, null, null, null, List.of(kinds), null, null, null, null, null);
    }

    private static AuditFilter result(String result) {
        return new AuditFilter(null, null, null, null, null, result, null, null, null, null);
    }

    private static AuditFilter errors(String... keys) {
        return new AuditFilter(null, null, null, null, null, null, List.of(keys), null, null, null);
    }

    private static AuditFilter name(String fragment) {
        return new AuditFilter(null, null, null, null, null, null, null, fragment, null, null);
    }

    private static AuditFilter id(String hash) {
        return new AuditFilter(null, null, null, null, null, null, null, null, hash, null);
    }

    private static AuditFilter channels(Channel... channels) {
        return new AuditFilter(null, null, null, null, null, null, null, null, null, List.of(channels));
    }

    private static long ms(int day, int hour) {
        return at(day, hour, 0).toEpochMilli();
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of("everything", filter(), List.of(11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L)),
                Arguments.of("day 1", time(ms(1, 0), ms(2, 0)), List.of(6L, 5L, 4L, 3L)),
                Arguments.of("days 0-5, not the forwarded entry of day -20", time(ms(0, 0), ms(6, 0)),
                        List.of(9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L)),
                Arguments.of("before day 0: only the forwarded entry", time(null, ms(0, 0)), List.of(10L)),
                Arguments.of("since day 5", time(ms(5, 0), null), List.of(11L, 9L, 8L, 7L)),
                Arguments.of("day 1 from 03:00 to 05:00 exclusive", time(ms(1, 3), ms(1, 5)), List.of(5L, 4L)),
                Arguments.of("an empty range", time(ms(7, 0), ms(7, 0)), List.of()),
                Arguments.of("operator clerk-2", operator("clerk-2"), List.of(10L, 8L, 4L, 3L)),
                Arguments.of("an operator nobody is", operator("clerk-9"), List.of()),
                Arguments.of("workstation WIN-02", workstation("WIN-02"), List.of(10L, 5L, 4L, 3L)),
                Arguments.of("cannot verify", decisions(DecisionKind.CANNOT_VERIFY), List.of(4L, 3L)),
                Arguments.of("waive or reduce", decisions(DecisionKind.REDUCE, DecisionKind.WAIVE),
                        List.of(9L, 7L, 6L, 1L)),
                Arguments.of("result MATCH", result("MATCH"), List.of(11L, 10L, 9L, 7L, 6L, 1L)),
                Arguments.of("error code RATE_LIMITED", errors("RATE_LIMITED"), List.of(4L)),
                Arguments.of("error reason TIMEOUT", errors("SERVICE_FAILED:TIMEOUT"), List.of(3L)),
                Arguments.of("a reason whose entry has a code is found by the code only",
                        errors("SERVICE_FAILED:RATE_LIMITED"), List.of()),
                Arguments.of("a code or a reason", errors("RATE_LIMITED", "INVALID_INPUT:ID_WRONG_CHECK_DIGIT"),
                        List.of(5L, 4L)),
                Arguments.of("two reasons", errors("SERVICE_FAILED:TIMEOUT", "INVALID_INPUT:ID_WRONG_CHECK_DIGIT"),
                        List.of(5L, 3L)),
                Arguments.of("name 明", name("明"), List.of(9L, 7L, 2L, 1L)),
                Arguments.of("name john, any case, spaces around", name("  jOhN "), List.of(4L, 3L)),
                Arguments.of("name 小明", name("小明"), List.of(2L)),
                Arguments.of("name _% is literal", name("_%"), List.of(8L)),
                Arguments.of("name 无此人", name("无此人"), List.of()),
                Arguments.of("exact ID", id(SupervisorFixture.ID_A), List.of(6L, 1L)),
                Arguments.of("live queries (and entries without a channel)", channels(Channel.LIVE_QUERY),
                        List.of(11L, 10L, 5L, 3L, 2L, 1L)),
                Arguments.of("paper", channels(Channel.PAPER), List.of(9L, 7L, 6L)),
                Arguments.of("e-certificates", channels(Channel.ECERT_OFFLINE, Channel.ECERT_ONLINE),
                        List.of(8L, 4L)),
                Arguments.of("live or paper", channels(Channel.PAPER, Channel.LIVE_QUERY),
                        List.of(11L, 10L, 9L, 7L, 6L, 5L, 3L, 2L, 1L)),
                Arguments.of("clerk-1 on paper", new AuditFilter(null, null, "clerk-1", null, null, null, null, null,
                        null, List.of(Channel.PAPER)), List.of(9L, 6L)),
                Arguments.of("明 on days 1-5", new AuditFilter(ms(1, 0), ms(6, 0), null, null, null, null, null, "明",
                        null, null), List.of(9L, 7L)),
                Arguments.of("charged at WIN-02", new AuditFilter(null, null, null, "WIN-02",
                        List.of(DecisionKind.CHARGE), null, null, null, null, null), List.of(10L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void eachFilterFindsItsEntriesNewestFirstInPagesAndCounted(String label, AuditFilter filter, List<Long> seqs)
            throws Exception {
        try (ServerAuditReader reader = reader()) {
            assertFinds(reader, filter, seqs);
        }
    }

    /** The same filters with a name window of two entries, so a fragment's search reaches the gram index. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void eachFilterFindsTheSameWhenTheNameSearchAsksTheGramIndex(String label, AuditFilter filter, List<Long> seqs)
            throws Exception {
        server.nameWindow(2);
        try (ServerAuditReader reader = reader()) {
            assertFinds(reader, filter, seqs);
        }
    }

    private static void assertFinds(ServerAuditReader reader, AuditFilter filter, List<Long> seqs) throws Exception {
        AuditPage page = reader.page(filter, Long.MAX_VALUE, 50);
        assertThat(seqs(page.entries())).isEqualTo(seqs);
        assertThat(page.hasMore()).isFalse();
        List<Long> paged = new ArrayList<>();
        long before = Long.MAX_VALUE;
        do {
            AuditPage two = reader.page(filter, before, 2);
            assertThat(two.entries()).hasSizeLessThanOrEqualTo(2);
            paged.addAll(seqs(two.entries()));
            before = two.nextBeforeSeq();
        } while (before > 0);
        assertThat(paged).as("pages of two").isEqualTo(seqs);
        assertThat(reader.count(filter)).isEqualTo(seqs.size());
    }

    private static List<Long> seqs(List<StoredEntry> entries) {
        return entries.stream().map(StoredEntry::seq).toList();
    }

    @Test
    void entriesComeBackAsTheDesksWroteThemWithTheServersFacts() throws Exception {
        try (ServerAuditReader reader = reader()) {
            List<StoredEntry> page = reader.page(filter(), Long.MAX_VALUE, 50).entries();
            StoredEntry four = page.get(11 - 4);
            assertThat(four.entry()).isEqualTo(SupervisorFixture.entry(at(1, 3, 0), "clerk-2", "WIN-02",
                    DecisionKind.CANNOT_VERIFY, "SERVICE_FAILED:RATE_LIMITED", null, "RATE_LIMITED", "JOHNNY Walker",
                    "a4".repeat(32), com.waiverdesk.audit.ProofDetail.ecert(Channel.ECERT_ONLINE, "SHC-0004",
                            "issuer-2026-01", 60L, 30L, true)));
            assertThat(four.server().writer()).isEqualTo("desk-b");
            assertThat(four.server().entryId()).isEqualTo(server.ids.get(3));
            assertThat(four.server().received()).isEqualTo(at(1, 3, 0).plusMillis(500));
            assertThat(four.server().forwarded()).isFalse();
            assertThat(four.entryHash()).matches("[0-9a-f]{64}");
            assertThat(page.get(11 - 5).prevHash()).isEqualTo(four.entryHash());

            StoredEntry forwarded = page.get(11 - 10);
            assertThat(forwarded.entry().workstationTime()).isEqualTo(at(-20, 8, 0));
            assertThat(forwarded.server().spooled()).isEqualTo(at(-20, 8, 0).plusSeconds(2));
            assertThat(forwarded.server().received()).as("reached the server during this test, not on day -20")
                    .isAfter(java.time.Instant.now().minusSeconds(600));
            assertThat(forwarded.server().writer()).isEqualTo("desk-b");
            assertThat(page.get(11 - 1).entry().proof()).as("an entry written without a proof").isNull();
        }
    }

    @Test
    void chartsCountPerLocalDayDecisionOperatorChannelAndWorkstation() throws Exception {
        try (ServerAuditReader reader = reader()) {
            AuditCharts shanghai = reader.charts(filter(), ZoneId.of("Asia/Shanghai"));
            // 15:30 UTC is 23:30 in Shanghai, 16:30 UTC already the next day
            assertThat(shanghai.perDay()).containsExactly(
                    new DayCount(date(-20), DecisionKind.CHARGE, 1),
                    new DayCount(date(0), DecisionKind.WAIVE, 1),
                    new DayCount(date(1), DecisionKind.REDUCE, 1),
                    new DayCount(date(1), DecisionKind.CHARGE, 1),
                    new DayCount(date(1), DecisionKind.CANNOT_VERIFY, 2),
                    new DayCount(date(1), DecisionKind.INVALID_INPUT, 1),
                    new DayCount(date(5), DecisionKind.WAIVE, 2),
                    new DayCount(date(5), DecisionKind.CHARGE, 1),
                    new DayCount(date(10), DecisionKind.CHARGE, 1));
            assertThat(shanghai.failureRate()).containsExactly(new DayFailures(date(-20), 1, 0),
                    new DayFailures(date(0), 1, 0), new DayFailures(date(1), 4, 2), new DayFailures(date(5), 3, 0),
                    new DayFailures(date(10), 1, 0));
            assertThat(shanghai.perOperator()).containsExactly(new OperatorCount("clerk-1", 4),
                    new OperatorCount("clerk-2", 4), new OperatorCount("clerk-3", 3));
            assertThat(shanghai.perChannel()).containsExactly(new ChannelCount(Channel.LIVE_QUERY, 6),
                    new ChannelCount(Channel.PAPER, 3), new ChannelCount(Channel.ECERT_OFFLINE, 1),
                    new ChannelCount(Channel.ECERT_ONLINE, 1));
            assertThat(shanghai.perWorkstation()).containsExactly(new WorkstationCount("WIN-01", 4),
                    new WorkstationCount("WIN-02", 4), new WorkstationCount("WIN-03", 3));

            assertThat(reader.charts(filter(), ZoneOffset.ofHours(8))).as("a fixed offset east of UTC")
                    .isEqualTo(shanghai);
            AuditCharts utc = reader.charts(filter(), ZoneOffset.UTC);
            assertThat(utc.perDay()).startsWith(new DayCount(date(-20), DecisionKind.CHARGE, 1),
                    new DayCount(date(0), DecisionKind.WAIVE, 1), new DayCount(date(0), DecisionKind.CHARGE, 1),
                    new DayCount(date(1), DecisionKind.REDUCE, 1));
            AuditCharts west = reader.charts(filter(), ZoneOffset.ofHours(-3));
            assertThat(west.perDay()).as("02:00 UTC of day 1 is 23:00 of day 0 three hours west, 03:00 midnight")
                    .contains(new DayCount(date(0), DecisionKind.CANNOT_VERIFY, 1),
                            new DayCount(date(1), DecisionKind.CANNOT_VERIFY, 1));

            AuditCharts winTwo = reader.charts(workstation("WIN-02"), ZoneId.of("Asia/Shanghai"));
            assertThat(winTwo.perWorkstation()).containsExactly(new WorkstationCount("WIN-02", 4));
            assertThat(winTwo.perOperator()).containsExactly(new OperatorCount("clerk-2", 3),
                    new OperatorCount("clerk-3", 1));
            assertThat(reader.charts(name("无此人"), ZoneId.of("Asia/Shanghai")))
                    .isEqualTo(new AuditCharts(List.of(), List.of(), List.of(), List.of(), List.of()));
        }
    }

    @Test
    void errorKeysAreTheCodesAndTheFailureReasonsWithoutOne() throws Exception {
        try (ServerAuditReader reader = reader()) {
            assertThat(reader.errorKeys()).containsExactly("INVALID_INPUT:ID_WRONG_CHECK_DIGIT", "RATE_LIMITED",
                    "SERVICE_FAILED:TIMEOUT");
        }
    }

    @Test
    void aSearchIsRecordedOnceForItsPageCountChartsAndFurtherPages() throws Exception {
        AuditFilter ming = name("明");
        AuditFilter small = name("小");
        long mark = server.accessHead();
        // a login no other test uses: what it searched in the last 15 minutes is this test's alone
        try (ServerAuditReader reader = new ServerAuditReader(server.supervisor("sup-3"), WORKSTATION, CLOCK)) {
            AuditPage first = reader.page(ming, Long.MAX_VALUE, 2);
            reader.count(ming);
            reader.charts(ming, ZoneId.of("Asia/Shanghai"));
            reader.page(ming, first.nextBeforeSeq(), 2);
            List<String> once = server.accessSince(mark);
            assertThat(once).hasSize(1);
            String detail = ming.describe() + "; filter ";
            assertThat(once.get(0)).startsWith("SEARCH|" + detail)
                    .endsWith("|null|sup-3|SUP-WS|sup-3|" + CLOCK.millis());

            reader.count(small);
            reader.page(ming, Long.MAX_VALUE, 2);
            reader.errorKeys();
            reader.errorKeys();
            List<String> all = server.accessSince(mark);
            assertThat(all).hasSize(4);
            assertThat(all.get(1)).as("the same words, another fragment: another search")
                    .startsWith("SEARCH|" + small.describe() + "; filter ").isNotEqualTo(all.get(0));
            assertThat(all.get(2)).as("Search pressed again").isEqualTo(all.get(0));
            assertThat(all.get(3)).isEqualTo("SEARCH|error keys|null|sup-3|SUP-WS|sup-3|" + CLOCK.millis());
        }
        try (ServerAuditReader other = new ServerAuditReader(server.supervisor("sup-2"), "SUP-WS-2", CLOCK)) {
            other.count(ming);
            assertThat(server.accessSince(mark)).as("another supervisor's look at the same filter is theirs")
                    .hasSize(5).last().asString().startsWith("SEARCH|" + ming.describe() + "; filter ")
                    .contains("|sup-2|SUP-WS-2|sup-2|");
        }
    }

    @Test
    void theServersWordsForAFilterAreTheProgramsOwn() throws Exception {
        List<AuditFilter> filters = List.of(filter(), time(ms(1, 0), ms(2, 0)), operator("clerk-2"),
                new AuditFilter(ms(0, 0), null, "clerk-1", "WIN-01", List.of(DecisionKind.WAIVE, DecisionKind.CHARGE),
                        "MATCH", List.of("SERVICE_FAILED:TIMEOUT", "RATE_LIMITED"), "王明", SupervisorFixture.ID_A,
                        List.of(Channel.PAPER, Channel.LIVE_QUERY)));
        try (ServerAuditReader reader = reader()) {
            for (AuditFilter f : filters) {
                long mark = server.accessHead();
                reader.page(f, Long.MAX_VALUE, 1);
                assertThat(server.accessSince(mark)).singleElement().asString()
                        .startsWith("SEARCH|" + f.describe() + "; filter ")
                        .doesNotContain("王明").doesNotContain(SupervisorFixture.ID_A);
            }
        }
    }
}
