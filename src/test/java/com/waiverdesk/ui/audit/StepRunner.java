package com.waiverdesk.ui.audit;

import com.waiverdesk.ui.common.BackgroundRunner;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Holds background work until the test runs it, one piece or all, on the test's thread. */
final class StepRunner implements BackgroundRunner {
    private final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        queue.add(() -> BackgroundRunner.sameThread().run(work, onSuccess, onFailure));
    }

    int size() {
        return queue.size();
    }

    void runNext() {
        queue.poll().run();
    }

    void runAll() {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
    }
}
