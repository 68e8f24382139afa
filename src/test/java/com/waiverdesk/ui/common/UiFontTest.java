package com.waiverdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The choice of the UI font family, with made-up lists of installed families (not this machine's fonts). */
class UiFontTest {

    @Test
    void choosesTheFirstPreferredFamilyThatIsInstalledWhateverTheInstalledOrder() {
        List<String> installed = List.of("DejaVu Sans", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "DejaVu Serif");

        assertThat(UiFont.choose(UiFont.PREFERRED, installed)).contains("Noto Sans CJK SC");
        assertThat(UiFont.choose(List.of("WenQuanYi Zen Hei", "Noto Sans CJK SC"), installed))
                .contains("WenQuanYi Zen Hei");
    }

    @Test
    void windowsAndMacFamiliesComeBeforeTheLinuxOnes() {
        assertThat(UiFont.choose(UiFont.PREFERRED, List.of("Noto Sans CJK SC", "Microsoft YaHei UI")))
                .contains("Microsoft YaHei UI");
        assertThat(UiFont.choose(UiFont.PREFERRED, List.of("Droid Sans Fallback", "PingFang SC")))
                .contains("PingFang SC");
    }

    @Test
    void matchesWhateverTheCaseAndKeepsTheInstalledSpelling() {
        assertThat(UiFont.choose(UiFont.PREFERRED, List.of("Arial", "wenquanyi micro hei")))
                .contains("wenquanyi micro hei");
    }

    @Test
    void choosesNothingWhenNoPreferredFamilyIsInstalled() {
        assertThat(UiFont.choose(UiFont.PREFERRED, List.of("DejaVu Sans", "DejaVu Sans Mono", "Liberation Serif")))
                .isEmpty();
        assertThat(UiFont.choose(UiFont.PREFERRED, List.of())).isEmpty();
    }

    @Test
    void theStylesheetSetsTheFamilyOnTheRootAndOnDialogPanesAndTheFixedWidthOneOnTheFixedWidthFields() {
        String css = UiFont.css("Noto Sans CJK SC", Optional.of("Noto Sans Mono CJK SC"));

        assertThat(css).contains(".root, .dialog-pane { -fx-font-family: \"Noto Sans CJK SC\"; }")
                .contains(".id-field, .audit-id-filter, .audit-detail-value.code, .audit-detail-value.hash"
                        + " { -fx-font-family: \"Noto Sans Mono CJK SC\"; }");
        assertThat(UiFont.css("Noto Sans CJK SC", Optional.empty())).doesNotContain(".id-field");
    }

    @Test
    void aQuoteInAFamilyNameCannotEndTheDeclaration() {
        assertThat(UiFont.css("Odd \"Font\"", Optional.empty())).contains("-fx-font-family: \"Odd \\\"Font\\\"\";");
    }

    /** A new fixed-width rule in a stylesheet that UiFont does not know of would show boxes for Chinese on Linux. */
    @ParameterizedTest
    @ValueSource(strings = {"/com/waiverdesk/ui/desk.css", "/com/waiverdesk/ui/audit/audit.css",
            "/com/waiverdesk/ui/settings/settings.css"})
    void everyFixedWidthRuleOfTheStylesheetsIsCovered(String stylesheet) throws IOException {
        String css;
        try (InputStream in = Objects.requireNonNull(UiFontTest.class.getResourceAsStream(stylesheet), stylesheet)) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        }
        List<String> monospaceSelectors = new ArrayList<>();
        Matcher rule = Pattern.compile("([^{}]+)\\{([^}]*)}").matcher(css);
        while (rule.find()) {
            if (rule.group(2).matches("(?s).*-fx-font-family\\s*:\\s*\"?monospace.*")) {
                for (String selector : rule.group(1).split(",")) {
                    monospaceSelectors.add(selector.trim());
                }
            }
        }

        assertThat(UiFont.MONOSPACE_SELECTORS).containsAll(monospaceSelectors);
    }

    @Test
    void preloadsTheChosenFamilysRegularAndBoldFacesAndTheFixedWidthOne() {
        try {
            UiFont.useFamilies(List.of("No Such Family", "Noto Sans CJK SC"), List.of("Noto Sans Mono CJK SC"),
                    () -> List.of("DejaVu Sans", "Noto Sans Mono CJK SC", "Noto Sans CJK SC"));
            List<String> asked = new ArrayList<>();

            UiFont.preload((family, weight) -> asked.add(family + " " + weight));

            assertThat(asked).containsExactly("Noto Sans CJK SC NORMAL", "Noto Sans CJK SC BOLD",
                    "Noto Sans Mono CJK SC NORMAL");
        } finally {
            UiFont.useMachineFonts();
        }
    }

    @Test
    void preloadsNothingWhenNoPreferredFamilyIsInstalled() {
        try {
            UiFont.useFamilies(UiFont.PREFERRED, UiFont.PREFERRED_MONOSPACE, () -> List.of("Latin Only Sans"));
            List<String> asked = new ArrayList<>();

            UiFont.preload((family, weight) -> asked.add(family + " " + weight));

            assertThat(asked).isEmpty();
        } finally {
            UiFont.useMachineFonts();
        }
    }
}
