package com.waiverdesk.ui.common;

import com.waiverdesk.app.DisplayPreferences;
import java.nio.file.Path;
import javafx.beans.InvalidationListener;

/**
 * Gives a window the text size and contrast its user chose last time, and keeps each change for the next start;
 * the file is read and written by the background runner, never on the FX thread.
 */
public final class DisplayMemory {
    private static final System.Logger LOG = System.getLogger(DisplayMemory.class.getName());

    private DisplayMemory() {
    }

    /** Applies what {@code file} holds to {@code readability}, then saves each change there. */
    public static void attach(Readability readability, Path file, BackgroundRunner runner) {
        runner.run(() -> DisplayPreferences.load(file), saved -> {
            if (Readability.STEPS.contains(saved.textPercent())) {
                readability.setPercent(saved.textPercent());
            }
            readability.highContrastProperty().set(saved.highContrast());
            InvalidationListener save = changed -> {
                DisplayPreferences now = new DisplayPreferences(readability.percentProperty().get(),
                        readability.highContrastProperty().get());
                runner.run(() -> {
                    now.save(file);
                    return now;
                }, done -> { }, error -> LOG.log(System.Logger.Level.WARNING,
                        "text size and contrast not kept for the next start ({0}): {1}", file, error.toString()));
            };
            readability.percentProperty().addListener(save);
            readability.highContrastProperty().addListener(save);
        }, error -> LOG.log(System.Logger.Level.WARNING, "display preferences not read", error));
    }
}
