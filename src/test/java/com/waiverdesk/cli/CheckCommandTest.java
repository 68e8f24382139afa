package com.waiverdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.app.AppPaths;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code check} end to end: the real wiring, the bundled mock, the printed JSON and the exit codes of cli.md. */
class CheckCommandTest {
    private static final String WAIVE_NAME = "王秀英";
    private static final String WAIVE_ID = "310101195203140028";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    private Run check(String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "--audit-db", dir.resolve("audit.db").toString(),
                "--config", writeEmptyConfig().toString()));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString().trim(), err.toString());
    }

    private Path writeEmptyConfig() {
        Path config = dir.resolve("config.json");
        try {
            if (!Files.exists(config)) {
                Files.writeString(config, "{}");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return config;
    }

    @Test
    void waivesTheDemoPersonAndPrintsOneJsonObject() throws Exception {
        Run run = check("--name", WAIVE_NAME, "--id", WAIVE_ID);
        assertThat(run.exit()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("decision").asText()).isEqualTo("WAIVE");
        assertThat(json.get("depositPercent").asInt()).isZero();
        assertThat(json.get("categories").get(0).asText()).isEqualTo("SUBSISTENCE_ALLOWANCE");
        assertThat(json.get("requestId").asText()).matches("[0-9a-f-]{36}");
        // printed in the contract's own form, seconds always present (toString drops ":00")
        assertThat(json.get("checkedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00");
        assertThat(json.get("auditId").asLong()).isEqualTo(1);
        assertThat(run.out()).doesNotContain(WAIVE_ID).contains("310101********0028");
        try (SqliteAuditLog audit = SqliteAuditLog.open(dir.resolve("audit.db"))) {
            assertThat(audit.count()).isEqualTo(1);
        }
    }

    @Test
    void reducesHalfForALowIncomeFamily() throws Exception {
        Run run = check("--name", "张美玲", "--id", "310105197609200064");
        assertThat(run.exit()).isZero();
        assertThat(run.json().get("decision").asText()).isEqualTo("REDUCE");
        assertThat(run.json().get("depositPercent").asInt()).isEqualTo(50);
    }

    @Test
    void nameMismatchCharges() throws Exception {
        Run run = check("--name", "王秀云", "--id", WAIVE_ID);
        assertThat(run.exit()).isZero();
        assertThat(run.json().get("decision").asText()).isEqualTo("CHARGE");
        assertThat(run.json().get("depositPercent").asInt()).isEqualTo(100);
        assertThat(run.json().get("reason").asText()).isEqualTo("NAME_MISMATCH");
    }

    @Test
    void invalidIdExitsTwoAndIsStillAudited() throws Exception {
        Run run = check("--name", WAIVE_NAME, "--id", "310101195203140029");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.json().get("decision").asText()).isEqualTo("INVALID_INPUT");
        assertThat(run.json().get("depositPercent").isNull()).isTrue();
        assertThat(run.json().get("reason").asText()).isEqualTo("INVALID_INPUT:ID_WRONG_CHECK_DIGIT");
        assertThat(run.json().get("auditId").asLong()).isEqualTo(1);
    }

    @Test
    void unusableAuditDatabaseExitsOneAndPrintsNoDecision() throws Exception {
        Files.writeString(dir.resolve("audit.db"), "this is not a database, it is a text file of some length".repeat(40));
        Run run = check("--name", WAIVE_NAME, "--id", WAIVE_ID);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("audit").doesNotContain(WAIVE_ID);
        assertThat(run.err().strip()).endsWith(". No decision is given.").doesNotContain("..");
    }

    @Test
    void aMissingPolicyFileIsOneLineForItNamingTheFieldAndNoErrorLogWithAStackTrace() throws Exception {
        Files.writeString(dir.resolve("config.json"), "{\"policyFile\": \"missing-policy.json\"}");
        List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(CheckCommand.class.getName());
        logger.addHandler(capture);
        Run run;
        try {
            run = check("--name", WAIVE_NAME, "--id", WAIVE_ID);
        } finally {
            logger.removeHandler(capture);
        }

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).startsWith("waiverdesk check: Deposit policy (policyFile): ")
                .contains("missing-policy.json").doesNotContain("\n");
        assertThat(records).noneMatch(r -> r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue());
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        Run run = check("--name", WAIVE_NAME);
        assertThat(run.exit()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unreachableServiceExitsThreeWithoutAWaiver() throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "not-the-real-one");
        Run run = check("--name", WAIVE_NAME, "--id", WAIVE_ID, "--endpoint", "http://127.0.0.1:1/",
                "--account", "H310000-DEMO", "--secret-file", secret.toString(), "--timeout-ms", "1500");
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.json().get("decision").asText()).isEqualTo("CANNOT_VERIFY");
        assertThat(run.json().get("depositPercent").isNull()).isTrue();
    }

    /** Each fault a service can commit ends in CANNOT_VERIFY (exit 3), never a waiver, though the person is waivable. */
    @ParameterizedTest
    @ValueSource(strings = {"error=1:500", "error=1:502", "error=1:503", "error=1:504", "malformed=1:truncated",
        "malformed=1:wrong-types", "malformed=1:unknown-result", "malformed=1:html", "malformed=1:stale", "ratelimit=1:30",
        "timeout=1:20s"})
    void faultyServiceNeverWaives(String faults) throws Exception {
        Path secretFile = dir.resolve("mock.secret");
        try (MockVerificationService service = MockVerificationService.builder()
                .account(MockAccount.demo(SecretFile.loadOrCreate(secretFile)))
                .faults(FaultSpec.parse(faults + ",seed=7")).start()) {
            Run run = check("--name", WAIVE_NAME, "--id", WAIVE_ID, "--endpoint", service.baseUrl(),
                    "--account", service.accountId(), "--secret-file", secretFile.toString(), "--timeout-ms", "1500");
            assertThat(run.exit()).as(run.err()).isEqualTo(3);
            assertThat(run.json().get("decision").asText()).isEqualTo("CANNOT_VERIFY");
        }
    }

    @Test
    void aThreeDayOldWaiverIsCouldNotVerifyAndSendsTheClerkToIt() throws Exception {
        Path secretFile = dir.resolve("mock.secret");
        try (MockVerificationService service = MockVerificationService.builder()
                .account(MockAccount.demo(SecretFile.loadOrCreate(secretFile)))
                .faults(FaultSpec.parse("malformed=1:stale")).start()) {
            Run run = check("--name", WAIVE_NAME, "--id", WAIVE_ID, "--endpoint", service.baseUrl(),
                    "--account", service.accountId(), "--secret-file", secretFile.toString());
            assertThat(run.exit()).as(run.err()).isEqualTo(3);
            assertThat(run.json().get("reason").asText()).isEqualTo("SERVICE_FAILED:STALE_ANSWER");
            assertThat(run.json().get("followUp").asText()).isEqualTo("CHECK_CLOCKS_CALL_IT");
        }
    }

    @Test
    void wrongSecretIsRefusedAndNeverWaives() throws Exception {
        Path secretFile = dir.resolve("mock.secret");
        Path wrong = dir.resolve("wrong.secret");
        Files.writeString(wrong, "some-other-secret-entirely");
        try (MockVerificationService service = MockVerificationService.builder()
                .account(MockAccount.demo(SecretFile.loadOrCreate(secretFile))).start()) {
            Run run = check("--name", WAIVE_NAME, "--id", WAIVE_ID, "--endpoint", service.baseUrl(),
                    "--account", service.accountId(), "--secret-file", wrong.toString());
            assertThat(run.exit()).isEqualTo(3);
            assertThat(run.json().get("reason").asText()).isEqualTo("SERVICE_FAILED:AUTHENTICATION_FAILED");
            assertThat(run.json().get("followUp").asText()).isEqualTo("CALL_IT");
        }
    }

    @Test
    void standaloneServiceWithTheSameSecretFileWaives() throws Exception {
        Path secretFile = dir.resolve("mock.secret");
        try (MockVerificationService service = MockVerificationService.builder()
                .account(MockAccount.demo(SecretFile.loadOrCreate(secretFile))).start()) {
            Run run = check("--name", WAIVE_NAME, "--id", WAIVE_ID, "--endpoint", service.baseUrl(),
                    "--account", service.accountId(), "--secret-file", secretFile.toString());
            assertThat(run.exit()).isZero();
            assertThat(run.json().get("decision").asText()).isEqualTo("WAIVE");
        }
    }

    @Test
    void anOptionForASettingItLockedIsAUsageErrorAndDecidesNothing() throws IOException {
        Path machine = dir.resolve("machine.json");
        Files.writeString(machine, "{\"locked\": [\"auditDatabase\"]}");
        String before = System.getProperty(AppPaths.MACHINE_CONFIG_PROPERTY);
        System.setProperty(AppPaths.MACHINE_CONFIG_PROPERTY, machine.toString());
        try {
            Run run = check("--name", WAIVE_NAME, "--id", WAIVE_ID);

            assertThat(run.exit()).isEqualTo(Cli.EXIT_USAGE);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("--audit-db").contains("\"auditDatabase\"").contains("hospital IT locked");
            assertThat(dir.resolve("audit.db")).doesNotExist();
        } finally {
            if (before == null) {
                System.clearProperty(AppPaths.MACHINE_CONFIG_PROPERTY);
            } else {
                System.setProperty(AppPaths.MACHINE_CONFIG_PROPERTY, before);
            }
        }
    }
}
