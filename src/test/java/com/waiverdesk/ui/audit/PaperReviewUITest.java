package com.waiverdesk.ui.audit;

import static com.waiverdesk.ui.audit.ReviewRobot.await;
import static com.waiverdesk.ui.audit.ReviewRobot.dialog;
import static com.waiverdesk.ui.audit.ReviewRobot.queueTable;
import static com.waiverdesk.ui.audit.ReviewRobot.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.app.Config;
import com.waiverdesk.app.Supervision;
import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.audit.Review;
import com.waiverdesk.audit.SqliteAuditLog;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.ResidentId;
import com.waiverdesk.ui.common.FxBackgroundRunner;
import com.waiverdesk.ui.common.Texts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two paper certificates recorded in a real audit log (SQLite, in a temporary folder) are approved and rejected from
 * the supervisor's review queue with the keyboard; the access chain then holds both reviews and the queue is empty.
 */
@ExtendWith(ApplicationExtension.class)
class PaperReviewUITest {
    private static final String FIRST_ID = "310104198507150012";
    private static final String SECOND_ID = "11010519491231002X";
    private static final Instant T0 = Instant.parse("2026-12-06T01:00:00Z");

    @TempDir
    static Path dir;

    private final Texts texts = new Texts(Locale.ENGLISH);
    private final FxBackgroundRunner runner = new FxBackgroundRunner();
    private Supervision supervision;
    private AuditViewModel model;

    private static Config config() {
        return new Config(null, null, null, "w01-wang", "ADM-SUP", dir.resolve("audit.db"), null,
                Duration.ofSeconds(5), null, null, Duration.ofSeconds(30), Locale.ENGLISH);
    }

    private static AuditEntry timeout(Instant time, String id, String name) {
        return new AuditEntry(time, null, "w01-wang", "ADM-W01", ResidentId.mask(id), null, name,
                DecisionKind.CANNOT_VERIFY, null, "SERVICE_FAILED:TIMEOUT", List.of(), null, "req-" + name.length(),
                null, 5000);
    }

    @Start
    void start(Stage stage) throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(dir.resolve("audit.db"))) {
            long first = log.append(timeout(T0, FIRST_ID, "王秀英"));
            log.append(PaperEntries.paper(T0.plusSeconds(90), FIRST_ID, "王秀英", "JA-2025-0311", first));
            log.append(PaperEntries.ecert(T0.plusSeconds(300), SECOND_ID, "李建国", Channel.ECERT_ONLINE));
            long third = log.append(timeout(T0.plusSeconds(600), SECOND_ID, "李建国"));
            log.append(PaperEntries.paper(T0.plusSeconds(660), SECOND_ID, "李建国", "JA-2025-0420", third));
        }
        supervision = Supervision.open(config());
        Clock clock = Clock.system(AuditFixture.SHANGHAI);
        AuditServices services = new AuditServices(supervision.reader(), supervision.accessLog(),
                SupervisionActions.forOperator(supervision, "w01-wang"), new FakeGate(clock, AuditFixture.PASSPHRASE),
                supervision.idHasher()::hash, supervision.workstation(), 180, null);
        model = new AuditViewModel(services, runner, Platform::runLater, clock);
        ReviewRobot.show(stage, model, texts, 1280, 800);
    }

    @AfterEach
    void close() {
        runner.close();
        supervision.close();
    }

    private static javafx.scene.control.TextField reasonField() {
        return (javafx.scene.control.TextField) dialog().getScene().getRoot().lookup("#reviewReason");
    }

    @Test
    void aPaperCertificateIsApprovedAndAnotherRejectedFromTheQueue(FxRobot robot) throws Exception {
        Tab tab = signIn(robot, model, "Head nurse Zhou");
        await(() -> tab.getText().equals(texts.get("audit.tab.review", 2)));

        robot.press(KeyCode.CONTROL).press(KeyCode.R).release(KeyCode.R).release(KeyCode.CONTROL);
        await(() -> tab.isSelected() && queueTable(robot).isFocused());
        assertThat(queueTable(robot).getItems()).extracting(StoredEntry::seq).containsExactly(2L, 5L);
        assertThat(queueTable(robot).getSelectionModel().getSelectedItem().seq()).isEqualTo(2);

        robot.type(KeyCode.R);
        await(() -> dialog() != null && dialog().isFocused() && reasonField().isFocused());
        robot.type(KeyCode.ESCAPE);
        await(() -> dialog() == null);
        await(() -> queueTable(robot).isFocused());
        assertThat(robot.window(0).isShowing()).as("Esc closed only the dialog").isTrue();
        assertThat(supervision.reader().review(2)).as("nothing recorded").isEmpty();

        robot.type(KeyCode.A);
        await(() -> dialog() != null && dialog().isFocused() && reasonField().isFocused());
        assertThat(reasonField().getText()).as("the A that opened it is not typed in it").isEmpty();
        // TestFX writes text into the window it last targeted: the click makes that the dialog
        robot.clickOn("#reviewReason").write("original seen, stamp matches").type(KeyCode.ENTER);
        await(() -> tab.getText().equals(texts.get("audit.tab.review", 1)));
        await(() -> queueTable(robot).isFocused()
                && queueTable(robot).getSelectionModel().getSelectedItem().seq() == 5);

        robot.type(KeyCode.R);
        await(() -> dialog() != null && dialog().isFocused());
        Button reject = (Button) dialog().getScene().getRoot().lookup("#confirmReject");
        assertThat(((javafx.scene.control.TextField) dialog().getScene().getRoot().lookup("#reviewReason")).getText())
                .isEmpty();
        assertThat(reject.isDisabled()).as("no rejection without a reason").isTrue();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog()).as("Enter with no reason rejects nothing").isNotNull();
        robot.clickOn("#reviewReason").write("centre stamp belongs to another district").type(KeyCode.ENTER);

        await(() -> tab.getText().equals(texts.get("audit.tab.review", 0)));
        await(() -> robot.lookup("#reviewPlaceholder").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#auditNotice").queryAs(Label.class).getText())
                .isEqualTo(texts.get("audit.notice.REJECTED", "5"));

        assertThat(supervision.reader().pendingReviews()).isZero();
        Review approved = supervision.reader().review(2).orElseThrow();
        assertThat(approved.approved()).isTrue();
        assertThat(approved.reason()).isEqualTo("original seen, stamp matches");
        assertThat(approved.supervisor()).isEqualTo("Head nurse Zhou");
        Review rejected = supervision.reader().review(5).orElseThrow();
        assertThat(rejected.approved()).isFalse();
        assertThat(rejected.reason()).isEqualTo("centre stamp belongs to another district");
        // read from the database itself, not through the reader under test
        assertThat(accessEvents()).filteredOn(e -> e.startsWith("REVIEW_")).containsExactly(
                "REVIEW_APPROVED Head nurse Zhou entry 2; reason: original seen, stamp matches",
                "REVIEW_REJECTED Head nurse Zhou entry 5; reason: centre stamp belongs to another district");
        assertThat(supervision.verify(ProgressListener.NONE).intact()).isTrue();
    }

    private static List<String> accessEvents() throws Exception {
        List<String> events = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("audit.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT action, supervisor, detail FROM access_entry ORDER BY seq")) {
            while (rs.next()) {
                events.add((rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).strip());
            }
        }
        return events;
    }
}
