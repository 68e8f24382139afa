package com.waiverdesk.ui.common;

import java.util.Objects;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * A window shown at once with "opening…" while its content connects on a worker (the supervisor's and IT's
 * screens): sized to the screen, with the program's stylesheets and CJK font, and a status line that can say the
 * screen could not open.
 *
 * @param stage  the shown window; its scene's root is replaced once the content is ready
 * @param status the "opening…" line
 */
public record OpeningWindow(Stage stage, Label status) {

    /**
     * @param stylesheets names under {@code /com/waiverdesk/ui/}, e.g. {@code "audit/audit.css"}
     */
    public static OpeningWindow show(Texts texts, String title, double maxWidth, Runnable onHidden,
                                     String... stylesheets) {
        Label opening = new Label(texts.get("audit.opening"));
        opening.getStyleClass().add("audit-opening");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(new StackPane(opening), Math.min(maxWidth, screen.getWidth() * 0.95),
                Math.min(820, screen.getHeight() * 0.92));
        for (String name : stylesheets) {
            scene.getStylesheets().add(Objects.requireNonNull(
                    OpeningWindow.class.getResource("/com/waiverdesk/ui/" + name), name).toExternalForm());
        }
        UiFont.apply(scene);
        Stage window = new Stage();
        window.setTitle(title + " — WaiverDesk");
        window.setScene(scene);
        window.setOnHidden(e -> onHidden.run());
        window.show();
        return new OpeningWindow(window, opening);
    }

    /** Says the screen could not open, in the problem style. */
    public void failed(String text) {
        status.setText(text);
        status.getStyleClass().add("problem");
    }
}
