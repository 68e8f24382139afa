package com.waiverdesk.ui.audit;

import static com.waiverdesk.ui.audit.ReviewRobot.await;
import static com.waiverdesk.ui.audit.ReviewRobot.dialog;
import static com.waiverdesk.ui.audit.ReviewRobot.queueTable;
import static com.waiverdesk.ui.audit.ReviewRobot.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.ui.common.FxBackgroundRunner;
import com.waiverdesk.ui.common.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 5,000 paper certificates waiting, with a robot: the review tab lists the oldest hundred and says how many wait, the
 * next hundred come when the supervisor reaches the end of the list, and a review there counts down the whole queue.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewPaneUITest {
    private static final long WAITING = 5_000;
    private static final long FIRST = AuditFixture.ROWS + 1;
    private final Texts texts = new Texts(Locale.ENGLISH);
    private final AuditFixture fx = new AuditFixture();
    private final FxBackgroundRunner runner = new FxBackgroundRunner();
    private AuditViewModel model;

    @Start
    void start(Stage stage) {
        Instant t = SyntheticEntries.NEWEST;
        for (long seq = FIRST; seq < FIRST + WAITING; seq++) {
            t = t.plus(Duration.ofMinutes(3));
            fx.reader.rows.add(new StoredEntry(seq, PaperEntries.paper(t, SyntheticEntries.IDS[(int) (seq % 4)],
                    "王秀英", "JA-" + seq, null), "p" + seq, "h" + seq));
        }
        model = fx.model(runner, Platform::runLater);
        ReviewRobot.show(stage, model, texts, 1200, 760);
    }

    @AfterEach
    void noQueryRanOnTheFxThread() {
        runner.close();
        assertThat(fx.reader.callsOnFxThread.get()).isZero();
    }

    @Test
    void theQueueLoadsAsTheSupervisorReachesItsEndAndAReviewCountsItDown(FxRobot robot) throws Exception {
        Tab tab = signIn(robot, model, "Head nurse Zhou");
        await(() -> tab.getText().equals(texts.get("audit.tab.review", WAITING)));

        robot.press(KeyCode.CONTROL).press(KeyCode.R).release(KeyCode.R).release(KeyCode.CONTROL);
        await(() -> tab.isSelected() && queueTable(robot).isFocused());
        assertThat(queueTable(robot).getItems()).hasSize(ReviewQueue.PAGE_SIZE);
        Label shown = robot.lookup("#reviewShown").queryAs(Label.class);
        assertThat(shown.isVisible()).isTrue();
        assertThat(shown.getText()).isEqualTo(texts.get("audit.queue.shown", ReviewQueue.PAGE_SIZE, WAITING));

        // End selects the last loaded entry: its row near the end asks for the next page
        robot.type(KeyCode.END);
        await(() -> queueTable(robot).getItems().size() == 2 * ReviewQueue.PAGE_SIZE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(queueTable(robot).getItems()).extracting(StoredEntry::seq).startsWith(FIRST).endsWith(FIRST + 199)
                .doesNotHaveDuplicates();
        assertThat(fx.reader.queuePageSizes).containsOnly(ReviewQueue.PAGE_SIZE);
        assertThat(fx.reader.queueRowsHandedOut.get()).as("the screen holds what it was given, no more")
                .isEqualTo(queueTable(robot).getItems().size());
        assertThat(shown.getText()).isEqualTo(texts.get("audit.queue.shown", 2 * ReviewQueue.PAGE_SIZE, WAITING));
        StoredEntry selected = queueTable(robot).getSelectionModel().getSelectedItem();
        assertThat(selected.seq()).isEqualTo(FIRST + ReviewQueue.PAGE_SIZE - 1);

        robot.type(KeyCode.A);
        await(() -> dialog() != null && dialog().isFocused());
        robot.clickOn("#reviewReason").write("original seen").type(KeyCode.ENTER);
        await(() -> tab.getText().equals(texts.get("audit.tab.review", WAITING - 1)));
        await(() -> queueTable(robot).getSelectionModel().getSelectedItem() != null
                && queueTable(robot).getSelectionModel().getSelectedItem().seq() == FIRST + ReviewQueue.PAGE_SIZE);
        assertThat(queueTable(robot).getItems()).doesNotContain(selected);
        assertThat(fx.actions.reviews).containsExactly("APPROVE " + selected.seq() + " original seen by Head nurse Zhou");
    }
}
