package com.waiverdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.audit.SqliteAuditLog;
import com.waiverdesk.mock.FaultSpec;
import com.waiverdesk.mock.MockAccount;
import com.waiverdesk.mock.MockVerificationService;
import com.waiverdesk.mock.SecretFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code check} with the other two proofs (cli.md "Other proofs"): the real wiring and the bundled mock. */
class CheckCommandProofsTest {
    private static final String WAIVE_NAME = "王秀英";
    private static final String WAIVE_ID = "310101195203140028";
    /** A valid synthetic ID the demo registry does not hold: the service answers no record. */
    private static final String UNKNOWN_ID = "11010519491231002X";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    private Run check(String... extra) throws IOException {
        Path config = dir.resolve("config.json");
        if (!Files.exists(config)) {
            Files.writeString(config, "{}");
        }
        List<String> args = new ArrayList<>(List.of("check", "--audit-db", dir.resolve("audit.db").toString(),
                "--config", config.toString()));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString().trim(), err.toString());
    }

    private static String daysAgo(int days) {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(days).toString();
    }

    @Test
    void paperWhileTheServiceIsDownWaivesProvisionallyAfterTheLiveCheck() throws Exception {
        Path secretFile = dir.resolve("mock.secret");
        try (MockVerificationService service = MockVerificationService.builder()
                .account(MockAccount.demo(SecretFile.loadOrCreate(secretFile)))
                .faults(FaultSpec.parse("error=1:503,seed=7")).start()) {
            Run run = check("--name", WAIVE_NAME, "--id", WAIVE_ID, "--endpoint", service.baseUrl(),
                    "--account", service.accountId(), "--secret-file", secretFile.toString(), "--timeout-ms", "1500",
                    "--paper-cert", "SQ-2026-0042", "--paper-centre", "潍坊新村街道社区事务受理服务中心",
                    "--paper-issued", daysAgo(10), "--paper-category", "SUBSISTENCE_ALLOWANCE");
            assertThat(run.exit()).as(run.err()).isZero();
            JsonNode json = run.json();
            assertThat(json.get("decision").asText()).isEqualTo("WAIVE");
            assertThat(json.get("reason").asText()).isEqualTo("PAPER_PROVISIONAL_WAIVE");
            assertThat(json.get("channel").asText()).isEqualTo("PAPER");
            assertThat(json.get("auditId").asLong()).isEqualTo(2);
        }
        try (SqliteAuditLog audit = SqliteAuditLog.open(dir.resolve("audit.db"))) {
            assertThat(audit.count()).as("the live check and the paper entry").isEqualTo(2);
        }
    }

    @Test
    void paperAfterNoRecordIsAChargeRefundedAfterReview() throws Exception {
        Run run = check("--name", "赵小明", "--id", UNKNOWN_ID, "--paper-cert", "SQ-2026-0043",
                "--paper-centre", "潍坊新村街道社区事务受理服务中心", "--paper-issued", daysAgo(1),
                "--paper-category", "SUBSISTENCE_ALLOWANCE");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.json().get("decision").asText()).isEqualTo("CHARGE");
        assertThat(run.json().get("reason").asText()).isEqualTo("PAPER_REFUND_AFTER_REVIEW");
        assertThat(run.json().get("followUp").asText()).isEqualTo("COLLECT_DEPOSIT_REFUND_AFTER_REVIEW");
    }

    @Test
    void paperIsNotRecordedWhenTheLiveCheckWaives() throws Exception {
        Run run = check("--name", WAIVE_NAME, "--id", WAIVE_ID, "--paper-cert", "SQ-1", "--paper-centre", "c",
                "--paper-issued", daysAgo(1), "--paper-category", "SUBSISTENCE_ALLOWANCE");
        assertThat(run.exit()).isZero();
        assertThat(run.json().get("channel").asText()).isEqualTo("LIVE_QUERY");
        assertThat(run.err()).contains("paper certificate was not recorded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--paper-cert", "--paper-centre", "--paper-category"})
    void anIncompletePaperCertificateIsAUsageError(String only) throws Exception {
        Run run = check("--name", WAIVE_NAME, "--id", WAIVE_ID, only, "X");
        assertThat(run.exit()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(Files.exists(dir.resolve("audit.db"))).isFalse();
    }

    @Test
    void aMalformedIssueDateIsAUsageError() throws Exception {
        Run run = check("--name", WAIVE_NAME, "--id", WAIVE_ID, "--paper-cert", "SQ-1", "--paper-centre", "c",
                "--paper-issued", "2026-2-30", "--paper-category", "SUBSISTENCE_ALLOWANCE");
        assertThat(run.exit()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.err()).contains("--paper-issued");
    }

    @ParameterizedTest
    @ValueSource(strings = {"王秀英", "SHEC2.DEMO-2026A.eyJ2IjoxfQ.c2ln", "https://example.org/qr"})
    void aTextThatIsNotAnEcertificateIsInvalidInputAndNothingIsSent(String text) throws Exception {
        Run run = check("--name", WAIVE_NAME, "--id", WAIVE_ID, "--ecert", text);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.json().get("reason").asText()).isEqualTo("INVALID_INPUT:ECERT_NOT_A_CERTIFICATE");
        assertThat(run.json().get("demo").asBoolean()).isFalse();
    }
}
