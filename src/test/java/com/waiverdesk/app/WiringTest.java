package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.SqliteAuditLog;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.mock.MockAccount;
import com.waiverdesk.mock.MockVerificationService;
import com.waiverdesk.mock.SecretFile;
import com.waiverdesk.verification.HealthStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Starts real desks from a {@link Config}: the demo, a configured endpoint, and the ways a start must fail. */
class WiringTest {
    /** The built-in demo's 低保 recipient (docs/mock-service.md). */
    private static final String NAME = "王秀英";
    private static final String ID = "310101195203140028";
    /** Generous for loopback on a loaded machine, short enough that a refused port gives up quickly. */
    private static final Duration BUDGET = Duration.ofSeconds(3);

    @Command(name = "holder")
    static final class Holder {
        @Mixin
        ConfigOptions options = new ConfigOptions();
    }

    @TempDir
    Path dir;

    private Config demo(Path auditDb, Path policyFile) {
        return new Config(null, null, null, "w03-li", "ADM-W03", auditDb, null, BUDGET, null, policyFile,
                Duration.ofSeconds(30), Locale.SIMPLIFIED_CHINESE);
    }

    /** The configuration as {@code check} would resolve it from these options. */
    private Config fromOptions(String... args) throws ConfigException {
        Holder holder = new Holder();
        new CommandLine(holder).parseArgs(args);
        return holder.options.resolve(new AppPaths(dir.resolve("config"), dir.resolve("data")),
                Map.of("HOSTNAME", "ADM-W03"));
    }

