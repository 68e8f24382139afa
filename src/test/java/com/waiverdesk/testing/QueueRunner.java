package com.waiverdesk.testing;

import com.waiverdesk.ui.common.BackgroundRunner;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** A background runner that holds work until the test runs it, to see the busy state in between. */
public final class QueueRunner implements BackgroundRunner {
    private final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        queue.add(() -> BackgroundRunner.sameThread().run(work, onSuccess, onFailure));
    }

    public int size() {
        return queue.size();
    }

    public void runAll() {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
    }
}
