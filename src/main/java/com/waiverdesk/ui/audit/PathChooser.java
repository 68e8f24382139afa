package com.waiverdesk.ui.audit;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Where an export goes: the system's save dialog, or a fixed path in tests. */
public interface PathChooser {
    /**
     * @param extension without the dot, e.g. {@code csv}
     * @return empty when the supervisor cancelled
     */
    Optional<Path> choose(Window owner, String title, String suggestedName, String typeName, String extension);

    /** The save dialog of the platform. */
    static PathChooser saveDialog() {
        return (owner, title, suggestedName, typeName, extension) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(suggestedName);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(typeName, "*." + extension));
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(java.io.File::toPath);
        };
    }
}
