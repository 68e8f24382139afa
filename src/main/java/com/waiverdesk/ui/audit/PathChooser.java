package com.waiverdesk.ui.audit;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
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
            File home = new File(System.getProperty("user.home"));
            if (home.isDirectory()) {
                chooser.setInitialDirectory(home); // not the folder the program happened to start in
            }
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(typeName, "*." + extension));
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath)
                    .map(path -> withExtension(path, extension));
        };
    }

    /** A name typed without the type's extension gets it ("march" → "march.csv"), as save dialogs usually do. */
    static Path withExtension(Path path, String extension) {
        String name = path.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith("." + extension.toLowerCase(Locale.ROOT))
                ? path : path.resolveSibling(name + "." + extension);
    }
}
