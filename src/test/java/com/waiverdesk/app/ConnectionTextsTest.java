package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.verification.ConnectionReport;
import com.waiverdesk.verification.ConnectionStep;
import com.waiverdesk.verification.Diagnosis;
import com.waiverdesk.verification.StepOutcome;
import com.waiverdesk.verification.StepResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The connection test's bundle: every key the formatter can ask for exists in Chinese and English, no key is unused,
 * and each sentence comes out with its facts filled in (after LocalizationConsistencyTest for the window's bundle).
 */
class ConnectionTextsTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    /** The keys {@link ConnectionTexts} builds from the enums, plus its fixed ones. */
    private static Set<String> keysTheFormatterUses() {
        Set<String> keys = new TreeSet<>(List.of("line.step", "line.stepNotRun", "line.diagnosis", "line.action",
                "line.demo", "clock.behind", "clock.ahead", "clock.same", "clock.unknown",
                "diagnosis.CLOCK_SKEW.unknownOffset"));
        for (Diagnosis diagnosis : Diagnosis.values()) {
            keys.add("diagnosis." + diagnosis);
            keys.add("action." + diagnosis);
        }
        for (ConnectionStep step : ConnectionStep.values()) {
            keys.add("step." + step);
        }
        for (StepOutcome outcome : StepOutcome.values()) {
            keys.add("outcome." + outcome);
        }
        return keys;
    }

    private static Set<String> bundleKeys(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ConnectionTextsTest.class.getResourceAsStream("/com/waiverdesk/app/" + file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }

    @ParameterizedTest
    @ValueSource(strings = {"connection.properties", "connection_en.properties"})
    void holdsExactlyTheKeysTheFormatterUses(String file) throws IOException {
        assertThat(new TreeSet<>(bundleKeys(file))).isEqualTo(keysTheFormatterUses());
    }

    @ParameterizedTest
    @EnumSource(Diagnosis.class)
    void everyDiagnosisHasASentenceAndAnActionInBothLanguagesWithItsFactsFilledIn(Diagnosis diagnosis) {
        ConnectionReport report = report(diagnosis, 412L);
        for (Locale locale : List.of(ZH, Locale.ENGLISH)) {
            ConnectionTexts texts = new ConnectionTexts(locale);
            String sentence = texts.sentence(report);
            assertThat(sentence).as("%s %s", diagnosis, locale).isNotBlank().doesNotContain("{").doesNotContain("''");
            assertThat(texts.action(diagnosis)).isNotBlank().doesNotContain("{").doesNotContain("''");
        }
    }

    @Test
    void theChineseTextIsChineseAndTheEnglishEnglishWhateverTheJvmLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.US);
        try {
            assertThat(new ConnectionTexts(ZH).action(Diagnosis.ACCOUNT_DISABLED)).isEqualTo("请联系市级服务重新启用该账户。");
            assertThat(new ConnectionTexts(Locale.ENGLISH).action(Diagnosis.ACCOUNT_DISABLED))
                    .isEqualTo("Ask the municipal service to re-enable the account.");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void clockSkewSaysByHowMuchAndWhichWay() {
        ConnectionTexts en = new ConnectionTexts(Locale.ENGLISH);
        ConnectionTexts zh = new ConnectionTexts(ZH);

        assertThat(en.sentence(report(Diagnosis.CLOCK_SKEW, 412L))).contains("about 412 s behind");
        assertThat(en.sentence(report(Diagnosis.CLOCK_SKEW, -3600L))).contains("about 3600 s ahead");
        assertThat(zh.sentence(report(Diagnosis.CLOCK_SKEW, 412L))).contains("慢了约 412 秒");
        assertThat(zh.sentence(report(Diagnosis.CLOCK_SKEW, -3600L))).contains("快了约 3600 秒");
        assertThat(en.sentence(report(Diagnosis.CLOCK_SKEW, null))).contains("more than 300 s");
        assertThat(en.clockOffset(report(Diagnosis.OK, 0L))).contains("agrees");
        assertThat(en.clockOffset(report(Diagnosis.OK, null))).contains("could not be measured");
    }

    @Test
    void connectionFailuresNameHostAndPort() {
        assertThat(new ConnectionTexts(Locale.ENGLISH).sentence(report(Diagnosis.CONNECTION_REFUSED, null)))
                .contains("verify.example.gov.cn port 8443");
        assertThat(new ConnectionTexts(ZH).sentence(report(Diagnosis.DNS_FAILED, null)))
                .contains("verify.example.gov.cn");
    }

    @Test
    void linesShowEveryStepThenDiagnosisCodeActionAndClock() {
        List<String> lines = new ConnectionTexts(Locale.ENGLISH).lines(report(Diagnosis.ACCOUNT_DISABLED, 2L));

        assertThat(lines).hasSize(ConnectionStep.values().length + 3);
        assertThat(lines.get(1)).isEqualTo("Name resolution (DNS): passed (3 ms) 10.0.0.7");
        assertThat(lines.get(3)).as("no time for a step that did not run")
                .isEqualTo("Secure connection (TLS): not applicable http");
        assertThat(lines.get(ConnectionStep.values().length))
                .isEqualTo("Diagnosis (code 53): The account is disabled at the municipal service.");
        assertThat(lines.get(ConnectionStep.values().length + 1))
                .isEqualTo("What to do: Ask the municipal service to re-enable the account.");
    }

    @Test
    void theConfigurationDocumentListsEveryDiagnosisWithItsCode() throws IOException {
        String doc = Files.readString(Path.of("docs/configuration.md"));
        for (Diagnosis diagnosis : Diagnosis.values()) {
            assertThat(doc).contains("| " + diagnosis.code() + " | `" + diagnosis + "` |");
        }
    }

    private static ConnectionReport report(Diagnosis diagnosis, Long offset) {
        List<StepResult> steps = new ArrayList<>();
        for (ConnectionStep step : ConnectionStep.values()) {
            boolean tls = step == ConnectionStep.TLS;
            steps.add(new StepResult(step, tls ? StepOutcome.NOT_APPLICABLE : StepOutcome.PASSED,
                    Duration.ofMillis(tls ? 0 : 3), step == ConnectionStep.DNS ? "10.0.0.7" : tls ? "http" : ""));
        }
        return new ConnectionReport(diagnosis, steps, "verify.example.gov.cn", 8443, offset, 403, "SOME_CODE",
                Duration.ofMillis(40));
    }
}
