package com.waiverdesk.bench;

import java.awt.Robot;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The benchmark's thread asking the FX thread: the scene graph is read and changed there only. */
final class Fx {
    private Fx() {
    }

    static <T> T call(Callable<T> work) throws IOException, InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("on the FX thread: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the FX thread did not answer within 10 s", e);
        }
    }

    /** The pointer into the window (X gives the keyboard to the window under it) and the window's focus asked for. */
    static void focus(Robot robot, Stage stage, int x, int y) throws IOException, InterruptedException {
        robot.mouseMove(x, y);
        if (call(stage::isFocused)) {
            return;
        }
        call(() -> {
            stage.requestFocus();
            return null;
        });
        long start = System.nanoTime();
        while (!call(stage::isFocused)) {
            if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(5)) {
                throw new IOException("the window \"" + call(stage::getTitle) + "\" did not get the keyboard focus");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
