package com.waiverdesk.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.app.Config;
import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.audit.server.ServerAdmin;
import com.waiverdesk.audit.server.ServerAuditLog;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.ResidentId;
import com.waiverdesk.testing.AuditServerFixture;
import com.waiverdesk.ui.common.FxBackgroundRunner;
import com.waiverdesk.ui.common.Texts;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The supervisor's screen on the hospital's audit server, driven with the keyboard against a private PostgreSQL: two
 * windows' entries in one table, the sign-in with the supervisor's own server login (a wrong password and a desk's
 * login refused in words), a filter by workstation, and a review recorded by the server under that login.
 */
@ExtendWith(ApplicationExtension.class)
class ServerAuditScreenPgUITest {
    private static final String DB = "hospital";
    private static final String OWNER_PW = "owner-synthetic-password";
    private static final String DESK_PW = "desk-synthetic-password";
    private static final String SUP_PW = "supervisor-synthetic-pw";
    private static final Instant T0 = Instant.parse("2026-12-06T01:00:00Z");
    private static AuditServerFixture server;
    private static String deskUrl;

    private final Texts texts = new Texts(Locale.ENGLISH);
    private final FxBackgroundRunner runner = new FxBackgroundRunner();
    private AuditViewModel model;

    @BeforeAll
    static void server() throws Exception {
        server = AuditServerFixture.start(DB, OWNER_PW);
        server.init();
        server.addLogin("desk-w01", ServerAdmin.Kind.DESK, DESK_PW);
        server.addLogin("desk-w02", ServerAdmin.Kind.DESK, DESK_PW);
        server.addLogin("zhou.min", ServerAdmin.Kind.SUPERVISOR, SUP_PW);
        deskUrl = server.url("desk-w01");
        try (ServerAuditLog w01 = new ServerAuditLog(server.as("desk-w01", DESK_PW));
             ServerAuditLog w02 = new ServerAuditLog(server.as("desk-w02", DESK_PW))) {
            long first = w01.append(timeout(T0, "310104198507150012", "王秀英", "ADM-W01"));
            w01.append(PaperEntries.paper(T0.plusSeconds(90), "310104198507150012", "王秀英", "JA-2025-0311", first));
            w02.append(PaperEntries.ecert(T0.plusSeconds(300), "11010519491231002X", "李建国", Channel.ECERT_ONLINE));
            w02.append(timeout(T0.plusSeconds(600), "11010519491231002X", "李建国", "ADM-W02"));
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static AuditEntry timeout(Instant time, String id, String name, String workstation) {
        return new AuditEntry(time, null, "clerk", workstation, ResidentId.mask(id), null, name,
                DecisionKind.CANNOT_VERIFY, null, "SERVICE_FAILED:TIMEOUT", List.of(), null, "req-" + time, null, 5000);
    }

    @Start
    void start(Stage stage) {
        Config config = new Config(null, null, null, "zhou.min", "ADM-SUP", java.nio.file.Path.of("unused-spool.db"),
                null, Duration.ofSeconds(5), null, null, Duration.ofSeconds(30), Locale.ENGLISH, null, List.of(), false,
                null, deskUrl);
        Clock clock = Clock.system(AuditFixture.SHANGHAI);
        model = new AuditViewModel(new ServerSignIn(config, clock).services(), runner, Platform::runLater, clock);
        PathChooser chooser = (owner, title, name, type, extension) -> Optional.empty();
        Scene scene = new Scene(new AuditScreen(model, texts, AuditFixture.SHANGHAI, chooser, stage::hide), 1280, 800);
        for (String css : new String[] {"desk.css", "audit/audit.css"}) {
            scene.getStylesheets().add(getClass().getResource("/com/waiverdesk/ui/" + css).toExternalForm());
        }
        stage.setScene(scene);
        stage.show();
        model.start();
    }

    @AfterEach
    void close() {
        runner.close();
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
    }

    @SuppressWarnings("unchecked")
    private static TableView<StoredEntry> table(FxRobot robot) {
        return robot.lookup("#entryTable").queryAs(TableView.class);
    }

    private void signIn(FxRobot robot, String login, String password) {
        robot.interact(() -> {
            robot.lookup("#supervisorField").queryAs(TextField.class).setText("");
            robot.lookup("#passphraseField").queryAs(TextField.class).setText("");
        });
        robot.clickOn("#supervisorField").write(login);
        robot.clickOn("#passphraseField").write(password).type(KeyCode.ENTER);
    }

    @Test
    void aSupervisorSignsInWithTheirServerLoginSeesEveryWindowAndReviewsUnderThatLogin(FxRobot robot)
            throws Exception {
        await(() -> model.login().modeProperty().get() == LoginViewModel.Mode.SIGN_IN);
        assertThat(robot.lookup("#passphraseField").query().getAccessibleText()).isEqualTo(texts.get("audit.login.password"));
        Label notice = robot.lookup("#loginNotice").queryAs(Label.class);

        signIn(robot, "zhou.min", "not-the-password");
        await(() -> texts.get("audit.notice.SERVER_REFUSED").equals(notice.getText()));
        signIn(robot, "desk-w01", DESK_PW);
        await(() -> texts.get("audit.notice.SERVER_REFUSED").equals(notice.getText())
                && !model.login().busyProperty().get());
        assertThat(model.login().modeProperty().get()).as("a desk's login opens nothing")
                .isEqualTo(LoginViewModel.Mode.SIGN_IN);

        signIn(robot, "zhou.min", SUP_PW);
        await(() -> robot.lookup("#entryTable").tryQuery().isPresent() && table(robot).getItems().size() == 4);
        assertThat(table(robot).getItems()).extracting(e -> e.entry().workstation())
                .containsExactly("ADM-W02", "ADM-W02", "ADM-W01", "ADM-W01");

        // the charts count each window's checks (two each), read from the server
        javafx.scene.control.TabPane tabs = robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "chartsTab".equals(t.getId())).findFirst().orElseThrow()));
        @SuppressWarnings("unchecked")
        javafx.scene.chart.BarChart<String, Number> perWindow = robot.lookup("#perWorkstationChart")
                .queryAs(javafx.scene.chart.BarChart.class);
        await(() -> perWindow.isVisible() && !perWindow.getData().isEmpty()
                && perWindow.getData().get(0).getData().size() == 2);
        assertThat(perWindow.getData().get(0).getData()).extracting(d -> d.getXValue() + "=" + d.getYValue())
                .containsExactlyInAnyOrder("ADM-W01=2", "ADM-W02=2");
        robot.interact(() -> tabs.getSelectionModel().select(0));

