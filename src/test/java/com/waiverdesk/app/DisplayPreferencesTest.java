package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisplayPreferencesTest {
    @TempDir
    Path dir;

    @Test
    void whatIsSavedIsLoadedAtTheNextStart() throws Exception {
        Path file = dir.resolve("config/waiverdesk/display.properties");

        new DisplayPreferences(150, true).save(file);

        assertThat(DisplayPreferences.load(file)).isEqualTo(new DisplayPreferences(150, true));
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).contains("textPercent=150", "highContrast=true");
        assertThat(file.resolveSibling("display.properties.tmp")).doesNotExist();
    }

    @Test
    void noFileMeansNormalText() {
        assertThat(DisplayPreferences.load(dir.resolve("absent.properties"))).isEqualTo(DisplayPreferences.NORMAL);
    }

    @Test
    void aDamagedFileMeansNormalTextNotAFailure() throws Exception {
        Path file = dir.resolve("display.properties");
        Files.writeString(file, "textPercent=huge\nhighContrast=true\n");

        assertThat(DisplayPreferences.load(file)).isEqualTo(DisplayPreferences.NORMAL);
    }
}
