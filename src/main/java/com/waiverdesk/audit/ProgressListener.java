package com.waiverdesk.audit;

/** Reports progress of a long job (export, verify) and lets the caller stop it. */
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> { };

    /** Called now and then from the working thread; {@code total} may be an estimate. */
    void progress(long done, long total);

    /** Polled between rows; true stops the job, which then throws {@link java.util.concurrent.CancellationException}. */
    default boolean cancelled() {
        return false;
    }
}
