package com.waiverdesk.ui.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionReason;
import com.waiverdesk.domain.EcertFinding;
import com.waiverdesk.domain.EcertFinding.Verdict;
import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.testing.FakeVerificationClient;
import com.waiverdesk.testing.ManualScheduler;
import com.waiverdesk.testing.MemoryAuditLog;
import com.waiverdesk.testing.TestDesks;
import com.waiverdesk.ui.DrawnText;
import com.waiverdesk.ui.common.FxBackgroundRunner;
import com.waiverdesk.ui.common.Texts;
import com.waiverdesk.ui.common.UiFont;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import com.waiverdesk.audit.AuditWriteException;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At the desk's narrowest (720 px wide, 700 high) every outcome's card is read whole in both languages: no label
 * ends in "…", the card stays above the status bar, and the name and ID fields never move; at 150 % the form and
 * card scroll, nothing is cut off, and each answer is scrolled into view. (The timers are held, so
 * the countdown does not change the text while it is measured.)
 */
@ExtendWith(ApplicationExtension.class)
class CardLayoutUITest {
    static final double WIDTH = 720;
    static final double HEIGHT = 700;

    private final FakeVerificationClient client = new FakeVerificationClient();
    private final FxBackgroundRunner runner = new FxBackgroundRunner();
    private Stage stage;

    @Start
    void start(Stage primary) {
        // a window of its own: the toolkit's primary stage keeps the size an earlier test class gave it
        stage = new Stage();
    }

    @AfterEach
    void stopRunnerAndCloseTheWindow(FxRobot robot) {
        runner.close();
        robot.interact(stage::hide);
    }

    @Test
    void everyChineseOutcomeReadsWholeAndTheFormStaysPut(FxRobot robot) throws Exception {
        assertThat(problemsOfEveryOutcome(robot, Locale.SIMPLIFIED_CHINESE, 100)).isEmpty();
    }

    @Test
    void everyEnglishOutcomeReadsWholeAndTheFormStaysPut(FxRobot robot) throws Exception {
        assertThat(problemsOfEveryOutcome(robot, Locale.ENGLISH, 100)).isEmpty();
    }

    /** At 150 % the card no longer fits under the form at 720x700: it scrolls, and still nothing is cut off. */
    @Test
    void atOneHundredFiftyPercentEveryEnglishOutcomeStillReadsWhole(FxRobot robot) throws Exception {
        assertThat(problemsOfEveryOutcome(robot, Locale.ENGLISH, 150)).isEmpty();
    }

    @Test
    void atOneHundredFiftyPercentEveryChineseOutcomeStillReadsWhole(FxRobot robot) throws Exception {
        assertThat(problemsOfEveryOutcome(robot, Locale.SIMPLIFIED_CHINESE, 150)).isEmpty();
    }

    private List<String> problemsOfEveryOutcome(FxRobot robot, Locale locale, int percent) throws Exception {
        List<Step> live = new ArrayList<>();
        for (DeskOutcomes.Outcome outcome : DeskOutcomes.all()) {
            live.add(new Step(outcome.label(), model -> show(robot, model, client, outcome)));
        }
        // the longest status bar: entries waiting for the audit server (issue 13) beside the lists' age and links
        live.add(new Step("startup-audit-server-never-reached", model -> robot.interact(() -> model.startupFailed(
                new AuditWriteException(AuditWriteException.Kind.UNAVAILABLE, "Could not reach the audit server"
                        + " audit.hospital.example:5432 (the network or the server is down). This workstation has not"
                        + " reached the audit server before, so it cannot record checks yet: start it again when the"
                        + " server answers (IT: `waiverdesk audit server status`)", null)))));
        List<String> problems = new ArrayList<>(walk(robot, locale, percent, true,
                model -> {
                    model.attach(TestDesks.desk(client, new MemoryAuditLog(), Duration.ofMinutes(5), locale));
                    model.showAuditWaiting(1234);
                },
                live));
        // the e-certificate's and the paper certificate's cards, through a desk with a paper section
        EcertDesks desks = new EcertDesks(locale);
        problems.addAll(walk(robot, locale, percent, false, model -> model.attach(desks.desk, desks),
                ecertSteps(robot, desks)));
        return problems;
    }

