package com.waiverdesk.ui.common;

import java.time.Duration;

/** Timers for view models (auto-clear, health polling) without tying them to a toolkit. */
public interface Scheduler {
    /** Runs the action once after the delay, on the FX thread in production. */
    Cancellable schedule(Duration delay, Runnable action);

    /** A pending action that can be called off. */
    interface Cancellable {
        void cancel();
    }
}
