package com.waiverdesk.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.ui.DrawnText;
import com.waiverdesk.ui.common.FxBackgroundRunner;
import com.waiverdesk.ui.common.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The supervisor's real flows with a robot: sign in, search, detail, verify, export with progress, paging. */
@ExtendWith(ApplicationExtension.class)
class AuditUITest {
    private static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;
    @TempDir
    static Path dir;
    private final Texts texts = new Texts(LOCALE);
    private final AuditFixture fx = new AuditFixture();
    private final FxBackgroundRunner runner = new FxBackgroundRunner();
    private final Path exportTarget = dir.resolve("export-" + System.nanoTime() + ".csv");
    private AuditViewModel model;

    @Start
    void start(Stage stage) {
        model = fx.model(runner, Platform::runLater);
        PathChooser chooser = (owner, title, name, type, extension) -> Optional.of(exportTarget);
        AuditScreen screen = new AuditScreen(model, texts, AuditFixture.SHANGHAI, chooser, stage::hide);
        // within Monocle's 1280x800 headless screen, or its painter overflows
        Scene scene = new Scene(screen, 1200, 760);
        scene.getStylesheets().add(css("desk.css"));
        scene.getStylesheets().add(css("audit/audit.css"));
        stage.setScene(scene);
        stage.show();
        model.start();
    }

    private static String css(String name) {
        return AuditUITest.class.getResource("/com/waiverdesk/ui/" + name).toExternalForm();
    }

    @AfterEach
    void noQueryRanOnTheFxThread() {
        runner.close();
        assertThat(fx.reader.callsOnFxThread.get()).isZero();
    }

