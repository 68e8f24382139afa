package com.waiverdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/**
 * desk.bss, which the build makes from desk.css (exec-maven-plugin in pom.xml) and JavaFX loads in its place, holds
 * the same rules as the text: a stale or broken binary copy fails here.
 */
class BinaryStylesheetTest {

    @Test
    void theBinaryDeskStylesheetHasTheRulesOfTheText() throws IOException {
        URL text = DeskWindow.class.getResource("desk.css");
        URL binary = DeskWindow.class.getResource("desk.bss");
        assertThat(text).isNotNull();
        assertThat(binary).as("desk.bss beside desk.css").isNotNull();

        List<String> parsed = rules(new CssParser().parse(text));
        List<String> loaded = rules(Stylesheet.loadBinary(binary));

        assertThat(parsed).hasSizeGreaterThan(20);
        assertThat(loaded).isEqualTo(parsed);
    }

    /** Each rule's selectors and declarations (a binary rule reads its declarations when first asked). */
    private static List<String> rules(Stylesheet stylesheet) {
        return stylesheet.getRules().stream().map(BinaryStylesheetTest::describe).toList();
    }

    private static String describe(Rule rule) {
        return rule.getSelectors() + " " + rule.getDeclarations().stream()
                .map(d -> d.getProperty() + "=" + d.getParsedValue() + (d.isImportant() ? " !important" : ""))
                .toList();
    }
}