    @Test
    void demoDeskWaivesTheDemoRecipientAndAuditsIt() throws Exception {
        Path db = dir.resolve("audit/audit.db");
        CheckResult result;
        HealthStatus afterClose;
        try (Desk desk = Wiring.start(demo(db, null))) {
            assertThat(desk.isDemo()).isTrue();
            assertThat(desk.policyId()).isEqualTo("shanghai-medical-assistance-2018");
            assertThat(desk.checkHealth().up()).isTrue();

            result = desk.check(NAME, ID, "ADM-2026-000001");

            desk.close();
            afterClose = desk.checkHealth();
        }

        assertThat(result.decision().kind()).isEqualTo(DecisionKind.WAIVE);
        assertThat(result.decision().depositPercent()).isZero();
        assertThat(result.auditSeq()).isEqualTo(1);
        assertThat(result.maskedId()).isEqualTo("310101********0028");
        assertThat(afterClose.up()).as("the demo service stops with the desk").isFalse();
        assertThat(afterClose.failure()).isEqualTo(ServiceFailure.UNREACHABLE);
        assertThat(dir.resolve("audit/audit.key")).isRegularFile();
        try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
            assertThat(log.count()).isEqualTo(1);
            StoredEntry entry = log.last().orElseThrow();
            assertThat(entry.seq()).isEqualTo(1);
            assertThat(entry.entry().decision()).isEqualTo(DecisionKind.WAIVE);
            assertThat(entry.entry().operator()).isEqualTo("w03-li");
            assertThat(entry.entry().workstation()).isEqualTo("ADM-W03");
            assertThat(log.verifyChain().intact()).isTrue();
        }
    }

    @Test
    void usesTheHospitalsPolicyFile() throws Exception {
        Path policy = Files.writeString(dir.resolve("policy.json"), "{\"schemaVersion\": 1, \"id\": \"h-2026\","
                + " \"effectiveFrom\": \"2026-01-01\", \"source\": \"board decision\", \"categories\":"
                + " [{\"code\": \"LOW_INCOME_FAMILY\", \"depositPercent\": 50}]}");

        try (Desk desk = Wiring.start(demo(dir.resolve("audit.db"), policy))) {
            assertThat(desk.policyId()).isEqualTo("h-2026");
            // 低保 is not in this hospital's policy: verified, yet no waiver
            assertThat(desk.check(NAME, ID, "").decision().kind()).isEqualTo(DecisionKind.CHARGE);
        }
    }

    @Test
    void badPolicyFileIsAConfigErrorNamingTheField() throws IOException {
        Path policy = Files.writeString(dir.resolve("policy.json"), "{\"schemaVersion\": 1, \"id\": \"h-2026\","
                + " \"effectiveFrom\": \"2026-01-01\", \"source\": \"board decision\", \"categories\":"
                + " [{\"code\": \"SUBSISTENCE_ALLOWANCE\", \"depositPercent\": 150}]}");

        assertThatThrownBy(() -> Wiring.start(demo(dir.resolve("audit.db"), policy)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(policy.toString())
                .hasMessageContaining("categories[0].depositPercent");
    }

    @Test
    void garbageAuditDatabaseIsRefusedAsCorrupt() throws IOException {
        Path db = Files.writeString(dir.resolve("audit.db"), "a spreadsheet someone saved here\n".repeat(300));

        AuditWriteException failure = catchThrowableOfType(AuditWriteException.class,
                () -> Wiring.start(demo(db, null)));

        assertThat(failure).isNotNull();
        assertThat(failure.kind()).isEqualTo(AuditWriteException.Kind.CORRUPT);
    }

    @Test
    void configuredEndpointWithTheSharedSecretFileWaives() throws Exception {
        Path secret = dir.resolve("mock.secret");
        try (MockVerificationService mock = MockVerificationService.builder()
                .account(MockAccount.demo(SecretFile.loadOrCreate(secret))).start()) {
            // the desk trims the file's text, as an editor may add a newline or spaces around the secret
            Path padded = Files.writeString(dir.resolve("padded.secret"),
                    "  " + Files.readString(secret, StandardCharsets.UTF_8) + "\r\n");
            Config config = fromOptions("--endpoint", mock.baseUrl(), "--account", MockAccount.DEMO_ID,
                    "--secret-file", padded.toString(), "--audit-db", dir.resolve("audit.db").toString(),
                    "--timeout-ms", String.valueOf(BUDGET.toMillis()));

            try (Desk desk = Wiring.start(config)) {
                assertThat(desk.isDemo()).isFalse();
                CheckResult result = desk.check(NAME, ID, "ADM-2026-000002");

                assertThat(result.decision().kind()).isEqualTo(DecisionKind.WAIVE);
                assertThat(result.auditSeq()).isEqualTo(1);
            }
        }
    }

    @Test
    void wrongSecretCannotVerifyAndNeverWaives() throws Exception {
        try (MockVerificationService mock = MockVerificationService.builder()
                .account(MockAccount.demo(SecretFile.loadOrCreate(dir.resolve("mock.secret")))).start()) {
            Path wrong = dir.resolve("wrong.secret");
            SecretFile.loadOrCreate(wrong);
            Config config = fromOptions("--endpoint", mock.baseUrl(), "--account", MockAccount.DEMO_ID,
                    "--secret-file", wrong.toString(), "--audit-db", dir.resolve("audit.db").toString(),
                    "--timeout-ms", String.valueOf(BUDGET.toMillis()));

            try (Desk desk = Wiring.start(config)) {
                CheckResult result = desk.check(NAME, ID, "");

                assertThat(result.decision().kind()).isEqualTo(DecisionKind.CANNOT_VERIFY);
                assertThat(result.decision().failure()).isEqualTo(ServiceFailure.AUTHENTICATION_FAILED);
                assertThat(result.decision().depositPercent()).isNull();
                assertThat(result.auditSeq()).as("a failed check is audited too").isEqualTo(1);
            }
        }
    }

    @Test
    void emptySecretFileIsAConfigError() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.secret"), " \n");
        Config config = fromOptions("--endpoint", "http://127.0.0.1:9/", "--account", MockAccount.DEMO_ID,
                "--secret-file", empty.toString(), "--audit-db", dir.resolve("audit.db").toString());

        assertThatThrownBy(() -> Wiring.start(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(empty.toString())
                .hasMessageContaining("empty");
        assertThat(dir.resolve("audit.db")).as("no audit database is made for a desk that cannot start")
                .doesNotExist();
    }
}