    private static void await(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    @SuppressWarnings("unchecked")
    private TableView<StoredEntry> table(FxRobot robot) {
        return robot.lookup("#entryTable").queryAs(TableView.class);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** The table row showing entry {@code index} (rows are recycled, so scene order says nothing). */
    private static Node row(FxRobot robot, int index) throws TimeoutException {
        // the table makes its row cells at the next layout pass after the items arrive
        await(() -> robot.lookup(".table-row-cell").match(n -> ((TableRow<?>) n).getIndex() == index
                && ((TableRow<?>) n).getItem() != null).tryQuery().isPresent());
        return robot.lookup(".table-row-cell").match(n -> ((TableRow<?>) n).getIndex() == index).query();
    }

    private void signIn(FxRobot robot) throws TimeoutException {
        await(() -> model.login().modeProperty().get() == LoginViewModel.Mode.SIGN_IN);
        robot.clickOn("#supervisorField").write("Zhou");
        robot.clickOn("#passphraseField").write(AuditFixture.PASSPHRASE).type(KeyCode.ENTER);
        await(() -> robot.lookup("#entryTable").tryQuery().isPresent() && !table(robot).getItems().isEmpty());
    }

    @Test
    void wrongPassphraseSaysSoAndKeepsTheAuditClosed(FxRobot robot) throws TimeoutException {
        await(() -> model.login().modeProperty().get() == LoginViewModel.Mode.SIGN_IN);
        robot.clickOn("#supervisorField").write("Zhou");
        robot.clickOn("#passphraseField").write("not the passphrase").type(KeyCode.ENTER);

        await(() -> !text(robot, "#loginNotice").isEmpty() && !model.login().busyProperty().get());
        assertThat(text(robot, "#loginNotice")).isEqualTo(texts.get("audit.notice.WRONG_PASSPHRASE", 4));
        assertThat(robot.lookup("#entryTable").tryQuery()).isEmpty();
    }

    @Test
    void signInSearchByFiltersAndSeeTheDetailOfAnEntry(FxRobot robot) throws TimeoutException {
        signIn(robot);
        assertThat(text(robot, "#signedInAs")).contains("Zhou");

        robot.clickOn("#operatorFilter").write("w01-wang");
        robot.interact(() -> model.form().decisions().add(DecisionKind.WAIVE));
        robot.clickOn("#nameFilter").write("Maria").type(KeyCode.ENTER);

        long expected = fx.rows.stream().filter(r -> r.entry().operator().equals("w01-wang")
                && r.entry().decision() == DecisionKind.WAIVE && r.entry().name().contains("Maria")).count();
        await(() -> text(robot, "#matchCount").equals(texts.get("audit.count", expected)));
        assertThat(expected).isPositive();
        assertThat(table(robot).getItems()).hasSize((int) expected).allSatisfy(row -> {
            assertThat(row.entry().operator()).isEqualTo("w01-wang");
            assertThat(row.entry().name()).isEqualTo("Maria Garcia");
        });
        assertThat(fx.access.actions()).containsExactly(AccessEvent.Action.OPEN_AUDIT, AccessEvent.Action.SEARCH);

        robot.clickOn(row(robot, 0));
        StoredEntry first = table(robot).getItems().get(0);
        await(() -> robot.lookup("#detailPane .audit-detail-title").queryAs(Label.class).getText()
                .equals(texts.get("audit.detail.title", Long.toString(first.seq()))));
        assertThat(robot.lookup("#detailPane .audit-detail-value").queryAllAs(Label.class)).extracting(Label::getText)
                .contains(first.entry().maskedId(), "Maria Garcia", "免押金", "按救助类别免押金", "最低生活保障（低保）",
                        "SH-2018-DEPOSIT", "1.4.0",
                        texts.get("audit.detail.service.real", "https://verify.example.gov.cn/gw/"))
                .doesNotContain("WAIVED_BY_CATEGORY", "SUBSISTENCE_ALLOWANCE");
        assertThat(text(robot, "#chainStatus")).isEqualTo(texts.get("audit.chain.NOT_VERIFIED"));
    }

    @Test
    void theErrorColumnSaysWhatWentWrongInWordsAndTimesCarryTheirOffset(FxRobot robot) throws TimeoutException {
        signIn(robot);
        // SyntheticEntries: seq % 7 == 5 is rate limited (299), == 6 an ID of the wrong length (300, the newest)
        await(() -> robot.lookup(".table-row-cell").match(n -> ((TableRow<?>) n).getIndex() == 1
                && ((TableRow<?>) n).getItem() != null).tryQuery().isPresent());
        List<String> wrongLength = cells(robot, indexOfSeq(robot, 300));
        List<String> rateLimited = cells(robot, indexOfSeq(robot, 299));

        assertThat(rateLimited).contains("无法核验", "平台繁忙（限流）");
        assertThat(wrongLength).contains("输入有误", "身份证号位数不对");
        assertThat(wrongLength).anySatisfy(cell -> assertThat(cell).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\+08:00"));
    }

    @Test
    void tickingTwoDecisionsInTheCheckListShowsEitherAndTheListSaysWhichAreTicked(FxRobot robot)
            throws TimeoutException {
        signIn(robot);
        @SuppressWarnings("unchecked")
        CheckComboBox<DecisionKind> decisions = robot.lookup("#decisionFilter").queryAs(CheckComboBox.class);
        assertThat(decisions.getTitle()).isEqualTo(texts.get("audit.filter.all"));

        robot.clickOn("#decisionFilter");
        robot.clickOn(checkBoxOf(robot, "免押金"));
        robot.clickOn(checkBoxOf(robot, "减押金"));
        robot.type(KeyCode.ESCAPE);
        robot.clickOn("#searchButton");

        await(() -> fx.reader.pageFilters.size() > 1 && !table(robot).getItems().isEmpty()
                && model.matchCountProperty().get() != null);
        AuditFilter applied = fx.reader.pageFilters.get(fx.reader.pageFilters.size() - 1);
        assertThat(applied.decisions()).containsExactly(DecisionKind.WAIVE, DecisionKind.REDUCE);
        assertThat(table(robot).getItems()).extracting(r -> r.entry().decision())
                .containsOnly(DecisionKind.WAIVE, DecisionKind.REDUCE).contains(DecisionKind.WAIVE, DecisionKind.REDUCE);
        assertThat(decisions.getTitle()).isNull();

        robot.clickOn("#clearFiltersButton");
        await(() -> decisions.getCheckModel().getCheckedItems().isEmpty());
        assertThat(decisions.getTitle()).isEqualTo(texts.get("audit.filter.all"));
    }

    @Test
    void theErrorCheckListOffersTheErrorsOfTheLogInWords(FxRobot robot) throws TimeoutException {
        signIn(robot);
        @SuppressWarnings("unchecked")
        CheckComboBox<String> errors = robot.lookup("#errorFilter").queryAs(CheckComboBox.class);
        await(() -> errors.getItems().size() == 2);

        assertThat(errors.getItems()).extracting(key -> errors.getConverter().toString(key))
                .containsExactly("身份证号位数不对", "平台繁忙（限流）");
    }

    @Test
    void chartsShowPercentagesOnAFixedScaleAndCountsInWholeSteps(FxRobot robot) throws TimeoutException {
        // the server's charts: four in the lower row
        fx.reader.perWindow = true;
        signIn(robot);
        robot.clickOn(texts.get("audit.tab.charts"));
        await(() -> model.chartsProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        // every title and axis label whole in a window narrower than a 1280-pixel screen, in Chinese
        assertThat(robot.lookup("#perWorkstationChart").query().isVisible()).isTrue();
        assertThat(DrawnText.cut(robot.lookup("#chartsPane").queryParent())).isEmpty();
        NumberAxis percent = (NumberAxis) robot.lookup("#failureRateChart").queryAs(XYChart.class).getYAxis();
        assertThat(percent.isAutoRanging()).isFalse();
        assertThat(percent.getLowerBound()).isZero();
        assertThat(percent.getUpperBound()).isEqualTo(100);
        for (String id : List.of("#perDayChart", "#perOperatorChart")) {
            NumberAxis counts = (NumberAxis) robot.lookup(id).queryAs(XYChart.class).getYAxis();
            assertThat(counts.getTickUnit()).as(id).isGreaterThanOrEqualTo(1);
            assertThat(counts.getTickUnit() % 1).as(id).isZero();
            assertThat(counts.getUpperBound()).as(id).isPositive();
        }
        // a day is a day of the workstation's zone, and the axis says which
        assertThat(robot.lookup("#perDayChart").queryAs(XYChart.class).getXAxis().getLabel()).contains("UTC+08:00");
    }

    @Test
    void aRefusedFilterLeavesNoRowsAndTheTableSaysWhy(FxRobot robot) throws TimeoutException {
        signIn(robot);
        robot.interact(() -> {
            model.form().fromProperty().set(java.time.LocalDate.of(2025, 3, 1));
            model.form().toProperty().set(java.time.LocalDate.of(2025, 2, 1));
        });
        robot.clickOn("#searchButton");

        await(() -> table(robot).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#tablePlaceholder")).startsWith(texts.get("audit.notice.DATES_BACKWARDS"))
                .contains("没有查询");
        assertThat(text(robot, "#matchCount")).isEmpty();
    }

    /** The check box of an item in an open check list's popup (the table has cells with the same words). */
    private static Node checkBoxOf(FxRobot robot, String words) throws TimeoutException {
        await(() -> robot.lookup(".list-cell").match(c -> words.equals(((javafx.scene.control.ListCell<?>) c)
                .getText())).tryQuery().isPresent());
        Node cell = robot.lookup(".list-cell").match(c -> words.equals(((javafx.scene.control.ListCell<?>) c)
                .getText())).query();
        return robot.from(cell).lookup(".check-box").query();
    }

    private int indexOfSeq(FxRobot robot, long seq) {
        List<StoredEntry> items = table(robot).getItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).seq() == seq) {
                return i;
            }
        }
        throw new AssertionError("entry " + seq + " not loaded");
    }

    /** The texts of the cells of the row showing entry {@code index}. */
    private static List<String> cells(FxRobot robot, int index) throws TimeoutException {
        Node row = row(robot, index);
        return robot.from(row).lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .map(c -> c.getText() == null ? "" : c.getText()).toList();
    }

    @Test
    void verifyIntegrityShowsIntactAndMarksTheEntry(FxRobot robot) throws TimeoutException {
        signIn(robot);

        robot.clickOn("#verifyButton");

        await(() -> text(robot, "#auditNotice").equals(texts.get("audit.notice.VERIFY_INTACT", 300L)));
        robot.clickOn(row(robot, 2));
        await(() -> text(robot, "#chainStatus").equals(texts.get("audit.chain.VERIFIED")));
        assertThat(fx.access.actions()).endsWith(AccessEvent.Action.VERIFY);
    }

    @Test
    void exportToAFileShowsProgressThenWhereItWent(FxRobot robot) throws Exception {
        signIn(robot);
        fx.actions.holdHalfWay();

        robot.clickOn("#exportCsvButton");

        assertThat(fx.actions.halfWay.await(10, TimeUnit.SECONDS)).isTrue();
        ProgressBar bar = robot.lookup("#jobProgress").queryAs(ProgressBar.class);
        await(() -> bar.getParent().isVisible() && bar.getProgress() == 0.5);
        assertThat(robot.lookup("#exportCsvButton").query().isDisabled()).isTrue();
        assertThat(text(robot, "#jobName")).isEqualTo(texts.get("audit.action.EXPORT_CSV"));
        fx.actions.release();

        await(() -> text(robot, "#auditNotice").equals(texts.get("audit.notice.EXPORTED", exportTarget.toString())));
        assertThat(Files.readString(exportTarget)).startsWith("\uFEFF");
        assertThat(bar.getParent().isVisible()).isFalse();
        assertThat(fx.access.actions()).endsWith(AccessEvent.Action.EXPORT_CSV);
    }

    @Test
    void scrollingToTheEndLoadsTheNextPage(FxRobot robot) throws TimeoutException {
        signIn(robot);
        assertThat(table(robot).getItems()).hasSize(AuditViewModel.PAGE_SIZE);

        robot.clickOn(row(robot, 0));
        robot.type(KeyCode.END);

        await(() -> table(robot).getItems().size() > AuditViewModel.PAGE_SIZE);
        // keyset pages of PAGE_SIZE, asked for one at a time; END may go on to ask for the last one too
        assertThat(fx.reader.pageKeys).startsWith(Long.MAX_VALUE, 201L);
    }
}
