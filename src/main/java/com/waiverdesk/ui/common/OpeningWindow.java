package com.waiverdesk.ui.common;

import java.util.Objects;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
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
        // smaller, buttons and tables are cut off ("Export C…", one row); never larger than the screen
        window.setMinWidth(Math.min(maxWidth * 0.75, screen.getWidth()));
        window.setMinHeight(Math.min(540, screen.getHeight()));
        window.setOnHidden(e -> onHidden.run());
        // Ctrl+W closes it from the keyboard at every stage (the signed-in supervisor's screen had no key for it)
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN),
                closerAfterTheEvent(window));
        window.show();
        return new OpeningWindow(window, opening);
    }

    /**
     * Hides {@code window} on the next pulse: from a key press (Esc on Close, Ctrl+W) the window must not be destroyed
     * while GTK's glass is still delivering that key (see {@link DialogButtons}).
     */
    public static Runnable closerAfterTheEvent(Stage window) {
        return () -> Platform.runLater(window::hide);
    }

    /** Says the screen could not open, in the problem style. */
    public void failed(String text) {
        status.setText(text);
        status.getStyleClass().add("problem");
    }
}
