package com.waiverdesk.ui.bench;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The baseline of the start-up benchmark: an empty JavaFX window started the same way as the desk. */
public final class BareWindow {
    private BareWindow() {
    }

    public static void main(String[] args) {
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(new Label("bare")), 900, 720));
            stage.setOnShown(e -> {
                System.out.println("WINDOW_SHOWN " + System.currentTimeMillis());
                if (Boolean.getBoolean("waiverdesk.closeWhenReady")) {
                    // as the desk does for scripts/test-deb.sh's benchmark and its AppCDS training run
                    Platform.runLater(Platform::exit);
                }
            });
            stage.show();
        });
    }
}
