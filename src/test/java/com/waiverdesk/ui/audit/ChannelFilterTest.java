package com.waiverdesk.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.audit.AuditCharts;
import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.ui.common.Texts;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The channel filter and the per-channel chart of the supervisor's screen, and the lists' ages in words. */
class ChannelFilterTest {
    private final AuditFixture fx = new AuditFixture();
    private final StepRunner runner = new StepRunner();
    private AuditViewModel model;

    @BeforeEach
    void someEntriesAreCertificates() {
        PaperEntries.makePaper(fx, 299, "SH-P-0299");
        PaperEntries.makePaper(fx, 290, "SH-P-0290");
        PaperEntries.makeEcert(fx, 298, Channel.ECERT_ONLINE);
        PaperEntries.makeEcert(fx, 297, Channel.ECERT_OFFLINE);
        PaperEntries.makeEcert(fx, 296, Channel.ECERT_ONLINE);
        model = fx.signedIn(runner);
    }

    private AuditFilter lastFilter() {
        return fx.reader.pageFilters.get(fx.reader.pageFilters.size() - 1);
    }

    private List<Long> shownSeqs() {
        return model.entries().stream().map(StoredEntry::seq).toList();
    }

    @Test
    void tickedChannelsBecomeTheFiltersAlternativesInTheEnumsOrder() {
        model.form().channels().add(Channel.PAPER);
        model.form().channels().add(Channel.ECERT_OFFLINE);
        model.search();
        runner.runAll();

        assertThat(lastFilter().channels()).containsExactly(Channel.ECERT_OFFLINE, Channel.PAPER);
        assertThat(shownSeqs()).containsExactly(299L, 297L, 290L);
        assertThat(model.matchCountProperty().get()).isEqualTo(3);
        assertThat(fx.access.events.get(fx.access.events.size() - 1).detail())
                .isEqualTo("channel=ECERT_OFFLINE|PAPER");
    }

    @Test
    void anEntryWithoutAProofIsALiveQuery() {
        model.form().channels().add(Channel.LIVE_QUERY);
        model.search();
        runner.runAll();

        assertThat(model.matchCountProperty().get()).isEqualTo(AuditFixture.ROWS - 5);
        assertThat(shownSeqs()).doesNotContain(299L, 298L, 297L, 296L, 290L).contains(300L, 295L);
    }

    @Test
    void clearingTheFieldsUnticksTheChannels() {
        model.form().channels().add(Channel.PAPER);
        model.form().clear();
        model.search();
        runner.runAll();

        assertThat(lastFilter().channels()).isEmpty();
        assertThat(model.matchCountProperty().get()).isEqualTo(AuditFixture.ROWS);
    }

    @Test
    void theChartsCountChecksPerChannel() {
        model.chartsShownProperty().set(true);
        runner.runAll();

        assertThat(model.chartsProperty().get().perChannel()).containsExactlyInAnyOrder(
                new AuditCharts.ChannelCount(Channel.LIVE_QUERY, AuditFixture.ROWS - 5),
                new AuditCharts.ChannelCount(Channel.ECERT_ONLINE, 2),
                new AuditCharts.ChannelCount(Channel.ECERT_OFFLINE, 1),
                new AuditCharts.ChannelCount(Channel.PAPER, 2));
    }

    @Test
    void theChartsFollowTheChannelFilter() {
        model.form().channels().add(Channel.ECERT_ONLINE);
        model.search();
        model.chartsShownProperty().set(true);
        runner.runAll();

        assertThat(model.chartsProperty().get().perChannel())
                .containsExactly(new AuditCharts.ChannelCount(Channel.ECERT_ONLINE, 2));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "      | 未持有  | none held",
        "0     | 0 分钟  | 0 min",
        "59    | 0 分钟  | 0 min",
        "3599  | 59 分钟 | 59 min",
        "3600  | 1 小时  | 1 h",
        "10800 | 3 小时  | 3 h",
        "172799| 47 小时 | 47 h",
        "172800| 2 天    | 2 days",
        "691200| 8 天    | 8 days",
    })
    void aListsAgeInMinutesHoursOrDays(Long seconds, String chinese, String english) {
        assertThat(new AuditWords(new Texts(Locale.SIMPLIFIED_CHINESE), AuditFixture.SHANGHAI).listAge(seconds))
                .isEqualTo(chinese);
        assertThat(new AuditWords(new Texts(Locale.ENGLISH), AuditFixture.SHANGHAI).listAge(seconds))
                .isEqualTo(english);
    }
}
