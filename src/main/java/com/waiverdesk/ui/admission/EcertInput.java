package com.waiverdesk.ui.admission;

import com.waiverdesk.ui.common.Texts;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The window's side of the e-certificate: the scanner and paste filter on the scene, the image chooser (Ctrl+O),
 * and a pasted image turned into pixels (drawing-side work; the decoding runs on the background runner).
 */
final class EcertInput implements ScanCatcher.Target {
    private final EcertScan scan;
    private final Texts texts;
    private final ScanCatcher catcher = new ScanCatcher(this);
    private final Button openImage = new Button();
    private Function<Window, Optional<Path>> chooser = this::showChooser;

    EcertInput(EcertScan scan, Texts texts) {
        this.scan = scan;
        this.texts = texts;
        openImage.setText(texts.get("button.openQr"));
        openImage.setId("openQrButton");
        openImage.setAccessibleHelp(texts.get("button.openQr.hint"));
        openImage.setOnAction(e -> chooseImage());
    }

    void install(Scene scene) {
        catcher.install(scene);
    }

    Button openImageButton() {
        return openImage;
    }

    /** Ctrl+O or the button. */
    void chooseImage() {
        Window owner = openImage.getScene() == null ? null : openImage.getScene().getWindow();
        chooser.apply(owner).ifPresent(scan::imageChosen);
    }

    /** Tests put a file in place of the platform's dialog. */
    void setChooser(Function<Window, Optional<Path>> replacement) {
        chooser = replacement;
    }

    private Optional<Path> showChooser(Window owner) {
        FileChooser dialog = new FileChooser();
        dialog.setTitle(texts.get("openQr.title"));
        File home = new File(System.getProperty("user.home"));
        if (home.isDirectory()) {
            dialog.setInitialDirectory(home);
        }
        dialog.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.get("openQr.type"),
                "*.png", "*.PNG", "*.jpg", "*.JPG", "*.jpeg", "*.JPEG"));
        return Optional.ofNullable(dialog.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public void scanStarted() {
        scan.started();
    }

    @Override
    public void scanAbandoned() {
        scan.abandoned();
    }

    @Override
    public void scanned(String text) {
        scan.scanned(text);
    }

    @Override
    public void imagePasted(Image image) {
        PixelReader reader = image.getPixelReader();
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        if (reader == null || width <= 0 || height <= 0) {
            scan.imagePasted(new int[0], 0, 0);
            return;
        }
        int[] argb = new int[width * height];
        reader.getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        scan.imagePasted(argb, width, height);
    }
}
