package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.verification.EcertListSource;
import com.waiverdesk.verification.FetchedList;
import com.waiverdesk.verification.ecert.DemoEcertKeys;
import com.waiverdesk.verification.ecert.EcertPayload;
import com.waiverdesk.verification.ecert.EcertVerifier;
import com.waiverdesk.verification.ecert.StatusReply;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a desk fetches the e-certificate lists, and what a fetch that cannot reach the service spares the check:
 * the second list and the status call (the check then decides offline from what is held).
 */
class EcertListsTest {
    private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");
    private static final String TRUST = DemoEcertKeys.trustList(NOW.minusSeconds(3600));
    private static final String REVOCATIONS = DemoEcertKeys.revocationList(NOW.minusSeconds(1800), List.of());

    @TempDir
    Path dir;
    private final List<String> fetched = new ArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private EcertListSource source(FetchedList trust, FetchedList revocations) {
        return new EcertListSource() {
            @Override
            public FetchedList fetchTrustList() {
                fetched.add("trust");
                return trust;
            }

            @Override
            public FetchedList fetchRevocationList() {
                fetched.add("revocations");
                return revocations;
            }
        };
    }

    private EcertLists lists(EcertListSource source) {
        return new EcertLists(new EcertListStore(dir, DemoEcertKeys.rootPublicKey(), EcertSettings.DEFAULTS, clock),
                source, clock);
    }

    private static FetchedList ok(String text) {
        return new FetchedList(text, null, null);
    }

    @Test
    void aProcessWithoutTheTimerFetchesAtItsFirstCertificateThenHourly() {
        EcertLists lists = lists(source(ok(TRUST), ok(REVOCATIONS)));
        assertThat(lists.current().snapshot().trustList()).isNotNull();
        assertThat(fetched).containsExactly("trust", "revocations");
        now.set(NOW.plus(Duration.ofMinutes(59)));
        lists.current();
        assertThat(fetched).hasSize(2);
        now.set(NOW.plus(Duration.ofMinutes(60)));
        lists.current();
        assertThat(fetched).hasSize(4);
    }

    @Test
    void aServiceThatCannotBeReachedIsNotAskedForTheSecondList() {
        EcertLists lists = lists(source(new FetchedList(null, ServiceFailure.TIMEOUT, null), ok(REVOCATIONS)));
        EcertLists.Current current = lists.current();
        assertThat(current.serviceUnreachable()).isTrue();
        assertThat(fetched).containsExactly("trust");
    }

    @Test
    void aServiceThatAnswersWithAnErrorIsStillAskedForTheOtherList() {
        EcertLists lists = lists(source(new FetchedList(null, ServiceFailure.SERVER_ERROR, "UPSTREAM"),
                ok(REVOCATIONS)));
        assertThat(lists.current().serviceUnreachable()).isFalse();
        assertThat(fetched).containsExactly("trust", "revocations");
    }

    @Test
    void onceTheWindowsTimerKeepsThemAChecksNeverFetches() {
        EcertLists lists = lists(source(ok(TRUST), ok(REVOCATIONS)));
        try (EcertListRefresher timer = lists.refresher(freshness -> { })) {
            // not started: only the check's own behaviour is looked at
            assertThat(lists.current().serviceUnreachable()).isFalse();
            assertThat(fetched).isEmpty();
            assertThat(timer).isNotNull();
        }
    }

    @Test
    void theJudgeDecidesOfflineWithoutAStatusCallWhenTheListFetchFoundTheServiceDown() {
        // lists held from an earlier, successful fetch
        EcertLists lists = lists(source(ok(TRUST), ok(REVOCATIONS)));
        lists.current();
        now.set(NOW.plus(Duration.ofHours(2)));
        EcertListStore held = new EcertListStore(dir, DemoEcertKeys.rootPublicKey(), EcertSettings.DEFAULTS, clock);
        held.load();
        EcertLists down = new EcertLists(held, source(new FetchedList(null, ServiceFailure.UNREACHABLE, null), null),
                clock);
        List<String> statusCalls = new ArrayList<>();
        CityEcertJudge judge = new CityEcertJudge(new EcertVerifier(clock), down::current, (certId, id) -> {
            statusCalls.add(certId);
            return StatusReply.failed(ServiceFailure.TIMEOUT, null, "r-1");
        });
        LocalDate today = LocalDate.of(2026, 12, 6);
        String text = DemoEcertKeys.certificate(new EcertPayload("SHMZ-TEST-1", "SUBSISTENCE_ALLOWANCE", "王秀英",
                "310101195203140028", DemoEcertKeys.ISSUER, OffsetDateTime.parse("2026-11-01T09:00:00+08:00"),
                today.minusDays(30), today.plusDays(30)), DemoEcertKeys.ACTIVE_KID);
        EcertJudgement judgement = judge.judge(text, "王秀英", "310101195203140028");
        assertThat(statusCalls).isEmpty();
        assertThat(judgement.finding().channel()).isEqualTo(Channel.ECERT_OFFLINE);
        assertThat(judgement.finding().verdict()).isEqualTo(com.waiverdesk.domain.EcertFinding.Verdict.ACCEPTED);
    }
}
