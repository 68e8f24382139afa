package com.waiverdesk.ui.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.testing.FakeVerificationClient;
import com.waiverdesk.testing.ManualScheduler;
import com.waiverdesk.testing.MemoryAuditLog;
import com.waiverdesk.testing.QueueRunner;
import com.waiverdesk.testing.TestDesks;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The view model's countdown to the auto-clear, and what it tells the card about a converted 15-digit ID. */
class ClearCountdownTest {
    private static final Duration AUTO_CLEAR = Duration.ofSeconds(30);
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final FakeVerificationClient client = new FakeVerificationClient();
    private final QueueRunner runner = new QueueRunner();
    private final ManualScheduler scheduler = new ManualScheduler();
    private AdmissionViewModel model;

    @BeforeEach
    void attachDesk() {
        model = new AdmissionViewModel(runner, scheduler, TestDesks.CLOCK);
        model.attach(TestDesks.desk(client, new MemoryAuditLog(), AUTO_CLEAR, Locale.SIMPLIFIED_CHINESE));
        runner.runAll();
    }

    private void check(String name, String id) {
        model.nameProperty().set(name);
        model.idTextProperty().set(id);
        model.verify();
        runner.runAll();
    }

    @Test
    void countsDownFromTheConfiguredSecondsOnceASecond() {
        assertThat(model.secondsToClearProperty().get()).isZero();
        check("王秀英", TestDesks.WAIVE_ID);
        assertThat(model.secondsToClearProperty().get()).isEqualTo(30);
        scheduler.fire(SECOND);
        assertThat(model.secondsToClearProperty().get()).isEqualTo(29);
        scheduler.fire(SECOND);
        scheduler.fire(SECOND);
        assertThat(model.secondsToClearProperty().get()).isEqualTo(27);
        assertThat(scheduler.pending(SECOND)).isEqualTo(1);
    }

    @Test
    void neverCountsBelowOneBeforeTheClear() {
        check("王秀英", TestDesks.WAIVE_ID);
        for (int i = 0; i < 40; i++) {
            scheduler.fire(SECOND);
        }
        assertThat(model.secondsToClearProperty().get()).isEqualTo(1);
        assertThat(model.resultProperty().get()).isNotNull();
        scheduler.fire(AUTO_CLEAR);
        assertThat(model.resultProperty().get()).isNull();
        assertThat(model.secondsToClearProperty().get()).isZero();
    }

    @Test
    void theNextPatientsInputStopsTheCountdown() {
        check("王秀英", TestDesks.WAIVE_ID);
        model.nameProperty().set("李");
        assertThat(model.secondsToClearProperty().get()).isZero();
        assertThat(scheduler.pending(SECOND)).isZero();
    }

    @Test
    void escStopsTheCountdown() {
        check("王秀英", TestDesks.WAIVE_ID);
        model.clear();
        assertThat(model.secondsToClearProperty().get()).isZero();
        assertThat(scheduler.pending(SECOND)).isZero();
    }

    @Test
    void aFifteenDigitIdIsMarkedAsConverted() {
        check("李建国", "110105491231002");
        assertThat(model.resultProperty().get().maskedId()).isEqualTo("110105********002X");
        assertThat(model.legacyIdProperty().get()).isTrue();
        check("王秀英", TestDesks.WAIVE_ID);
        assertThat(model.legacyIdProperty().get()).isFalse();
    }
}
