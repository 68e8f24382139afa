package com.waiverdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.DecisionReason;
import com.waiverdesk.domain.FollowUp;
import com.waiverdesk.domain.InputProblem;
import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.ui.admission.DeskProblem;
import com.waiverdesk.ui.admission.ServiceState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every key the code uses exists in both languages; every key in a bundle is used (after JabRef's test). */
class LocalizationConsistencyTest {
    private static final Pattern LITERAL_KEY = Pattern.compile("texts\\.get\\(\"([A-Za-z0-9_.]+)\"\\s*[,)]");
    /** Keys built from enum names: prefix + constant (+ suffix). */
    private static final Set<String> CATEGORY_CODES = Set.of("SUBSISTENCE_ALLOWANCE", "EXTREME_POVERTY_SUPPORT",
            "LOW_INCOME_FAMILY", "EXPENDITURE_POVERTY");

    private static Set<String> keysUsedByCode() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/com/waiverdesk/ui"))) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        for (DecisionKind kind : DecisionKind.values()) {
            keys.add("decision." + kind + ".title");
        }
        for (DecisionReason reason : DecisionReason.values()) {
            keys.add("reason." + reason);
        }
        for (FollowUp followUp : FollowUp.values()) {
            keys.add("followUp." + followUp);
        }
        for (InputProblem problem : InputProblem.values()) {
            keys.add("input." + problem);
        }
        for (ServiceFailure failure : ServiceFailure.values()) {
            keys.add("failure." + failure);
        }
        for (DeskProblem problem : DeskProblem.values()) {
            keys.add(problem.messageKey());
        }
        for (ServiceState state : ServiceState.values()) {
            keys.add("status.service." + state);
        }
        for (String code : CATEGORY_CODES) {
            keys.add("category." + code);
        }
        return keys;
    }

    private static Set<String> bundleKeys(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = LocalizationConsistencyTest.class.getResourceAsStream("/com/waiverdesk/ui/" + file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }

    @Test
    void everyUsedKeyExistsInChinese() throws IOException {
        assertThat(bundleKeys("messages.properties")).containsAll(keysUsedByCode());
    }

    @Test
    void everyUsedKeyExistsInEnglish() throws IOException {
        assertThat(bundleKeys("messages_en.properties")).containsAll(keysUsedByCode());
    }

    @Test
    void noBundleHoldsAnUnusedKey() throws IOException {
        Set<String> unused = new HashSet<>(bundleKeys("messages.properties"));
        unused.addAll(bundleKeys("messages_en.properties"));
        unused.removeAll(keysUsedByCode());
        assertThat(unused).isEmpty();
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(bundleKeys("messages_en.properties")).isEqualTo(bundleKeys("messages.properties"));
    }
}
