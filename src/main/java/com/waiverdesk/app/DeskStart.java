package com.waiverdesk.app;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * A {@link Desk} being wired on a thread of its own. The window begins one as soon as the configuration is read, so
 * loading the policy, opening the audit database, starting the demo service and making the HTTP client overlap the
 * toolkit's start and the first frame instead of following them (a 2-core workstation has a core to spare while the
 * toolkit starts). Whoever no longer wants the desk (the window closed first) {@linkplain #abandon() abandons} it,
 * and it is closed as soon as it is ready.
 */
public final class DeskStart {
    private final CompletableFuture<Desk> desk = new CompletableFuture<>();

    private DeskStart() {
    }

    /** Starts wiring a desk for {@code config} ({@link Wiring#start(Config)}) on the thread "desk-wiring". */
    public static DeskStart begin(Config config) {
        return begin(() -> Wiring.start(config));
    }

    /** Starts {@code wiring} on the daemon thread "desk-wiring". */
    static DeskStart begin(Callable<Desk> wiring) {
        DeskStart start = new DeskStart();
        Thread thread = new Thread(() -> start.run(wiring), "desk-wiring");
        thread.setDaemon(true);
        thread.start();
        return start;
    }

    private void run(Callable<Desk> wiring) {
        try {
            desk.complete(wiring.call());
        } catch (Exception | Error e) {
            desk.completeExceptionally(e);
        }
    }

    /**
     * Calls {@code then} once with the desk, or {@code null} and why there is none, on the wiring thread (or on the
     * calling thread when the wiring has already finished).
     */
    public void whenDone(BiConsumer<Desk, Throwable> then) {
        desk.whenComplete(then);
    }

    /** Nobody will take the desk: it is closed now, or as soon as it is ready. */
    public void abandon() {
        desk.thenAccept(Desk::close);
    }
}
