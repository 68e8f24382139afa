package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.ProgressListener;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The one long job the screen runs at a time (export, verify, purge): which, how far, and a cancel switch. Progress
 * arrives on the worker thread and is handed to the FX thread coalesced, so a fast job cannot flood the event queue.
 */
public final class JobProgress {
    /** The jobs, for the progress line. */
    public enum Job { EXPORT_CSV, EXPORT_FHIR, VERIFY, PURGE }

    /** A progress bar's value for "unknown". */
    public static final double INDETERMINATE = -1;

    private final Executor fxThread;
    private final ReadOnlyObjectWrapper<Job> job = new ReadOnlyObjectWrapper<>(this, "job");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", INDETERMINATE);
    private final AtomicBoolean handOffPending = new AtomicBoolean();
    private volatile boolean cancelled;
    private volatile double latest = INDETERMINATE;

    JobProgress(Executor fxThread) {
        this.fxThread = fxThread;
    }

    /** Marks the job as running and returns the listener the worker reports to. */
    ProgressListener start(Job which) {
        cancelled = false;
        latest = INDETERMINATE;
        job.set(which);
        progress.set(INDETERMINATE);
        running.set(true);
        return new ProgressListener() {
            @Override
            public void progress(long done, long total) {
                latest = total > 0 ? Math.min(1.0, (double) done / total) : INDETERMINATE;
                if (handOffPending.compareAndSet(false, true)) {
                    fxThread.execute(() -> {
                        handOffPending.set(false);
                        if (running.get()) {
                            progress.set(latest);
                        }
                    });
                }
            }

            @Override
            public boolean cancelled() {
                return cancelled;
            }
        };
    }

    void finish() {
        running.set(false);
        progress.set(INDETERMINATE);
        job.set(null);
    }

    /** Asks the running job to stop at its next row. */
    public void cancel() {
        cancelled = true;
    }

    public ReadOnlyObjectProperty<Job> jobProperty() {
        return job.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
