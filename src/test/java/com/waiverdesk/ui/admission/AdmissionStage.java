package com.waiverdesk.ui.admission;

import java.util.Objects;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Puts an admission view on a robot test's stage as the desk window does: its stylesheet, a 900x720 scene. */
final class AdmissionStage {
    private AdmissionStage() {
    }

    static void show(Stage stage, AdmissionView view) {
        Scene scene = new Scene(view, 900, 720);
        scene.getStylesheets().add(Objects.requireNonNull(
                AdmissionView.class.getResource("/com/waiverdesk/ui/desk.css"), "desk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }
}
