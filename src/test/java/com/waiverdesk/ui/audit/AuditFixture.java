package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.AccessLog;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.ui.common.BackgroundRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;

/** A supervisor's screen model wired to fakes over synthetic entries, on a clock the test can move. */
final class AuditFixture {
    static final String PASSPHRASE = "ward seven ledger";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final int ROWS = 300;

    final List<StoredEntry> rows = SyntheticEntries.make(ROWS);
    final FakeAuditReader reader = new FakeAuditReader(rows);
    final FakeAccessLog access = new FakeAccessLog();
    final FakeAuditActions actions = new FakeAuditActions();
    final MovableClock clock = new MovableClock(SyntheticEntries.NEWEST.plus(Duration.ofHours(1)), SHANGHAI);
    final FakeGate gate = new FakeGate(clock, PASSPHRASE);
    /** Replace before {@link #model} to watch or break the recording. */
    AccessLog accessLog = access;

    AuditFixture() {
        // the reader sees each review the actions record, as a store's reader sees its access chain
        actions.recorded = reader.reviews::put;
    }

    AuditServices services() {
        return new AuditServices(reader, accessLog, actions, gate, SyntheticEntries.HASHER, "ADM-SUP", 180, null);
    }

    AuditViewModel model(BackgroundRunner runner, Executor fxThread) {
        return new AuditViewModel(services(), runner, fxThread, clock);
    }

    /** A model on the same thread, opened and signed in as the head nurse, every step run. */
    AuditViewModel signedIn(StepRunner runner) {
        AuditViewModel model = model(runner, Runnable::run);
        model.start();
        runner.runAll();
        model.login().supervisorProperty().set("Head nurse Zhou");
        model.login().passphraseProperty().set(PASSPHRASE);
        model.login().submit();
        runner.runAll();
        return model;
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;
        private final ZoneId zone;

        MovableClock(Instant start, ZoneId zone) {
            this.now = start;
            this.zone = zone;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new MovableClock(now, other);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
