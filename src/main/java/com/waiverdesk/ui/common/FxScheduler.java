package com.waiverdesk.ui.common;

import java.time.Duration;
import javafx.animation.PauseTransition;

/** Timers on the FX thread, from {@link PauseTransition}: the action runs where it may touch properties. */
public final class FxScheduler implements Scheduler {
    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        pause.setOnFinished(e -> action.run());
        pause.play();
        return pause::stop;
    }
}
