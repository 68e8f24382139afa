package com.waiverdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.audit.CheckSource;
import com.waiverdesk.audit.SqliteAuditLog;
import com.waiverdesk.mock.MockAccount;
import com.waiverdesk.mock.MockVerificationService;
import com.waiverdesk.mock.SecretFile;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code check} records about the check itself (policy, service, demo or not, program version) and prints as
 * {@code "demo"}; and {@code --id -}, which reads the ID from standard input.
 */
class CheckCommandSourceTest {
    private static final String WAIVE_NAME = "王秀英";
    private static final String WAIVE_ID = "310101195203140028";
    /** The bundled policy as shipped, read from the source tree rather than through the program. */
    private static final Path DEFAULT_POLICY = Path.of("src/main/resources/com/waiverdesk/app/default-policy.json");

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private Run check(String stdin, String... extra) throws Exception {
        Path config = dir.resolve("config.json");
        if (!Files.exists(config)) {
            Files.writeString(config, "{}");
        }
        List<String> args = new ArrayList<>(List.of("check", "--audit-db", dir.resolve("audit.db").toString(),
                "--config", config.toString()));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream savedIn = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            int exit = Cli.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
            return new Run(exit, out.toString().trim(), err.toString());
        } finally {
            System.setIn(savedIn);
        }
    }

    private CheckSource lastSource() throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(dir.resolve("audit.db"))) {
            return log.last().orElseThrow().entry().source();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void theBuiltInDemoServiceSaysDemoTrueAndTheEntryRecordsItWithTheBundledPolicy() throws Exception {
        Run run = check("", "--name", WAIVE_NAME, "--id", WAIVE_ID);

        assertThat(run.exit()).isZero();
        assertThat(run.json().get("demo").isBoolean()).isTrue();
        assertThat(run.json().get("demo").asBoolean()).isTrue();
        CheckSource source = lastSource();
        assertThat(source.demoService()).isTrue();
        assertThat(source.policyId()).isEqualTo("shanghai-medical-assistance-2018");
        assertThat(source.policySha256()).isEqualTo(sha256(DEFAULT_POLICY));
        assertThat(source.serviceUrl()).startsWith("http://127.0.0.1:");
        assertThat(source.serviceHost()).isEqualTo("127.0.0.1");
        assertThat(source.programVersion()).isEqualTo("dev"); // run from classes: no manifest
    }

    @Test
    void aRealServiceSaysDemoFalseAndTheEntryRecordsItsUrlAndThePolicyFileHash() throws Exception {
        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, Files.readString(DEFAULT_POLICY).replace("shanghai-medical-assistance-2018",
                "hospital-7-2026"));
        Files.writeString(dir.resolve("config.json"), "{\"policyFile\": \""
                + policy.toString().replace("\\", "\\\\") + "\"}");
        Path secretFile = dir.resolve("mock.secret");
        try (MockVerificationService service = MockVerificationService.builder()
                .account(MockAccount.demo(SecretFile.loadOrCreate(secretFile))).start()) {
            Run run = check("", "--name", WAIVE_NAME, "--id", WAIVE_ID, "--endpoint", service.baseUrl(),
                    "--account", service.accountId(), "--secret-file", secretFile.toString());

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.json().get("demo").asBoolean()).isFalse();
            CheckSource source = lastSource();
            assertThat(source.demoService()).isFalse();
            assertThat(source.serviceUrl()).isEqualTo(service.baseUrl());
            assertThat(source.policyId()).isEqualTo("hospital-7-2026");
            assertThat(source.policySha256()).isEqualTo(sha256(policy)).isNotEqualTo(sha256(DEFAULT_POLICY));
        }
    }

    @Test
    void invalidInputSaysDemoFalseSinceNoServiceAnswered() throws Exception {
        Run run = check("", "--name", WAIVE_NAME, "--id", "3101011952");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.json().get("demo").asBoolean()).isFalse();
        assertThat(lastSource().demoService()).isTrue(); // the desk ran against the demo, nothing was sent to it
    }

    @Test
    void readsTheIdFromStandardInputWhenGivenAsADash() throws Exception {
        Run run = check(WAIVE_ID + "\n", "--name", WAIVE_NAME, "--id", "-");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.json().get("decision").asText()).isEqualTo("WAIVE");
        assertThat(run.json().get("maskedId").asText()).isEqualTo("310101********0028");
    }

    @Test
    void readsOnlyTheFirstLineAndAcceptsAWindowsLineEnd() throws Exception {
        Run run = check(WAIVE_ID + "\r\nsomething else\n", "--name", WAIVE_NAME, "--id", "-");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.json().get("decision").asText()).isEqualTo("WAIVE");
    }

    @Test
    void anEmptyStandardInputIsAUsageErrorAndChecksNothing() throws Exception {
        Run run = check("", "--name", WAIVE_NAME, "--id", "-");

        assertThat(run.exit()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--id -").contains("standard input is empty");
        assertThat(dir.resolve("audit.db")).doesNotExist();
    }
}
