package com.waiverdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.waiverdesk.app.AppPaths;
import com.waiverdesk.app.ConfigOptions;
import com.waiverdesk.app.LoadedConfig;
import com.waiverdesk.ui.common.UiFont;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
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
 * The real desk, its "ask at start" dialog and the supervisor's sign-in get the UI font family chosen from the
 * families the test says are installed; with none of the preferred ones installed nothing changes.
 */
@ExtendWith(ApplicationExtension.class)
class UiFontUITest {
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 100, 100));
        stage.show();
    }

    @AfterEach
    void closeWindowsAndUseTheMachinesFonts(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream().filter(w -> w instanceof Stage).map(w -> (Stage) w)
                .filter(s -> s.getTitle() != null && s.getTitle().contains("WaiverDesk")).toList()
                .forEach(Stage::hide));
        UiFont.useMachineFonts();
    }

    private void openDesk(FxRobot robot, String userConfig) throws Exception {
        AppPaths paths = new AppPaths(dir.resolve("config"), dir.resolve("data"), dir.resolve("logs"), null);
        Files.createDirectories(paths.configDir());
        Files.writeString(paths.configFile(), userConfig);
        ConfigOptions options = new ConfigOptions();
        LoadedConfig loaded = options.load(paths, Map.of("HOSTNAME", "ADM-W03"));
        robot.interact(() -> new DeskWindow(loaded, null, options, paths, false, null).show());
    }

    /** Families really on this machine (so a font of that family can be made), to see the CSS take effect. */
    private static List<String> realFamilies(FxRobot robot) {
        List<List<String>> found = new java.util.ArrayList<>();
        robot.interact(() -> found.add(Font.getFamilies().stream()
                .filter(f -> Font.font(f, 13).getFamily().equals(f)
                        && Font.font(f, FontWeight.BOLD, 13).getFamily().equals(f))
                .limit(2).toList()));
        return found.get(0);
    }

    private static String family(FxRobot robot, String query) {
        Object node = robot.lookup(query).query();
        return node instanceof Labeled labeled ? labeled.getFont().getFamily()
                : ((TextField) node).getFont().getFamily();
    }

    private static void await(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theDeskItsDialogAndTheSupervisorsScreenUseTheInstalledPreferredFamilies(FxRobot robot) throws Exception {
        List<String> real = realFamilies(robot);
        assumeTrue(real.size() == 2, "needs two font families on the machine");
        String ui = real.get(0);
        String fixedWidth = real.get(1);
        UiFont.useFamilies(List.of("No Such Family", ui), List.of("No Such Mono", fixedWidth),
                () -> List.of("Latin Only Sans", fixedWidth, ui));

        openDesk(robot, "{\"operatorIdMode\": \"ask\", \"language\": \"en\"}");
        await(robot, "#operatorIdField");

        assertThat(family(robot, ".app-title")).isEqualTo(ui);
        assertThat(family(robot, ".id-field")).isEqualTo(fixedWidth);
        assertThat(family(robot, "#operatorIdField")).as("the dialog's field").isEqualTo(ui);
        assertThat(family(robot, "#operatorIdProblem")).as("the dialog's label").isEqualTo(ui);

        robot.clickOn("#operatorIdField").write("w03-zhao").press(KeyCode.ENTER).release(KeyCode.ENTER);
        robot.clickOn(".app-title");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        await(robot, "#supervisorField");
        assertThat(family(robot, "#supervisorField")).as("the sign-in, after the window replaced its root")
                .isEqualTo(ui);
        assertThat(family(robot, ".audit-login-title")).isEqualTo(ui);
    }

    @Test
    void withNoPreferredFamilyInstalledTheWindowKeepsJavaFxsDefault(FxRobot robot) throws Exception {
        UiFont.useFamilies(UiFont.PREFERRED, UiFont.PREFERRED_MONOSPACE, () -> List.of("Latin Only Sans"));

        openDesk(robot, "{\"language\": \"en\"}");
        await(robot, ".app-title");

        Scene desk = robot.lookup(".app-title").query().getScene();
        assertThat(desk.getStylesheets()).hasSize(1).allMatch(sheet -> sheet.endsWith("desk.css"));
        assertThat(family(robot, ".app-title")).isEqualTo(Font.getDefault().getFamily());
    }
}
