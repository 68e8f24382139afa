package com.waiverdesk.bench;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The baseline of the start benchmarks: an empty JavaFX window started the same way as the desk. Prints
 * {@code WINDOW_SHOWN <epoch ms>} when shown; closes at once with {@code -Dwaiverdesk.closeWhenReady=true} (its own
 * AppCDS training run in scripts/test-deb.sh).
 */
public final class BareWindow {
    private BareWindow() {
    }

    public static void main(String[] args) {
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(new Label("bare")), 900, 720));
            stage.setOnShown(e -> {
                System.out.println("WINDOW_SHOWN " + System.currentTimeMillis());
                if (Boolean.getBoolean(DeskProbe.CLOSE_WHEN_READY)) {
                    Platform.runLater(Platform::exit);
                }
            });
            stage.show();
        });
    }
}
