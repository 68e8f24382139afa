package com.waiverdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.app.DisplayPreferences;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clerk who enlarged the text or chose high contrast finds it so at the next start. */
class DisplayMemoryTest {
    @TempDir
    Path dir;

    @Test
    void theLastChoiceComesBackAtTheNextStart() throws Exception {
        Path file = dir.resolve("display.properties");
        Readability first = new Readability(new Pane());
        DisplayMemory.attach(first, file, BackgroundRunner.sameThread());

        first.setPercent(150);
        first.highContrastProperty().set(true);
        Readability next = new Readability(new Pane());
        DisplayMemory.attach(next, file, BackgroundRunner.sameThread());

        assertThat(next.percentProperty().get()).isEqualTo(150);
        assertThat(next.highContrastProperty().get()).isTrue();
    }

    @Test
    void aSizeTheWindowDoesNotOfferIsIgnored() throws Exception {
        Path file = dir.resolve("display.properties");
        new DisplayPreferences(333, true).save(file);
        Readability readability = new Readability(new Pane());

        DisplayMemory.attach(readability, file, BackgroundRunner.sameThread());

        assertThat(readability.percentProperty().get()).isEqualTo(Readability.NORMAL);
        assertThat(readability.highContrastProperty().get()).isTrue();
    }

    @Test
    void applyingTheSavedChoiceDoesNotRewriteIt() throws Exception {
        Path file = dir.resolve("display.properties");
        new DisplayPreferences(125, false).save(file);
        long written = Files.getLastModifiedTime(file).toMillis();
        Files.setLastModifiedTime(file, FileTime.fromMillis(written - 60_000));

        DisplayMemory.attach(new Readability(new Pane()), file, BackgroundRunner.sameThread());

        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(written - 60_000);
    }
}
