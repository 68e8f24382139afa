package com.waiverdesk.testing;

import com.waiverdesk.ui.common.BackgroundRunner;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A background runner whose two halves the test drives apart: {@link #runWork()} does the queued work (a check and its
 * audit commit) and holds each hand-back, {@link #handBack()} delivers them as the FX thread would, later.
 */
public final class HandBackRunner implements BackgroundRunner {
    private final Deque<Runnable> work = new ArrayDeque<>();
    private final Deque<Runnable> handBacks = new ArrayDeque<>();

    @Override
    public <T> void run(Callable<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        work.add(() -> {
            T value;
            try {
                value = task.call();
            } catch (Exception | Error e) {
                handBacks.add(() -> onFailure.accept(e));
                return;
            }
            handBacks.add(() -> onSuccess.accept(value));
        });
    }

    /** Runs the queued work; the results wait for {@link #handBack()}. */
    public void runWork() {
        while (!work.isEmpty()) {
            work.poll().run();
        }
    }

    /** Delivers the waiting results, in order. */
    public void handBack() {
        while (!handBacks.isEmpty()) {
            handBacks.poll().run();
        }
    }

    /** Work and hand-backs until nothing is left (a hand-back may queue more work). */
    public void runAll() {
        while (!work.isEmpty() || !handBacks.isEmpty()) {
            runWork();
            handBack();
        }
    }
}
