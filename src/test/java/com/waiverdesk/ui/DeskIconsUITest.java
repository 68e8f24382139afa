package com.waiverdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.app.AppPaths;
import com.waiverdesk.app.ConfigException;
import com.waiverdesk.app.ConfigOptions;
import com.waiverdesk.app.LoadedConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desk's window gets its icons (every size, decoded) once the desk is ready, and also when it cannot start:
 * they are added after the start, not with the first frame.
 */
@ExtendWith(ApplicationExtension.class)
class DeskIconsUITest {
    private static final int SIZES = 6;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 100, 100));
        stage.show();
    }

    @AfterEach
    void closeDesk(FxRobot robot) {
        robot.interact(() -> desks().forEach(Stage::hide));
    }

    private static List<Stage> desks() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage).map(w -> (Stage) w)
                .filter(s -> s.getTitle() != null && s.getTitle().contains("WaiverDesk")).toList();
    }

    private AppPaths paths() {
        return new AppPaths(dir.resolve("config"), dir.resolve("data"), dir.resolve("logs"), null);
    }

    /** Waits for the desk's window to carry every icon, decoded without error. */
    private static void awaitIcons(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            List<Stage> desks = desks();
            if (desks.size() != 1) {
                return false;
            }
            List<Image> icons = List.copyOf(desks.get(0).getIcons());
            return icons.size() == SIZES && icons.stream().allMatch(i -> i.getProgress() == 1 || i.isError());
        });
        List<Image> icons = List.copyOf(desks().get(0).getIcons());
        assertThat(icons).noneMatch(Image::isError);
        assertThat(icons).extracting(Image::getWidth).containsExactly(16.0, 32.0, 48.0, 64.0, 128.0, 256.0);
    }

    @Test
    void aReadyDeskHasItsIcons(FxRobot robot) throws Exception {
        AppPaths paths = paths();
        Files.createDirectories(paths.configDir());
        Files.writeString(paths.configFile(), "{\"language\": \"en\"}");
        ConfigOptions options = new ConfigOptions();
        LoadedConfig loaded = options.load(paths, Map.of("HOSTNAME", "ADM-W03"));

        robot.interact(() -> new DeskWindow(loaded, null, options, paths, false, null).show());

        awaitIcons(robot);
        assertThat(robot.lookup("#workstationStatus").queryLabeled().getText()).as("the desk was attached first")
                .contains("ADM-W03");
        // and it cannot be made so small that the decision card is cut off
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertThat(desks().get(0).getMinWidth()).isEqualTo(Math.min(DeskWindow.MIN_WIDTH, screen.getWidth()));
        assertThat(desks().get(0).getMinHeight()).isEqualTo(Math.min(DeskWindow.MIN_HEIGHT, screen.getHeight()));
    }

    @Test
    void aDeskThatCannotStartHasItsIconsToo(FxRobot robot) throws Exception {
        robot.interact(() -> new DeskWindow(null, new ConfigException("config.json: \"auditDb\" must be a path"),
                new ConfigOptions(), paths(), false, null).show());

        awaitIcons(robot);
    }
}
