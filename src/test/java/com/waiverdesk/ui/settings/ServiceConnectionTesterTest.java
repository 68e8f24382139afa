package com.waiverdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.app.AppPaths;
import com.waiverdesk.app.ConfigOptions;
import com.waiverdesk.app.ConnectionTexts;
import com.waiverdesk.cli.Cli;
import com.waiverdesk.app.SettingsStore;
import com.waiverdesk.app.secret.EncryptedFileStore;
import com.waiverdesk.app.secret.SecretStore;
import com.waiverdesk.mock.MockAccount;
import com.waiverdesk.mock.MockVerificationService;
import com.waiverdesk.ui.common.Texts;
import com.waiverdesk.verification.ConnectionStep;
import com.waiverdesk.verification.ConnectionTest;
import com.waiverdesk.verification.Diagnosis;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Test connection" through the connection-test engine, against the bundled mock, with typed or stored secrets. */
class ServiceConnectionTesterTest {
    private static final String WRONG = "synthetic-wrong-secret-0815";
    private final Texts texts = new Texts(Locale.ENGLISH);
    private final ConnectionTexts words = new ConnectionTexts(Locale.ENGLISH);

    @TempDir
    Path dir;

    private MockVerificationService mock;
    private SecretStoreSession secrets;
    private ServiceConnectionTester tester;

    @BeforeEach
    void setUp() throws IOException {
        mock = MockVerificationService.startDemo();
        AppPaths paths = new AppPaths(dir.resolve("config"), dir.resolve("data"));
        secrets = SecretStoreSession.start(() -> new EncryptedFileStore(dir.resolve("data")));
        tester = new ServiceConnectionTester(new SettingsStore(new ConfigOptions(), paths, Map.of()), secrets, texts,
                new ConnectionTest(new ObjectMapper(), Clock.systemUTC(), ConnectionTest.DEFAULT_BUDGET));
    }

    @AfterEach
    void tearDown() {
        secrets.close();
        mock.close();
    }

    private SettingsDraft draft(String endpoint) {
        Map<String, Object> changes = new HashMap<>();
        changes.put("endpoint", endpoint);
        changes.put("accountId", MockAccount.DEMO_ID);
        return new SettingsDraft(changes);
    }

    private static String allText(ConnectionReport report) {
        return report.diagnosis() + "\n" + report.action() + "\n" + String.join("\n", report.details());
    }

    private String stepLine(ConnectionStep step, String outcome) {
        return words.stepName(step) + ": " + outcome;
    }

