package com.waiverdesk.testing;

import com.waiverdesk.ui.common.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Timers that fire only when the test says so. */
public final class ManualScheduler implements Scheduler {
    public final List<Task> tasks = new ArrayList<>();

    public static final class Task implements Cancellable {
        public final Duration delay;
        final Runnable action;
        boolean cancelled;

        Task(Duration delay, Runnable action) {
            this.delay = delay;
            this.action = action;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        Task task = new Task(delay, action);
        tasks.add(task);
        return task;
    }

    /** Runs every pending, uncancelled task scheduled with exactly this delay. */
    public void fire(Duration delay) {
        for (Task task : new ArrayList<>(tasks)) {
            if (!task.cancelled && task.delay.equals(delay)) {
                tasks.remove(task);
                task.action.run();
            }
        }
    }

    public long pending(Duration delay) {
        return tasks.stream().filter(t -> !t.cancelled && t.delay.equals(delay)).count();
    }
}
