package com.waiverdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.app.EcertListStore;
import com.waiverdesk.app.EcertSettings;
import com.waiverdesk.domain.DecisionReason;
import com.waiverdesk.domain.EcertFinding;
import com.waiverdesk.mock.MockVerificationService;
import com.waiverdesk.verification.EcertServiceClient;
import com.waiverdesk.verification.VerificationHttp;
import com.waiverdesk.verification.ecert.DemoEcertKeys;
import com.waiverdesk.verification.ecert.EcertText;
import com.waiverdesk.verification.ecert.RevocationList;
import com.waiverdesk.verification.ecert.TrustList;
import com.waiverdesk.verification.ecert.EcertVerifier;
import com.waiverdesk.verification.ecert.ListSnapshot;
import com.waiverdesk.verification.ecert.QrImages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ecert sample} writes what the README promises: each sample, read back from its PNG by zbarimg and judged
 * against the built-in demo service's lists and status call for the patient index.txt names, gives the outcome in the
 * hand-written table below.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EcertSampleCommandTest {
    private Path out;
    private MockVerificationService demo;
    private EcertServiceClient client;
    private ListSnapshot lists;
    private final Map<String, String[]> patients = new HashMap<>();
    private String printed;

    @BeforeAll
    void writeSamplesAndFetchTheDemoLists(@TempDir Path dir) throws Exception {
        out = dir.resolve("samples");
        StringWriter stdout = new StringWriter();
        int exit = Cli.run(new String[] {"ecert", "sample", "--out", out.toString()}, new PrintWriter(stdout),
                new PrintWriter(new StringWriter()));
        assertThat(exit).isZero();
        printed = stdout.toString();
        for (String line : Files.readAllLines(out.resolve("index.txt"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#")) {
                String[] fields = line.split("\t");
                patients.put(fields[0], fields);
            }
        }
        demo = MockVerificationService.startDemo();
        client = new EcertServiceClient(VerificationHttp.newLoopbackClient(), new ObjectMapper(),
                demo.serviceAccount(), () -> "w03-li");
        EcertListStore store = new EcertListStore(dir.resolve("lists"), DemoEcertKeys.rootPublicKey(),
                EcertSettings.DEFAULTS, Clock.systemUTC());
        store.refresh(client);
        lists = store.snapshot();
    }

    @AfterAll
    void stopDemo() {
        demo.close();
    }

    @Test
    void writesATextAPngAndAnIndexLineForEachOfTheEightOutcomes() {
        assertThat(patients.keySet()).containsExactlyInAnyOrder("valid", "reduced", "revoked", "expired", "forged",
                "unknown-key", "compromised-key", "someone-else");
        assertThat(printed).contains("8 samples");
        for (String name : patients.keySet()) {
            assertThat(out.resolve(name + ".png")).isRegularFile();
            assertThat(out.resolve(name + ".txt")).isRegularFile();
        }
    }

    /** The desk's decisions for each sample, from the spec's rules 1-4 (by hand, not from the verifier). */
    @ParameterizedTest
    @CsvSource({
            "valid,           ACCEPTED, ,                      SUBSISTENCE_ALLOWANCE",
            "reduced,         ACCEPTED, ,                      LOW_INCOME_FAMILY",
            "revoked,         REFUSED,  ECERT_REVOKED,",
            "expired,         REFUSED,  ECERT_EXPIRED,",
            "forged,          REFUSED,  ECERT_NOT_GENUINE,",
            "unknown-key,     REFUSED,  ECERT_NOT_GENUINE,",
            "compromised-key, REFUSED,  ECERT_NOT_GENUINE,",
            "someone-else,    REFUSED,  ECERT_NOT_THIS_PATIENT,"})
    void eachSampleReadFromItsPngGivesItsOutcomeOnline(String name, EcertFinding.Verdict verdict,
                                                      DecisionReason refusal, String category) throws Exception {
        String text = Files.readString(out.resolve(name + ".txt"), StandardCharsets.US_ASCII).strip();
        assertThat(zbarimg(out.resolve(name + ".png"))).isEqualTo(text);
        assertThat(QrImages.decode(out.resolve(name + ".png")).text()).isEqualTo(text);
        String[] patient = patients.get(name);

        EcertFinding finding = new EcertVerifier(Clock.systemUTC()).verify(text, patient[1], patient[2], lists,
                client);

        assertThat(finding.verdict()).isEqualTo(verdict);
        assertThat(finding.refusal()).isEqualTo(refusal);
        if (category != null) {
            assertThat(finding.category()).isEqualTo(category);
        }
    }

    @ParameterizedTest
    @CsvSource({"valid, ACCEPTED, ", "revoked, REFUSED, ECERT_REVOKED"})
    void withoutTheServiceTheCachedListsDecide(String name, EcertFinding.Verdict verdict, DecisionReason refusal)
            throws Exception {
        String text = Files.readString(out.resolve(name + ".txt"), StandardCharsets.US_ASCII).strip();
        String[] patient = patients.get(name);

        EcertFinding finding = new EcertVerifier(Clock.systemUTC()).verify(text, patient[1], patient[2], lists,
                null);

        assertThat(finding.verdict()).isEqualTo(verdict);
        assertThat(finding.refusal()).isEqualTo(refusal);
    }

    /**
     * The README's images in docs/ecert-samples, judged offline on the day after they were issued (their lists made
     * for that day), so the test does not age with them; the README says to make fresh ones after a year.
     */
    @ParameterizedTest
    @CsvSource({
            "valid,        ACCEPTED, ",
            "reduced,      ACCEPTED, ",
            "revoked,      REFUSED,  ECERT_REVOKED",
            "someone-else, REFUSED,  ECERT_NOT_THIS_PATIENT"})
    void theReadmeSamplesGiveTheirOutcomes(String name, EcertFinding.Verdict verdict, DecisionReason refusal)
            throws Exception {
        Path docs = Path.of("docs", "ecert-samples");
        String text = Files.readString(docs.resolve(name + ".txt"), StandardCharsets.US_ASCII).strip();
        assertThat(zbarimg(docs.resolve(name + ".png"))).isEqualTo(text);
        String[] patient = Files.readAllLines(docs.resolve("index.txt"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith(name + "\t")).findFirst().orElseThrow().split("\t");
        java.time.Instant dayAfter = EcertText.peek(text).orElseThrow().issuedAt().toInstant()
                .plus(java.time.Duration.ofDays(1));
        ListSnapshot thatDay = new ListSnapshot(
                TrustList.read(DemoEcertKeys.trustList(dayAfter), DemoEcertKeys.rootPublicKey(), dayAfter),
                RevocationList.read(DemoEcertKeys.revocationList(dayAfter, List.of("SHMZ-DEMO-0003")),
                        DemoEcertKeys.rootPublicKey(), dayAfter));

        EcertFinding finding = new EcertVerifier(Clock.fixed(dayAfter, java.time.ZoneOffset.UTC))
                .verify(text, patient[1], patient[2], thatDay, null);

        assertThat(finding.verdict()).isEqualTo(verdict);
        assertThat(finding.refusal()).isEqualTo(refusal);
    }

    private static String zbarimg(Path png) throws Exception {
        Process p = new ProcessBuilder("zbarimg", "--raw", "-q", png.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("zbarimg exit code (.ci/run installs zbar-tools)").isZero();
        return text;
    }

}
