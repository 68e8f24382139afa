package com.waiverdesk.ui.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * Chinese text in every window. On Linux JavaFX's "System" font falls back to only the first few fonts fontconfig
 * lists for "sans" (with a few extra Latin fonts installed, no CJK font among them), so patients' names showed as
 * boxes; the first installed CJK-capable UI family from a preference list is therefore set on each window's root.
 * It is set as a stylesheet, not an inline style, so it survives a window replacing its root.
 */
public final class UiFont {
    private static final System.Logger LOG = System.getLogger(UiFont.class.getName());

    /** Windows, macOS, then the Linux families (fontconfig names as {@link Font#getFamilies()} reports them). */
    public static final List<String> PREFERRED = List.of(
            "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB",
            "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN",
            "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback");

    /**
     * For the fixed-width fields, whose prompts and values hold Chinese too; Linux only, where "monospace" has the
     * same short fallback (Windows and macOS fall back to a CJK font for it).
     */
    public static final List<String> PREFERRED_MONOSPACE = List.of(
            "Noto Sans Mono CJK SC", "Source Han Mono SC", "WenQuanYi Zen Hei Mono", "WenQuanYi Micro Hei Mono");

    /** Every selector in the app's stylesheets that sets {@code -fx-font-family: "monospace"}. */
    static final List<String> MONOSPACE_SELECTORS = List.of(
            ".id-field", ".audit-id-filter", ".audit-detail-value.code", ".audit-detail-value.hash");

    private static List<String> preferred = PREFERRED;
    private static List<String> preferredMonospace = PREFERRED_MONOSPACE;
    private static Supplier<? extends Collection<String>> installed = Font::getFamilies;
    /** The families chosen from the installed ones; {@code null} until first asked. */
    private static Choice choice;

    /**
     * The chosen UI and fixed-width families (each empty when none is installed) and the stylesheet that sets them
     * (empty without a UI family).
     */
    private record Choice(Optional<String> family, Optional<String> monospace, Optional<String> stylesheet) {
        Choice(Optional<String> family, Optional<String> monospace) {
            this(family, monospace, family.map(f -> "data:text/css;base64,"
                    + Base64.getEncoder().encodeToString(css(f, monospace).getBytes(StandardCharsets.UTF_8))));
        }
    }

    private UiFont() {
    }

    /** The first of {@code preferred} that is installed, in the installed spelling; empty if none is. */
    public static Optional<String> choose(List<String> preferred, Collection<String> installed) {
        for (String family : preferred) {
            for (String present : installed) {
                if (present.toLowerCase(Locale.ROOT).equals(family.toLowerCase(Locale.ROOT))) {
                    return Optional.of(present);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The CSS that sets {@code family} on a scene's root and on a dialog's pane, and {@code monospace} (if there is
     * one) on the fixed-width fields.
     */
    static String css(String family, Optional<String> monospace) {
        String css = ".root, .dialog-pane { -fx-font-family: " + quoted(family) + "; }\n";
        return monospace.map(mono -> css + String.join(", ", MONOSPACE_SELECTORS)
                + " { -fx-font-family: " + quoted(mono) + "; }\n").orElse(css);
    }

    private static String quoted(String family) {
        return "\"" + family.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Gives the scene's windows the chosen family; changes nothing when none is installed. FX thread. */
    public static void apply(Scene scene) {
        choice().stylesheet().filter(sheet -> !scene.getStylesheets().contains(sheet))
                .ifPresent(scene.getStylesheets()::add);
    }

    /** The same for a dialog, whose pane sits in a scene of its own. FX thread. */
    public static void apply(DialogPane pane) {
        choice().stylesheet().filter(sheet -> !pane.getStylesheets().contains(sheet))
                .ifPresent(pane.getStylesheets()::add);
    }

    /**
     * Loads the chosen families' faces the windows use (regular and bold, and the fixed-width one) with
     * {@code loader}, so that the first frame finds them loaded: a CJK font collection is a large file with a dozen
     * faces, each read when its first font is made (about 50 ms of a 2-core start). Called by the launcher on its
     * own thread while the FX thread builds the window; JavaFX's font factory is synchronized, so the FX thread
     * waits for a face being read rather than reading it again. Loads nothing when no preferred family is installed.
     */
    public static void preload(FaceLoader loader) {
        Choice chosen = choice();
        chosen.family().ifPresent(f -> {
            loader.load(f, FontWeight.NORMAL);
            loader.load(f, FontWeight.BOLD);
        });
        chosen.monospace().ifPresent(f -> loader.load(f, FontWeight.NORMAL));
    }

    /** The same with JavaFX's fonts; the toolkit must be running. */
    public static void preload() {
        preload((f, weight) -> Font.font(f, weight, Font.getDefault().getSize()));
    }

    /** Makes a font of a family and weight (in tests: records what was asked). */
    @FunctionalInterface
    public interface FaceLoader {
        void load(String family, FontWeight weight);
    }

    /**
     * For tests: the families to prefer and the ones to treat as installed instead of the machine's; the choice is
     * made again on the next {@code apply}.
     */
    public static synchronized void useFamilies(List<String> preferredFamilies, List<String> preferredMonospaceFamilies,
                                                Supplier<? extends Collection<String>> installedFamilies) {
        preferred = List.copyOf(preferredFamilies);
        preferredMonospace = List.copyOf(preferredMonospaceFamilies);
        installed = installedFamilies;
        choice = null;
    }

    /** Back to the built-in preference and the machine's fonts. */
    public static void useMachineFonts() {
        useFamilies(PREFERRED, PREFERRED_MONOSPACE, Font::getFamilies);
    }

    private static synchronized Choice choice() {
        if (choice == null) {
            long start = System.nanoTime();
            Collection<String> present = installed.get();
            long micros = (System.nanoTime() - start) / 1_000;
            Optional<String> family = choose(preferred, present);
            Optional<String> monospace = choose(preferredMonospace, present);
            if (family.isPresent()) {
                LOG.log(System.Logger.Level.INFO, "UI font family {0}, fixed-width {1} ({2} families listed in {3} µs)",
                        family.get(), monospace.orElse("monospace"), present.size(), micros);
            } else {
                LOG.log(System.Logger.Level.INFO, "no preferred CJK UI font installed, keeping JavaFX''s default"
                        + " ({0} families listed in {1} µs)", present.size(), micros);
            }
            choice = new Choice(family, monospace);
        }
        return choice;
    }
}
