package com.waiverdesk.ui.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.app.Desk;
import com.waiverdesk.testing.FakeVerificationClient;
import com.waiverdesk.testing.MemoryAuditLog;
import com.waiverdesk.testing.TestDesks;
import com.waiverdesk.ui.common.BackgroundRunner;
import com.waiverdesk.ui.common.FxScheduler;
import com.waiverdesk.ui.common.Texts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The status bar's "copy diagnostics" link puts the text for the running desk on the clipboard. */
@ExtendWith(ApplicationExtension.class)
class DiagnosticsLinkUITest {
    private static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;
    private final Texts texts = new Texts(LOCALE);
    private final HeldRunner runner = new HeldRunner();
    private final AtomicReference<Desk> askedFor = new AtomicReference<>();
    private volatile RuntimeException diagnosticsFailure;
    private Desk desk;

    @Start
    void start(Stage stage) {
        AdmissionViewModel model = new AdmissionViewModel(runner, new FxScheduler(), TestDesks.CLOCK);
        AdmissionView view = new AdmissionView(model, texts);
        view.setDiagnostics(running -> {
            askedFor.set(running);
            if (diagnosticsFailure != null) {
                throw diagnosticsFailure;
            }
            return "WaiverDesk diagnostics\nWorkstation: " + running.workstation();
        });
        stage.setScene(new Scene(view, 900, 720));
        stage.show();
        desk = TestDesks.desk(new FakeVerificationClient(), new MemoryAuditLog(), Duration.ofMinutes(5), LOCALE);
        model.attach(desk);
    }

    @Test
    void copiesTheDiagnosticsOfTheRunningDeskToTheClipboard(FxRobot robot) throws TimeoutException {
        Hyperlink link = robot.lookup("#diagnosticsLink").queryAs(Hyperlink.class);
        assertThat(link.isVisible()).isTrue();
        assertThat(link.getText()).isEqualTo(texts.get("status.diagnostics"));

        robot.interact(link::fire);
        assertThat(askedFor.get()).as("the log files are read on the background runner, not on the FX thread").isNull();
        assertThat(link.isDisabled()).as("one collection at a time").isTrue();
        robot.interact(runner::releaseAll);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> link.getText().equals(texts.get("status.diagnostics.copied")));

        assertThat(askedFor.get()).isSameAs(desk);
        String copied = WaitForAsyncUtils.waitFor(
                WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()));
        assertThat(copied).isEqualTo("WaiverDesk diagnostics\nWorkstation: " + desk.workstation());
    }

    @Test
    void saysSoAndCanBeClickedAgainWhenTheDiagnosticsCannotBeCollected(FxRobot robot) throws TimeoutException {
        Hyperlink link = robot.lookup("#diagnosticsLink").queryAs(Hyperlink.class);
        diagnosticsFailure = new IllegalStateException("log folder unreadable");

        robot.interact(link::fire);
        robot.interact(runner::releaseAll);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> link.getText().equals(texts.get("status.diagnostics.failed")));

        assertThat(link.isDisabled()).isFalse();
        diagnosticsFailure = null;
        robot.interact(link::fire);
        robot.interact(runner::releaseAll);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> link.getText().equals(texts.get("status.diagnostics.copied")));
    }

    @Test
    void inANarrowWindowTheServiceStateAndTheLinksStayWhole(FxRobot robot) {
        robot.interact(() -> {
            AdmissionView view = (AdmissionView) robot.lookup("#diagnosticsLink").query().getScene().getRoot();
            view.setOnOpenSupervisor(() -> { });
            view.setOnOpenSettings(() -> { });
            robot.lookup("#diagnosticsLink").query().getScene().getWindow().setWidth(520);
        });
        WaitForAsyncUtils.waitForFxEvents();

        for (String id : new String[] {"#serviceStatus", "#diagnosticsLink", "#settingsLink", "#supervisorLink"}) {
            Labeled whole = robot.lookup(id).queryAs(Labeled.class);
            assertThat(whole.getWidth()).as(id).isGreaterThanOrEqualTo(whole.prefWidth(-1) - 0.5);
        }
        Labeled workstation = robot.lookup("#workstationStatus")
                .queryAs(Labeled.class);
        assertThat(workstation.getWidth()).as("the workstation gives way first")
                .isLessThan(workstation.prefWidth(-1));
    }

    @Test
    void explainsItselfInATooltipOnceThePointerComesOverIt(FxRobot robot) {
        Hyperlink link = robot.lookup("#diagnosticsLink").queryAs(Hyperlink.class);
        assertThat(link.getTooltip()).as("made when first needed, not with the window").isNull();

        robot.moveTo(link);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(link.getTooltip()).isNotNull();
        assertThat(link.getTooltip().getText()).isEqualTo(texts.get("status.diagnostics.hint"));
        Tooltip first = link.getTooltip();
        robot.moveTo("#nameField").moveTo(link);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(link.getTooltip()).as("one tooltip, not one per visit").isSameAs(first);
    }

    /** Holds the work handed to it until the test releases it, then runs it and its hand-back on the caller. */
    private static final class HeldRunner implements BackgroundRunner {
        private final List<Runnable> held = new ArrayList<>();

        @Override
        public synchronized <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            held.add(() -> BackgroundRunner.sameThread().run(work, onSuccess, onFailure));
        }

        void releaseAll() {
            List<Runnable> now;
            synchronized (this) {
                now = new ArrayList<>(held);
                held.clear();
            }
            now.forEach(Runnable::run);
        }
    }
}
