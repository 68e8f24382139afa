package com.waiverdesk.bench;

import java.awt.Robot;
import java.io.IOException;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The baseline of {@code bench desk}: a bare window whose Enter handler sets a label (and its background, so one
 * pixel shows the change), beside the desk, pressed by the same robot and read the same way.
 */
final class BareTarget {
    private static final int[] COLOURS = {0xE6F4EA, 0xFFF1DC};
    private static final double X = 940;
    private static final double WIDTH = 320;
    /** Where the bare window ends on the screen: the desk (900 wide) is left of it. */
    static final double RIGHT_EDGE = X + WIDTH;

    private final Stage stage;
    private final int pixelX;
    private final int pixelY;
    private int presses;

    private BareTarget(Stage stage, int pixelX, int pixelY) {
        this.stage = stage;
        this.pixelX = pixelX;
        this.pixelY = pixelY;
    }

    /** On the FX thread. */
    static BareTarget show() {
        Label label = new Label("0");
        StackPane root = new StackPane(label);
        root.setStyle(background(COLOURS[0]));
        Stage stage = new Stage();
        stage.setTitle("bare");
        stage.setScene(new Scene(root, WIDTH, 240));
        stage.setX(X);
        stage.setY(0);
        int[] count = {0};
        stage.getScene().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                count[0]++;
                label.setText(Integer.toString(count[0]));
                root.setStyle(background(COLOURS[count[0] % 2]));
            }
        });
        stage.show();
        Bounds screen = root.localToScreen(root.getBoundsInLocal());
        return new BareTarget(stage, (int) Math.round(screen.getMinX()) + 8, (int) Math.round(screen.getMinY()) + 14);
    }

    private static String background(int rgb) {
        return String.format("-fx-background-color: #%06x;", rgb);
    }

    void prepare(Robot robot) throws IOException, InterruptedException {
        Fx.focus(robot, stage, pixelX + 150, pixelY + 100);
    }

    /** The colour the next Enter paints. */
    int nextRgb() {
        presses++;
        return COLOURS[presses % 2];
    }

    int pixelX() {
        return pixelX;
    }

    int pixelY() {
        return pixelY;
    }
}
