package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.verification.EcertListSource;
import com.waiverdesk.verification.FetchedList;
import com.waiverdesk.verification.ecert.DemoEcertKeys;
import com.waiverdesk.verification.ecert.RevocationList;
import com.waiverdesk.verification.ecert.Sm2KeyPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lists on disk: only what the pinned root signed is used, never an older list, and a changed file is refused. */
class EcertListStoreTest {
    static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String TRUST_NOW = DemoEcertKeys.trustList(NOW.minusSeconds(3600));
    static final String REVOKED_NOW = DemoEcertKeys.revocationList(NOW.minusSeconds(1800), List.of("SHMZ-DEMO-R"));

    @TempDir
    Path dir;

    private final Logger logger = Logger.getLogger(EcertListStore.class.getName());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(capture);
    }

    private EcertListStore store(Clock clock) {
        return new EcertListStore(dir, DemoEcertKeys.rootPublicKey(), EcertSettings.DEFAULTS, clock);
    }

    static EcertListSource source(FetchedList trust, FetchedList revocations) {
        return new EcertListSource() {
            @Override
            public FetchedList fetchTrustList() {
                return trust;
            }

            @Override
            public FetchedList fetchRevocationList() {
                return revocations;
            }
        };
    }

    static EcertListSource serving(String trust, String revocations) {
        return source(new FetchedList(trust, null, null), new FetchedList(revocations, null, null));
    }

    @Test
    void aNewStoreHoldsNothingAndCannotDecideOffline() {
        EcertListStore store = store(CLOCK);
        store.load();

        assertThat(store.snapshot().trustList()).isNull();
        assertThat(store.snapshot().revocationList()).isNull();
        EcertListStore.Freshness freshness = store.freshness();
        assertThat(freshness.rootConfigured()).isTrue();
        assertThat(freshness.hasTrustList()).isFalse();
        assertThat(freshness.trustListTooOld()).isTrue();
        assertThat(freshness.offlineReady()).isFalse();
    }

    @Test
    void aRefreshVerifiesWritesPrivatelyAndTheNextStartLoadsTheSameLists() throws IOException {
        EcertListStore store = store(CLOCK);

        EcertListStore.Refresh refresh = store.refresh(serving(TRUST_NOW, REVOKED_NOW));

        assertThat(refresh.trustList()).isEqualTo(EcertListStore.Update.UPDATED);
        assertThat(refresh.revocationList()).isEqualTo(EcertListStore.Update.UPDATED);
        Path trustFile = dir.resolve(EcertListStore.TRUST_LIST_FILE);
        assertThat(Files.readString(trustFile, StandardCharsets.US_ASCII)).isEqualTo(TRUST_NOW);
        assertThat(Files.readString(dir.resolve(EcertListStore.REVOCATION_LIST_FILE))).isEqualTo(REVOKED_NOW);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(trustFile))).isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").hasSize(2);
        }

        EcertListStore next = store(CLOCK);
        next.load();
        assertThat(next.snapshot().trustList().text()).isEqualTo(TRUST_NOW);
        assertThat(next.snapshot().revocationList().isRevoked("SHMZ-DEMO-R")).isTrue();
        // issued 1 h and 30 min before the clock, written here by hand
        assertThat(next.freshness().trustListAge()).isEqualTo(Duration.ofHours(1));
        assertThat(next.freshness().revocationAge()).isEqualTo(Duration.ofMinutes(30));
        assertThat(next.freshness().offlineReady()).isTrue();
    }

    @Test
    void aChangedFileOnDiskIsRefusedAndLogged() throws IOException {
        store(CLOCK).refresh(serving(TRUST_NOW, REVOKED_NOW));
        Path file = dir.resolve(EcertListStore.REVOCATION_LIST_FILE);
        // the revocation list emptied by hand: payload replaced, signature kept
        String[] parts = REVOKED_NOW.split("\\.");
        String empty = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"v\":1,\"issuedAt\":\"2026-12-06T07:30:00+08:00\",\"nextUpdate\":\"2026-12-06T08:30:00+08:00\","
                        + "\"revoked\":[]}").getBytes(StandardCharsets.UTF_8));
        Files.writeString(file, parts[0] + "." + parts[1] + "." + empty + "." + parts[3]);

        EcertListStore next = store(CLOCK);
        next.load();

        assertThat(next.snapshot().revocationList()).isNull();
        assertThat(next.snapshot().trustList()).isNotNull();
        assertThat(next.freshness().offlineReady()).isFalse();
        assertThat(records).anySatisfy(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getParameters()[0].toString()).endsWith(EcertListStore.REVOCATION_LIST_FILE);
        });
    }

    @Test
    void aListSignedByAnotherRootIsRefusedAndTheHeldOneStays() {
        EcertListStore store = store(CLOCK);
        store.refresh(serving(TRUST_NOW, REVOKED_NOW));
        OffsetDateTime later = NOW.atOffset(ZoneOffset.ofHours(8));
        String foreign = DemoEcertKeys.trustListBuilder(NOW).sign(DemoEcertKeys.ROOT_KID,
                Sm2KeyPair.fromSeed("another-root"));
        String foreignRevocations = RevocationList.builder(later, later.plusHours(1))
                .sign(DemoEcertKeys.ROOT_KID, Sm2KeyPair.fromSeed("another-root"));

        EcertListStore.Refresh refresh = store.refresh(serving(foreign, foreignRevocations));

        assertThat(refresh.trustList()).isEqualTo(EcertListStore.Update.REFUSED);
        assertThat(refresh.revocationList()).isEqualTo(EcertListStore.Update.REFUSED);
        assertThat(store.snapshot().trustList().text()).isEqualTo(TRUST_NOW);
        assertThat(store.snapshot().revocationList().text()).isEqualTo(REVOKED_NOW);
    }

    @Test
    void anOlderListIsRefusedAndTheFileKept() throws IOException {
        EcertListStore store = store(CLOCK);
        store.refresh(serving(TRUST_NOW, REVOKED_NOW));
        String older = DemoEcertKeys.trustList(NOW.minusSeconds(7200));
        String olderRevocations = DemoEcertKeys.revocationList(NOW.minusSeconds(7200), List.of());

        EcertListStore.Refresh refresh = store.refresh(serving(older, olderRevocations));

        assertThat(refresh.trustList()).isEqualTo(EcertListStore.Update.REFUSED);
        assertThat(refresh.revocationList()).isEqualTo(EcertListStore.Update.REFUSED);
        assertThat(store.snapshot().revocationList().isRevoked("SHMZ-DEMO-R")).isTrue();
        assertThat(Files.readString(dir.resolve(EcertListStore.REVOCATION_LIST_FILE))).isEqualTo(REVOKED_NOW);
    }

    @Test
    void aNewerListReplacesTheHeldOneAndTheSameListChangesNothing() {
        EcertListStore store = store(CLOCK);
        store.refresh(serving(TRUST_NOW, REVOKED_NOW));
        String newer = DemoEcertKeys.revocationList(NOW.minusSeconds(60), List.of());

        EcertListStore.Refresh refresh = store.refresh(serving(TRUST_NOW, newer));

        assertThat(refresh.trustList()).isEqualTo(EcertListStore.Update.UNCHANGED);
        assertThat(refresh.revocationList()).isEqualTo(EcertListStore.Update.UPDATED);
        assertThat(store.snapshot().revocationList().isRevoked("SHMZ-DEMO-R")).isFalse();
    }

    @Test
    void aListIssuedMoreThanFiveMinutesAheadOfTheClockIsRefused() {
        EcertListStore store = store(CLOCK);

        EcertListStore.Refresh refresh = store.refresh(serving(DemoEcertKeys.trustList(NOW.plusSeconds(301)),
                DemoEcertKeys.revocationList(NOW.plusSeconds(300), List.of())));

        assertThat(refresh.trustList()).isEqualTo(EcertListStore.Update.REFUSED);
        assertThat(refresh.revocationList()).isEqualTo(EcertListStore.Update.UPDATED);
        assertThat(store.freshness().revocationAge()).isEqualTo(Duration.ZERO);
    }

    @Test
    void aFailedFetchKeepsTheHeldLists() {
        EcertListStore store = store(CLOCK);
        store.refresh(serving(TRUST_NOW, REVOKED_NOW));
        FetchedList down = new FetchedList(null, ServiceFailure.UNREACHABLE, null);

        EcertListStore.Refresh refresh = store.refresh(source(down, down));

        assertThat(refresh.trustList()).isEqualTo(EcertListStore.Update.FETCH_FAILED);
        assertThat(store.snapshot().trustList().text()).isEqualTo(TRUST_NOW);
    }

    @Test
    void withoutARootKeyNoListIsEverTrusted() {
        EcertListStore store = new EcertListStore(dir, null, EcertSettings.DEFAULTS, CLOCK);
        store.load();

        EcertListStore.Refresh refresh = store.refresh(serving(TRUST_NOW, REVOKED_NOW));

        assertThat(refresh.trustList()).isEqualTo(EcertListStore.Update.REFUSED);
        assertThat(store.snapshot().trustList()).isNull();
        assertThat(store.freshness().rootConfigured()).isFalse();
        assertThat(dir.resolve(EcertListStore.TRUST_LIST_FILE)).doesNotExist();
    }

    /** Ages by hand: the trust list was issued 1 h before NOW, the revocation list 30 min before. */
    @Test
    void freshnessFollowsTheClockAndTheAgesItAllows() {
        store(CLOCK).refresh(serving(TRUST_NOW, REVOKED_NOW));
        Clock later = Clock.offset(CLOCK, Duration.ofHours(24));
        EcertListStore spec = store(later);
        spec.load();
        EcertListStore shortened = new EcertListStore(dir, DemoEcertKeys.rootPublicKey(),
                new EcertSettings(null, Duration.ofHours(24), Duration.ofHours(2)), later);
        shortened.load();

        // 25 h and 24.5 h old: the revocation list is past the spec's 24 h, the trust list within 7 days
        assertThat(spec.freshness().trustListTooOld()).isFalse();
        assertThat(spec.freshness().revocationListTooOld()).isTrue();
        assertThat(spec.freshness().offlineReady()).isFalse();
        // IT's 24 h for the trust list: 25 h is too old
        assertThat(shortened.freshness().trustListTooOld()).isTrue();
    }

    @Test
    void aTrustListOverSevenDaysOldIsTooOld() {
        EcertListStore store = store(CLOCK);
        store.refresh(serving(TRUST_NOW, REVOKED_NOW));
        EcertListStore week = store(Clock.offset(CLOCK, Duration.ofDays(7).minusHours(1)));
        week.load();
        EcertListStore weekAndASecond = store(Clock.offset(CLOCK, Duration.ofDays(7).minusHours(1).plusSeconds(1)));
        weekAndASecond.load();

        assertThat(week.freshness().trustListTooOld()).isFalse();
        assertThat(weekAndASecond.freshness().trustListTooOld()).isTrue();
    }

    private static Config config(String endpoint, String rootKey) {
        return new Config(endpoint, endpoint == null ? null : "H310104-0001", null, "w03-li", "ADM-W03",
                Path.of("/srv/waiverdesk/audit.db"), null, Duration.ofSeconds(5), null, null, Duration.ofSeconds(30),
                java.util.Locale.ENGLISH, null, List.of(), false, new EcertSettings(rootKey, Duration.ofDays(7),
                Duration.ofHours(24)));
    }

    @Test
    void theDemoRootIsPinnedOnlyInDemoModeAndAConfiguredKeyAlwaysWins() {
        String hospital = Sm2KeyPair.fromSeed("hospital-root").publicKey().spkiBase64();

        assertThat(EcertListStore.pinnedRoot(config(null, null))).isEqualTo(DemoEcertKeys.rootPublicKey());
        assertThat(EcertListStore.pinnedRoot(config("https://verify.example.gov.cn/", null))).isNull();
        assertThat(EcertListStore.pinnedRoot(config("https://verify.example.gov.cn/", hospital)).spkiBase64())
                .isEqualTo(hospital);
        assertThat(EcertListStore.pinnedRoot(config(null, hospital)).spkiBase64()).isEqualTo(hospital);
        assertThat(EcertListStore.folderFor(config(null, null))).isEqualTo(Path.of("/srv/waiverdesk/ecert-lists"));
    }
}