    /** One card to measure: its name and how the clerk gets there. */
    private record Step(String label, Shown show) {
    }

    @FunctionalInterface
    private interface Shown {
        void on(AdmissionViewModel model) throws Exception;
    }

    /**
     * Every e-certificate refusal, acceptance (online, offline) and could-not-verify, the compare-with-ID-card prompt,
     * the paper form itself and each paper decision the window can reach.
     */
    private static List<Step> ecertSteps(FxRobot robot, EcertDesks desks) {
        List<Step> steps = new ArrayList<>();
        LocalDate today = EcertDesks.TODAY;
        steps.add(new Step("ecert-compare-with-id-card", model -> {
            robot.interact(model::clear);
            desks.next = null;
            robot.interact(() -> model.scan().scanned(EcertDesks.VALID));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.scan().holderProperty().get() != null);
            WaitForAsyncUtils.waitForFxEvents();
        }));
        for (Channel channel : new Channel[] {Channel.ECERT_ONLINE, Channel.ECERT_OFFLINE}) {
            for (String category : new String[] {"SUBSISTENCE_ALLOWANCE", "LOW_INCOME_FAMILY"}) {
                steps.add(new Step("ecert-accepted-" + channel + "-" + category, model -> scan(robot, model, desks,
                        finding(channel, Verdict.ACCEPTED, null, null, category, today))));
            }
        }
        for (DecisionReason refusal : new DecisionReason[] {DecisionReason.ECERT_NOT_GENUINE,
                DecisionReason.ECERT_REVOKED, DecisionReason.ECERT_EXPIRED, DecisionReason.ECERT_NOT_YET_VALID,
                DecisionReason.ECERT_NOT_THIS_PATIENT, DecisionReason.ECERT_UNKNOWN_TO_SERVICE}) {
            steps.add(new Step("ecert-" + refusal, model -> scan(robot, model, desks,
                    finding(Channel.ECERT_ONLINE, Verdict.REFUSED, refusal, null, "SUBSISTENCE_ALLOWANCE", today))));
        }
        for (ServiceFailure failure : new ServiceFailure[] {ServiceFailure.ECERT_LISTS_TOO_OLD,
                ServiceFailure.ECERT_LISTS_UNTRUSTED}) {
            steps.add(new Step("ecert-cannot-verify-" + failure, model -> scan(robot, model, desks,
                    finding(Channel.ECERT_OFFLINE, Verdict.CANNOT_VERIFY, null, failure, null, today))));
        }
        EcertFinding listsTooOld = finding(Channel.ECERT_OFFLINE, Verdict.CANNOT_VERIFY, null,
                ServiceFailure.ECERT_LISTS_TOO_OLD, null, today);
        steps.add(new Step("paper-form", model -> {
            scan(robot, model, desks, listsTooOld);
            robot.interact(model.paper()::open);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.paper().maxAgeDaysProperty().get() > 0);
            WaitForAsyncUtils.waitForFxEvents();
        }));
        steps.add(new Step("paper-PAPER_PROVISIONAL_WAIVE", model -> paper(robot, model, desks, listsTooOld,
                "SUBSISTENCE_ALLOWANCE", today.minusDays(10))));
        steps.add(new Step("paper-PAPER_PROVISIONAL_REDUCE", model -> paper(robot, model, desks, listsTooOld,
                "LOW_INCOME_FAMILY", today.minusDays(10))));
        steps.add(new Step("paper-PAPER_CATEGORY_NOT_PROVISIONAL", model -> paper(robot, model, desks, listsTooOld,
                "EXPENDITURE_POVERTY", today.minusDays(10))));
        steps.add(new Step("paper-PAPER_TOO_OLD", model -> paper(robot, model, desks, listsTooOld,
                "SUBSISTENCE_ALLOWANCE", today.minusDays(400))));
        steps.add(new Step("paper-PAPER_REFUND_AFTER_REVIEW", model -> paper(robot, model, desks,
                finding(Channel.ECERT_ONLINE, Verdict.REFUSED, DecisionReason.ECERT_EXPIRED, null,
                        "SUBSISTENCE_ALLOWANCE", today), "SUBSISTENCE_ALLOWANCE", today.minusDays(10))));
        return steps;
    }

    private static EcertFinding finding(Channel channel, Verdict verdict, DecisionReason refusal,
                                        ServiceFailure failure, String category, LocalDate today) {
        boolean read = verdict != Verdict.CANNOT_VERIFY;
        return new EcertFinding(channel, verdict, refusal, failure, null, read ? EcertDesks.HOLDER.certId() : null,
                "DEMO-2026A", category, read ? today.minusDays(30) : null, read ? today.plusDays(60) : null,
                3600L, 1800L, today);
    }

    /** The holder typed, then a certificate scanned into the filled fields; the judge finds {@code finding}. */
    private static void scan(FxRobot robot, AdmissionViewModel model, EcertDesks desks, EcertFinding finding)
            throws Exception {
        robot.interact(model::clear);
        desks.next = finding;
        robot.interact(() -> {
            model.nameProperty().set(EcertDesks.HOLDER.name());
            model.idTextProperty().set(EcertDesks.HOLDER.idNumber());
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> model.scan().scanned(EcertDesks.VALID));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> model.resultProperty().get() != null || model.problemProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** After the check {@code earlier} found, the paper form filled and recorded. */
    private static void paper(FxRobot robot, AdmissionViewModel model, EcertDesks desks, EcertFinding earlier,
                              String category, LocalDate issued) throws Exception {
        scan(robot, model, desks, earlier);
        robot.interact(model.paper()::open);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.paper().maxAgeDaysProperty().get() > 0);
        robot.interact(() -> {
            PaperFormModel form = model.paper().form();
            form.numberProperty().set("HY-2026-00417");
            form.centreProperty().set("长宁区华阳路街道社区事务受理服务中心");
            form.issuedTextProperty().set(issued.toString());
            form.categoryProperty().set(category);
            form.originalSeenProperty().set(true);
            model.paper().submit();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.busyProperty().get()
                && model.resultProperty().get() != null && model.resultProperty().get().channel() == Channel.PAPER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> walk(FxRobot robot, Locale locale, int percent, boolean live,
                              java.util.function.Consumer<AdmissionViewModel> attach, List<Step> steps)
            throws Exception {
        AdmissionViewModel model = new AdmissionViewModel(runner, new ManualScheduler(), TestDesks.CLOCK);
        robot.interact(() -> {
            AdmissionView view = new AdmissionView(model, new Texts(locale));
            view.readability().setPercent(percent);
            // the status bar as the real window has it: its three links shown
            view.setOnOpenSupervisor(() -> { });
            view.setOnOpenSettings(() -> { });
            view.setDiagnostics(desk -> "");
            Scene scene = new Scene(view, WIDTH, HEIGHT);
            scene.getStylesheets().add(
                    AdmissionView.class.getResource("/com/waiverdesk/ui/desk.css").toExternalForm());
            UiFont.apply(scene);
            stage.setScene(scene);
            stage.show();
            attach.accept(model);
        });
        // the first health check's answer changes the status bar's text: measured only once it is in
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> model.serviceStateProperty().get() != ServiceState.STARTING);
        WaitForAsyncUtils.waitForFxEvents();
        Node nameField = robot.lookup("#nameField").query();
        Node idField = robot.lookup("#idField").query();
        double nameY = sceneY(nameField);
        double idY = sceneY(idField);
        List<String> problems = new ArrayList<>();
        for (Step step : steps) {
            step.show().on(model);
            String where = locale + " " + percent + " % " + step.label() + ": ";
            saveIfAsked(robot, locale + "-" + percent + "-" + step.label());
            // the status bar's operator and workstation may shorten when the service state is long (by design, see
            // StatusBar); nothing else may
            for (String cut : DrawnText.cut(robot.lookup(".admission").queryParent())) {
                if (!cut.startsWith("#operatorStatus") && !cut.startsWith("#workstationStatus")) {
                    problems.add(where + "cut off: " + cut);
                }
            }
            if (view(robot).getWidth() > WIDTH || view(robot).minWidth(-1) > WIDTH) {
                problems.add(where + "the window's content is wider than the window: " + view(robot).minWidth(-1));
            }
            // (a live query's card fits under the form at 100 %; an e-certificate's or paper certificate's card has
            // more lines, and the view scrolls to it, the fields with it)
            if (percent == 100 && live && (sceneY(nameField) != nameY || sceneY(idField) != idY)) {
                problems.add(where + "fields moved from y " + nameY + "/" + idY + " to " + sceneY(nameField) + "/"
                        + sceneY(idField));
            }
            Bounds card = robot.lookup("#resultCard").query().localToScene(
                    robot.lookup("#resultCard").query().getLayoutBounds());
            Bounds bar = robot.lookup(".status-bar").query().localToScene(
                    robot.lookup(".status-bar").query().getLayoutBounds());
            if (percent == 100 && card.getMaxY() > bar.getMinY() + 0.5 && !step.label().equals("paper-form")) {
                problems.add(where + "card runs under the status bar (" + card.getMaxY() + " > " + bar.getMinY()
                        + ")");
            }
            // enlarged, the form and card scroll: the answer is scrolled into view, its headline first
            Bounds viewport = robot.lookup(".body-scroll").query().localToScene(
                    robot.lookup(".body-scroll").query().getLayoutBounds());
            double visibleBottom = Math.min(card.getMaxY(), viewport.getMaxY());
            if (step.label().equals("paper-form")) {
                // the open form is what is scrolled into view: its first field at least, its buttons when it fits
                Node number = robot.lookup("#paperNumber").query();
                Node record = robot.lookup("#paperRecordButton").query();
                Bounds first = number.localToScene(number.getLayoutBounds());
                Bounds last = record.localToScene(record.getLayoutBounds());
                if (first.getMinY() < viewport.getMinY() - 0.5 || first.getMaxY() > viewport.getMaxY() + 0.5
                        || percent == 100 && last.getMaxY() > viewport.getMaxY() + 0.5) {
                    problems.add(where + "the paper form is not in view: first field " + first.getMinY()
                            + ", Record " + last.getMaxY() + ", viewport " + viewport.getMinY() + "-"
                            + viewport.getMaxY());
                }
            } else if (card.getMinY() < viewport.getMinY() - 0.5 || visibleBottom - card.getMinY() < 200) {
                problems.add(where + "the card is not in view: card " + card.getMinY() + "-" + card.getMaxY()
                        + ", viewport " + viewport.getMinY() + "-" + viewport.getMaxY());
            }
        }
        return problems;
    }

    /** Types the outcome's input as the clerk would have and waits for its card. */
    static void show(FxRobot robot, AdmissionViewModel model, FakeVerificationClient client,
                     DeskOutcomes.Outcome outcome) throws Exception {
        robot.interact(model::clear);
        if (outcome.answer() != null) {
            client.answering(outcome.answer());
        }
        robot.interact(() -> {
            model.nameProperty().set(outcome.name());
            model.idTextProperty().set(outcome.id());
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(model::verify);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> model.resultProperty().get() != null || model.problemProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** With -Dwaiverdesk.screens=DIR, a PNG of the window per outcome, to look at. */
    private void saveIfAsked(FxRobot robot, String name) throws Exception {
        String dir = System.getProperty("waiverdesk.screens");
        if (dir == null) {
            return;
        }
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        int w = (int) image[0].getWidth();
        int h = (int) image[0].getHeight();
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image[0].getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(Path.of(dir));
        ImageIO.write(png, "png", Path.of(dir, name + ".png").toFile());
    }

    private static javafx.scene.layout.Region view(FxRobot robot) {
        return robot.lookup(".admission").queryAs(javafx.scene.layout.Region.class);
    }

    private static double sceneY(Node node) {
        return node.localToScene(node.getLayoutBounds()).getMinY();
    }
}