        robot.clickOn("#workstationFilter").write("ADM-W01").type(KeyCode.ENTER);
        await(() -> table(robot).getItems().size() == 2
                && table(robot).getItems().stream().allMatch(e -> e.entry().workstation().equals("ADM-W01")));

        robot.interact(() -> table(robot).getSelectionModel().select(0));
        await(() -> robot.lookup("#detailPane .label").queryAll().stream()
                .anyMatch(n -> "desk-w01".equals(((Label) n).getText())));
        assertThat(robot.lookup("#detailPane .label").queryAll()).extracting(n -> ((Label) n).getText())
                .as("the login that wrote it, and that it did not wait in a spool")
                .contains(texts.get("audit.detail.writer"), texts.get("audit.detail.spooled.no"));

        List<String> before = accessEvents();
        assertThat(before).contains("OPEN_AUDIT zhou.min zhou.min");
        assertThat(before).noneMatch(e -> e.contains("desk-w01") && e.startsWith("OPEN_AUDIT"));
        robot.press(KeyCode.CONTROL).press(KeyCode.R).release(KeyCode.R).release(KeyCode.CONTROL);
        await(() -> robot.lookup("#reviewTable").queryAs(TableView.class).isFocused()
                && robot.lookup("#reviewTable").queryAs(TableView.class).getItems().size() == 1);
        robot.type(KeyCode.A);
        await(() -> robot.lookup("#reviewReason").tryQuery().isPresent());
        robot.clickOn("#reviewReason").write("original seen").type(KeyCode.ENTER);
        await(() -> accessEvents().stream().anyMatch(e -> e.startsWith("REVIEW_APPROVED")));
        assertThat(accessEvents()).filteredOn(e -> e.startsWith("REVIEW_"))
                .containsExactly("REVIEW_APPROVED zhou.min zhou.min");
        assertThat(accessEvents()).as("each search recorded by the server under the login")
                .anyMatch(e -> e.equals("SEARCH zhou.min zhou.min"));
    }

    /** Action, the supervisor column and the server's writer (session_user), read as the database's superuser. */
    private static List<String> accessEvents() throws Exception {
        List<String> events = new ArrayList<>();
        try (Connection c = server.pg().superuserConnection(DB); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT action, supervisor, writer FROM waiverdesk.access_entry ORDER BY"
                     + " seq")) {
            while (rs.next()) {
                events.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return events;
    }
}
