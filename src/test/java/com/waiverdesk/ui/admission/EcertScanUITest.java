package com.waiverdesk.ui.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.testing.TestDesks;
import com.waiverdesk.ui.common.FxBackgroundRunner;
import com.waiverdesk.ui.common.FxScheduler;
import com.waiverdesk.ui.common.Texts;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The e-certificate in the clerk's window with a robot: a scanner typing at 1 ms per character wherever the focus
 * is, the holder filled from the certificate and confirmed, a certificate checked against typed fields, and a QR
 * image opened.
 */
@ExtendWith(ApplicationExtension.class)
class EcertScanUITest {
    private static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;
    private final Texts texts = new Texts(LOCALE);
    private final FxBackgroundRunner runner = new FxBackgroundRunner();
    private final EcertDesks desks = new EcertDesks(LOCALE);
    private AdmissionView view;

    @TempDir
    Path folder;

    @Start
    void start(Stage stage) {
        AdmissionViewModel model = new AdmissionViewModel(runner, new FxScheduler(), TestDesks.CLOCK);
        view = new AdmissionView(model, texts);
        AdmissionStage.show(stage, view);
        model.attach(desks.desk, desks);
        view.focusFirstField();
    }

    @AfterEach
    void stopRunner() {
        runner.close();
    }

    private static TextField field(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class);
    }

    private static Node card(FxRobot robot) {
        return robot.lookup("#resultCard").query();
    }

    private static void awaitCard(FxRobot robot, String styleClass) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> card(robot).getStyleClass().contains(styleClass));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String cardText(FxRobot robot) {
        return robot.from(card(robot)).lookup(".label").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).map(Label::getText).reduce("", (a, b) -> a + "\n" + b);
    }

    private static void scan(FxRobot robot, String text) {
        KeyboardWedge.scan(robot.lookup("#nameField").query().getScene(), text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aScanAtScannerSpeedIntoEmptyFieldsFillsThemMaskedAndDecidesOnlyOnConfirm(FxRobot robot) throws Exception {
        assertThat(EcertDesks.VALID.length()).isBetween(1000, 1200);
        scan(robot, EcertDesks.VALID);
        awaitCard(robot, "confirm");

        assertThat(field(robot, "#nameField").getText()).isEqualTo("王秀英");
        assertThat(field(robot, "#idField").getText()).isEqualTo(EcertDesks.HOLDER.maskedId())
                .doesNotContain(TestDesks.WAIVE_ID.substring(6, 14));
        assertThat(field(robot, "#nameField").isEditable()).isFalse();
        assertThat(cardText(robot)).contains(texts.get("card.holder.title"));
        assertThat(desks.audit.entries).as("nothing decided before the clerk compared").isEmpty();
        assertThat(desks.judged).isEmpty();

        robot.type(KeyCode.ENTER);
        awaitCard(robot, "waive");
        assertThat(desks.judged).containsExactly("王秀英/" + TestDesks.WAIVE_ID);
        assertThat(desks.audit.entries).singleElement()
                .satisfies(entry -> assertThat(entry.channel()).isEqualTo(Channel.ECERT_ONLINE));
        assertThat(cardText(robot)).contains(texts.get("card.channel.ECERT_ONLINE"))
                .contains(texts.get("card.ecert.id", EcertDesks.HOLDER.certId()));
        assertThat(field(robot, "#idField").getText()).isEmpty();
        assertThat(field(robot, "#nameField").getText()).doesNotContain("SHEC");
    }

    @Test
    void escOnTheComparePromptClearsAndRecordsNothing(FxRobot robot) throws Exception {
        scan(robot, EcertDesks.VALID);
        awaitCard(robot, "confirm");
        robot.type(KeyCode.ESCAPE);
        awaitCard(robot, "idle");
        assertThat(field(robot, "#nameField").getText()).isEmpty();
        assertThat(field(robot, "#idField").getText()).isEmpty();
        assertThat(desks.audit.entries).isEmpty();
    }

    @Test
    void aScanWithTheFieldsFilledChecksTheCertificateAgainstThem(FxRobot robot) throws Exception {
        robot.interact(() -> field(robot, "#nameField").setText("赵明远"));
        robot.clickOn("#idField").write(TestDesks.OTHER_ID);
        // the scanner types where the cursor is: at the end of the typed ID
        scan(robot, EcertDesks.VALID);
        awaitCard(robot, "charge");

        assertThat(desks.judged).containsExactly("赵明远/" + TestDesks.OTHER_ID);
        assertThat(cardText(robot)).contains(texts.get("reason.ECERT_NOT_THIS_PATIENT"));
        assertThat(desks.audit.entries).singleElement()
                .satisfies(entry -> assertThat(entry.channel()).isEqualTo(Channel.ECERT_ONLINE));
        assertThat(field(robot, "#nameField").getText()).isEqualTo("赵明远");
        assertThat(field(robot, "#idField").getText()).as("the ID leaves the screen, no scanned text stays").isEmpty();
    }

    @Test
    void aPastedCertificateTextIsCheckedAndNeverLandsInAField(FxRobot robot) throws Exception {
        robot.interact(() -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(EcertDesks.VALID + "\n");
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        robot.clickOn("#idField").press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);
        awaitCard(robot, "confirm");
        assertThat(field(robot, "#idField").getText()).isEqualTo(EcertDesks.HOLDER.maskedId());
        robot.type(KeyCode.ENTER);
        awaitCard(robot, "waive");
        assertThat(desks.judged).containsExactly("王秀英/" + TestDesks.WAIVE_ID);
    }

    @Test
    void aQrImageOpenedIsReadAndTheCertificateChecked(FxRobot robot) throws Exception {
        Path png = folder.resolve("ecert.png");
        BufferedImage qr = MatrixToImageWriter.toBufferedImage(
                new QRCodeWriter().encode(EcertDesks.VALID, BarcodeFormat.QR_CODE, 600, 600));
        ImageIO.write(qr, "png", png.toFile());
        robot.interact(() -> view.setImageChooser(owner -> Optional.of(png)));

        robot.clickOn("#openQrButton");
        awaitCard(robot, "confirm");
        assertThat(field(robot, "#idField").getText()).isEqualTo(EcertDesks.HOLDER.maskedId());
        robot.clickOn("#confirmHolderButton");
        awaitCard(robot, "waive");
        assertThat(desks.judged).containsExactly("王秀英/" + TestDesks.WAIVE_ID);
    }

    @Test
    void anImageWithoutAQrCodeSaysSoAndRecordsNothing(FxRobot robot) throws Exception {
        Path png = folder.resolve("blank.png");
        ImageIO.write(new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        Path text = Files.writeString(folder.resolve("notes.png"), "not an image");
        robot.interact(() -> view.setImageChooser(owner -> Optional.of(png)));
        robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        awaitCard(robot, "notice");
        assertThat(cardText(robot)).contains(texts.get("card.noQr.title"));

        robot.interact(() -> view.setImageChooser(owner -> Optional.of(text)));
        robot.clickOn("#openQrButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> cardText(robot).contains(texts.get("card.imageUnreadable.title")));
        assertThat(desks.audit.entries).isEmpty();
        assertThat(desks.judged).isEmpty();
    }
}
