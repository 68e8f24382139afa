package com.waiverdesk.ui.admission;

import com.waiverdesk.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The top of the clerk's window: the demo banner (with the first run's set-up link), IT's note and the title. */
final class DeskHeader extends VBox {
    private final Texts texts;
    private final Hyperlink setUp = new Hyperlink();
    private final Label itNote = new Label();
    private final HBox titleRow = new HBox();

    DeskHeader(AdmissionViewModel model, Texts texts) {
        this.texts = texts;
        Label banner = new Label(texts.get("banner.demo"));
        banner.setId("demoBanner");
        banner.getStyleClass().add("demo-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true); // the warning is read whole, at any text size
        banner.setMinHeight(Region.USE_PREF_SIZE);
        setUp.setId("setUpLink");
        setUp.getStyleClass().add("demo-banner-link");
        setUp.setText(texts.get("banner.setUp"));
        setUp.setFocusTraversable(false);
        setUp.setVisible(false);
        setUp.managedProperty().bind(setUp.visibleProperty());
        HBox demo = new HBox(banner, setUp);
        HBox.setHgrow(banner, Priority.ALWAYS);
        demo.getStyleClass().add("demo-banner-row");
        demo.setAlignment(Pos.CENTER);
        demo.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> model.deskProperty().get() != null && model.deskProperty().get().isDemo(), model.deskProperty()));
        demo.managedProperty().bind(demo.visibleProperty());
        banner.visibleProperty().bind(demo.visibleProperty());
        itNote.setId("itNote");
        itNote.getStyleClass().add("it-note");
        itNote.setWrapText(true);
        itNote.setMaxWidth(Double.MAX_VALUE);
        itNote.setVisible(false);
        itNote.managedProperty().bind(itNote.visibleProperty());
        Label title = new Label(texts.get("app.title"));
        title.getStyleClass().add("app-title");
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        // enlarged text: the title wraps beside the image button rather than ending in "…"
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        titleRow.getChildren().add(title);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        titleRow.getStyleClass().add("title-row");
        getChildren().addAll(demo, itNote, titleRow);
    }

    /** On a first run (no configuration at all) the demo banner offers to set up the real service. */
    void setFirstRunSetup(Runnable action) {
        setUp.setOnAction(e -> {
            setUp.setVisited(false);
            action.run();
        });
        setUp.setVisible(action != null);
    }

    /** A note that the user's file tried to change settings hospital IT fixed, naming them; {@code null} hides it. */
    void setLockedNote(java.util.List<String> ignoredFields) {
        boolean show = ignoredFields != null && !ignoredFields.isEmpty();
        itNote.setText(show ? texts.get("banner.lockedIgnored", String.join(", ", ignoredFields)) : "");
        itNote.setVisible(show);
    }

    /** A button at the right of the title (the QR image chooser). */
    void showBesideTitle(javafx.scene.control.Button button) {
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.getStyleClass().add("title-button");
        titleRow.getChildren().add(button);
    }
}
