package com.waiverdesk.bench;

import com.waiverdesk.ui.admission.AdmissionView;
import java.awt.Robot;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The desk's window: where its card is, the colours of its idle and answered card, and the clerk's fields. */
final class DeskTarget {
    private final Robot robot;
    private final Stage stage;
    private int pixelX;
    private int pixelY;
    private int idleRgb;
    private int answerRgb;

    private DeskTarget(Robot robot, Stage stage) {
        this.robot = robot;
        this.stage = stage;
    }

    /** Waits for the desk's window and for its desk (the verify button enabled), then learns the card's colours. */
    static DeskTarget await(Robot robot) throws Exception {
        long start = System.nanoTime();
        Stage found = null;
        while (found == null || !Fx.call(DeskTarget::deskReady)) {
            if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(60)) {
                throw new IOException("the desk was not ready within 60 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            found = Fx.call(DeskTarget::deskStage);
        }
        Stage stage = found;
        Fx.call(() -> {
            stage.setX(0);
            stage.setY(0);
            return null;
        });
        DeskTarget target = new DeskTarget(robot, stage);
        target.learnColours();
        return target;
    }

    private static Stage deskStage() {
        for (Window window : Window.getWindows()) {
            if (window instanceof Stage && window.isShowing() && window.getScene() != null
                    && window.getScene().getRoot() instanceof AdmissionView) {
                return (Stage) window;
            }
        }
        return null;
    }

    /** A check can be run: the verify button is enabled. */
    private static boolean deskReady() {
        Stage stage = deskStage();
        return stage != null && !stage.getScene().lookup("#verifyButton").isDisabled();
    }

    /** Inside the card's 4 px border and rounded corner, in its padding: its background colour only. */
    private static int[] cardPixel(Stage stage) {
        Node card = stage.getScene().lookup("#resultCard");
        Bounds screen = card.localToScreen(card.getBoundsInLocal());
        return new int[] {(int) Math.round(screen.getMinX()) + 8, (int) Math.round(screen.getMinY()) + 14};
    }

    /**
     * One check of the demo person, unmeasured: where the answered card is, the colour of its answer there, then
     * of the same place once Esc has cleared the card.
     */
    private void learnColours() throws Exception {
        fill();
        focus();
        Fx.call(() -> {
            ((Button) stage.getScene().lookup("#verifyButton")).fire();
            return null;
        });
        long start = System.nanoTime();
        while (!Fx.call(this::showsAnswer)) {
            if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(30)) {
                throw new IOException("the first check of the demo person gave no WAIVE within 30 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        int[] pixel = Fx.call(() -> cardPixel(stage));
        pixelX = pixel[0];
        pixelY = pixel[1];
        answerRgb = rgb();
        robot.keyPress(KeyEvent.VK_ESCAPE);
        robot.keyRelease(KeyEvent.VK_ESCAPE);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        idleRgb = rgb();
        if (idleRgb == answerRgb) {
            throw new IOException(String.format("the card's pixel (%d, %d) is #%06x both idle and answered",
                    pixelX, pixelY, idleRgb));
        }
    }

    /** Before each press: the card cleared on screen (Esc, as a clerk), the demo person typed in (set). */
    void prepare() throws Exception {
        focus();
        robot.keyPress(KeyEvent.VK_ESCAPE);
        robot.keyRelease(KeyEvent.VK_ESCAPE);
        long start = System.nanoTime();
        while (rgb() != idleRgb) {
            if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(10)) {
                throw new IOException("Esc did not clear the card within 10 s");
            }
        }
        fill();
    }

    private void fill() throws Exception {
        Fx.call(() -> {
            ((TextInputControl) stage.getScene().lookup("#nameField")).setText(DeskProbe.DEMO_NAME);
            ((TextInputControl) stage.getScene().lookup("#idField")).setText(DeskProbe.DEMO_ID);
            stage.getScene().lookup("#nameField").requestFocus();
            return null;
        });
    }

    private void focus() throws Exception {
        Bounds window = Fx.call(() -> new BoundingBox(stage.getX(), stage.getY(),
                stage.getWidth(), stage.getHeight()));
        Fx.focus(robot, stage, (int) (window.getMinX() + window.getWidth() / 2), (int) window.getMinY() + 10);
    }

    boolean showsAnswer() {
        return stage.getScene().lookup("#resultCard").getStyleClass().contains("waive");
    }

    private int rgb() {
        return robot.getPixelColor(pixelX, pixelY).getRGB() & 0xFFFFFF;
    }

    int pixelX() {
        return pixelX;
    }

    int pixelY() {
        return pixelY;
    }

    int answerRgb() {
        return answerRgb;
    }
}
