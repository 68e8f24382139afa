package com.waiverdesk.verification.ecert;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * Writes and reads QR codes of e-certificates with ZXing: the PNG samples of {@code ecert sample}, and the text in a
 * photo, a screenshot or a pasted image at the desk. Blocking and CPU-bound: run it on the background runner.
 */
public final class QrImages {
    /** Larger than any camera or screen of a desk; refused before ZXing allocates its luminance copy. */
    static final long MAX_PIXELS = 50_000_000L;
    static final int DEFAULT_SIZE = 400;
    /** The QR specification's quiet zone: four modules of white around the code. */
    static final int QUIET_ZONE_MODULES = 4;
    /** Below this many pixels a side, a halved image would be too coarse to read. */
    static final int MIN_SIDE = 100;
    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
    /** A code alone on a white ground, as a screenshot of the app shows it: no finder-pattern search. */
    private static final Map<DecodeHintType, Object> PURE_HINTS = Map.of(
            DecodeHintType.PURE_BARCODE, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
    /**
     * The tries in order: the hybrid binarizer copes with the uneven light of a photo; the global one with a small,
     * sharp screenshot; the inverted image with an app that shows light modules on a dark background.
     */
    private static final List<Function<LuminanceSource, Binarizer>> TRIES = List.of(
            HybridBinarizer::new,
            GlobalHistogramBinarizer::new,
            source -> new HybridBinarizer(source.invert()));

    private QrImages() {
    }

    /** Writes {@code text} as a 400 px PNG QR code with error correction M and the four-module quiet zone. */
    public static void encodePng(String text, Path file) throws IOException {
        MatrixToImageWriter.writeToPath(matrix(text, DEFAULT_SIZE), "PNG", file);
    }

    /** The QR code of {@code text} as an image, e.g. for the window to show. */
    public static BufferedImage encode(String text, int size) {
        return MatrixToImageWriter.toBufferedImage(matrix(text, size));
    }

    private static BitMatrix matrix(String text, int size) {
        Objects.requireNonNull(text, "text");
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, QUIET_ZONE_MODULES));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit in a QR code (" + text.length() + " characters)", e);
        }
    }

    /** Reads a PNG, JPEG, GIF or BMP file; never throws for what the file holds. */
    public static Decoded decode(Path file) {
        BufferedImage image;
        try (InputStream in = Files.newInputStream(file)) {
            image = ImageIO.read(in);
        } catch (IOException | RuntimeException e) {
            // ImageIO throws unchecked exceptions on some damaged files
            return Decoded.failed(Problem.NOT_AN_IMAGE);
        }
        return image == null ? Decoded.failed(Problem.NOT_AN_IMAGE) : decode(image);
    }

    /** Reads an image already in memory (the clipboard's). */
    public static Decoded decode(BufferedImage image) {
        if ((long) image.getWidth() * image.getHeight() > MAX_PIXELS) {
            return Decoded.failed(Problem.IMAGE_TOO_LARGE);
        }
        Decoded found = decode(new BufferedImageLuminanceSource(image), HINTS);
        if (found.found()) {
            return found;
        }
        // ZXing's detector misjudges the module size of about 2 % of clean, sharp codes (FormatException or
        // NotFoundException on our own 400 px PNGs, read by zbarimg): a screenshot is read as a bare code, and the
        // image at half size reads all of those seen, and large photos too
        found = decode(new BufferedImageLuminanceSource(image), PURE_HINTS);
        return found.found() || image.getWidth() < 2 * MIN_SIDE || image.getHeight() < 2 * MIN_SIDE ? found
                : decode(new BufferedImageLuminanceSource(halved(image)), HINTS);
    }

    /** Reads packed ARGB pixels, row by row (JavaFX's {@code PixelReader.getPixels} with an INT_ARGB format). */
    public static Decoded decode(int[] argb, int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS || argb.length < width * height) {
            return Decoded.failed(Problem.IMAGE_TOO_LARGE);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        return decode(image);
    }

    private static Decoded decode(LuminanceSource source, Map<DecodeHintType, Object> hints) {
        QRCodeReader reader = new QRCodeReader();
        for (Function<LuminanceSource, Binarizer> binarizer : TRIES) {
            try {
                return Decoded.text(reader.decode(new BinaryBitmap(binarizer.apply(source)), hints).getText());
            } catch (ReaderException | RuntimeException e) {
                // not found, checksum or format error with this binarizer: the next may see it
            } finally {
                reader.reset();
            }
        }
        return Decoded.failed(Problem.NO_QR_CODE);
    }

    private static BufferedImage halved(BufferedImage image) {
        BufferedImage half = new BufferedImage(image.getWidth() / 2, image.getHeight() / 2,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = half.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, half.getWidth(), half.getHeight(), null);
        g.dispose();
        return half;
    }

    /** Why an image gave no text. */
    public enum Problem {
        /** The file is not an image ImageIO can read. */
        NOT_AN_IMAGE,
        /** More pixels than any real camera or screen makes. */
        IMAGE_TOO_LARGE,
        /** An image, but no readable QR code in it. */
        NO_QR_CODE
    }

    /** Exactly one of {@code text} and {@code problem}. */
    public record Decoded(String text, Problem problem) {
        static Decoded text(String text) {
            return new Decoded(text, null);
        }

        static Decoded failed(Problem problem) {
            return new Decoded(null, problem);
        }

        public boolean found() {
            return text != null;
        }
    }
}