    @Test
    void theRightTypedSecretPassesWithEveryStepAndNothingIsWritten() throws Exception {
        ConnectionReport report = tester.test(draft(mock.baseUrl()), mock.serviceAccount().secret());

        assertThat(report.outcome()).as(allText(report)).isEqualTo(ConnectionReport.Outcome.OK);
        assertThat(report.diagnosis()).isEqualTo("Diagnosis (code 0): Connection works: the verification service"
                + " at 127.0.0.1 accepted the signed health check.");
        assertThat(report.action()).isEqualTo(words.actionLine(Diagnosis.OK));
        assertThat(report.details()).hasSize(ConnectionStep.values().length + 1);
        assertThat(report.details().get(0)).startsWith(stepLine(ConnectionStep.SETTINGS, "passed"));
        assertThat(report.details()).anySatisfy(line -> assertThat(line)
                .startsWith(stepLine(ConnectionStep.ANSWER, "passed")).contains(" ms)"));
        try (var written = Files.walk(dir)) {
            assertThat(written.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aWrongTypedSecretSaysTheSignatureIsRefusedWithoutTheSecret() throws Exception {
        ConnectionReport report = tester.test(draft(mock.baseUrl()), WRONG.getBytes(StandardCharsets.UTF_8));

        assertThat(report.outcome()).isEqualTo(ConnectionReport.Outcome.FAILED);
        assertThat(report.diagnosis()).isEqualTo("Diagnosis (code 51): "
                + "The service does not accept the signature: the secret entered does not match the account's secret.");
        assertThat(report.action()).isEqualTo(words.actionLine(Diagnosis.BAD_SIGNATURE));
        assertThat(report.details()).anySatisfy(line -> assertThat(line)
                .startsWith(stepLine(ConnectionStep.ANSWER, "FAILED")).contains("BAD_SIGNATURE"));
        assertThat(allText(report)).doesNotContain(WRONG)
                .doesNotContain(new String(mock.secret(), StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownHostSaysDnsFailedAndTriesNothingAfter() throws Exception {
        ConnectionReport report = tester.test(draft("https://no-such-host.invalid/"),
                WRONG.getBytes(StandardCharsets.UTF_8));

        assertThat(report.outcome()).isEqualTo(ConnectionReport.Outcome.FAILED);
        assertThat(report.diagnosis()).isEqualTo("Diagnosis (code 30): "
                + "The name no-such-host.invalid could not be resolved (DNS).");
        assertThat(report.details()).anySatisfy(line -> assertThat(line)
                .startsWith(stepLine(ConnectionStep.DNS, "FAILED")));
        assertThat(report.details()).anySatisfy(line -> assertThat(line)
                .isEqualTo(stepLine(ConnectionStep.ANSWER, "not tried")));
        assertThat(allText(report)).doesNotContain(WRONG);
    }

    @Test
    void withoutATypedSecretTheStoredOneIsUsed() throws Exception {
        try (SecretStore store = new EncryptedFileStore(dir.resolve("data"))) {
            store.write(SecretStore.accountKey(MockAccount.DEMO_ID, mock.baseUrl()), mock.secret());
        }

        ConnectionReport report = tester.test(draft(mock.baseUrl()), null);

        assertThat(report.outcome()).as(allText(report)).isEqualTo(ConnectionReport.Outcome.OK);
    }

    @Test
    void withoutATypedOrStoredSecretItSaysNoneIsStored() throws Exception {
        ConnectionReport report = tester.test(draft(mock.baseUrl()), null);

        assertThat(report.outcome()).isEqualTo(ConnectionReport.Outcome.FAILED);
        assertThat(report.diagnosis()).startsWith("These settings cannot be used: No secret stored for account "
                + MockAccount.DEMO_ID + " at host 127.0.0.1");
        assertThat(report.details()).isEmpty();
    }

    @Test
    void aConfiguredSecretFileIsReadAsTheDeskWouldReadIt() throws Exception {
        Path secretFile = Files.writeString(dir.resolve("account.secret"),
                new String(mock.secret(), StandardCharsets.UTF_8) + "\n");
        Map<String, Object> changes = new HashMap<>(draft(mock.baseUrl()).changes());
        changes.put("secretFile", secretFile.toString());

        ConnectionReport report = tester.test(new SettingsDraft(changes), null);

        assertThat(report.outcome()).as(allText(report)).isEqualTo(ConnectionReport.Outcome.OK);
    }

    @Test
    void settingsTheReaderRefusesAreReportedNamingTheField() throws Exception {
        Map<String, Object> changes = new HashMap<>(draft(mock.baseUrl()).changes());
        changes.put("caBundle", dir.resolve("missing.pem").toString());

        ConnectionReport report = tester.test(new SettingsDraft(changes), WRONG.getBytes(StandardCharsets.UTF_8));

        assertThat(report.outcome()).isEqualTo(ConnectionReport.Outcome.FAILED);
        assertThat(report.diagnosis()).contains("caBundle").doesNotContain(WRONG);
    }

    @Test
    void withNoServiceUrlTheBuiltInDemoIsTestedAndTheNoticeSaysFirstItIsTheDemo() throws Exception {
        ConnectionReport report = tester.test(new SettingsDraft(Map.of()), null);

        assertThat(report.outcome()).as(allText(report)).isEqualTo(ConnectionReport.Outcome.WARNING);
        List<String> notice = report.diagnosis().lines().toList();
        assertThat(notice).hasSize(2);
        assertThat(notice.get(0)).startsWith("No service URL configured: testing the built-in demo service at"
                + " http://127.0.0.1:").endsWith("not the municipal service; demo answers are not valid for real"
                + " admissions.");
        assertThat(notice.get(1)).startsWith("Diagnosis (code 0): Connection works");
        assertThat(report.details()).anyMatch(line -> line.startsWith(stepLine(ConnectionStep.ANSWER, "passed")))
                .hasSize(ConnectionStep.values().length + 1);
    }

    /** One rule for the demo: the screen shows exactly the lines `test-connection` prints (ports and times aside). */
    @Test
    void theScreenAndTestConnectionSayTheSameAboutTheDemo() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(new String[] {"test-connection", "--config",
                Files.writeString(dir.resolve("empty.json"), "{}").toString(), "--lang", "en"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        ConnectionReport screen = tester.test(new SettingsDraft(Map.of()), null);

        assertThat(exit).as(err.toString()).isZero();
        List<String> printed = out.toString().lines().map(ServiceConnectionTesterTest::withoutPortsAndTimes).toList();
        List<String> shown = new java.util.ArrayList<>(screen.diagnosis().lines().toList());
        shown.add(screen.action());
        shown.addAll(screen.details());
        assertThat(shown.stream().map(ServiceConnectionTesterTest::withoutPortsAndTimes).toList())
                .containsExactlyInAnyOrderElementsOf(printed);
        assertThat(withoutPortsAndTimes(shown.get(0))).isEqualTo(printed.get(0))
                .startsWith("No service URL configured");
    }

    private static String withoutPortsAndTimes(String line) {
        return line.replaceAll("127\\.0\\.0\\.1([: ]|port )\\d+", "127.0.0.1$1PORT")
                .replaceAll("\\(\\d+ ms\\)", "(T ms)")
                .replaceAll("about \\d+ s", "about N s");
    }
}
