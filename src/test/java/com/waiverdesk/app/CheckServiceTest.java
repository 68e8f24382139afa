package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.IdHasher;
import com.waiverdesk.audit.SqliteAuditLog;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.InputProblem;
import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.testing.FakeVerificationClient;
import com.waiverdesk.testing.MemoryAuditLog;
import com.waiverdesk.testing.TestDesks;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckServiceTest {
    private static final byte[] KEY = new byte[32];
    private final FakeVerificationClient client = new FakeVerificationClient();
    private final MemoryAuditLog audit = new MemoryAuditLog();
    private final AtomicInteger ids = new AtomicInteger();
    private final CheckService service = new CheckService(client, TestDesks.policy(), audit, new IdHasher(KEY),
            TestDesks.CLOCK, "ADM-W03", new BigDecimal("5000"), () -> "00000000-0000-4000-8000-00000000000" + ids.incrementAndGet());

    private CheckResult check(String name, String id) throws AuditWriteException {
        return service.check(new CheckRequest(name, id, "w03-li", "ADM-1"));
    }

    @Test
    void recordsEverythingButTheIdBeforeReturning() throws Exception {
        CheckResult result = check(" 王秀英 ", "1101 0519 4912 3100 2x");
        assertThat(result.decision().kind()).isEqualTo(DecisionKind.WAIVE);
        assertThat(result.auditSeq()).isEqualTo(1);
        AuditEntry entry = audit.entries.get(0);
        assertThat(entry.maskedId()).isEqualTo("110105********002X");
        assertThat(entry.idHash()).isEqualTo(new IdHasher(KEY).hash(TestDesks.WAIVE_ID));
        assertThat(entry.name()).isEqualTo("王秀英");
        assertThat(entry.operator()).isEqualTo("w03-li");
        assertThat(entry.workstation()).isEqualTo("ADM-W03");
        assertThat(entry.decision()).isEqualTo(DecisionKind.WAIVE);
        assertThat(entry.depositPercent()).isZero();
        assertThat(entry.categories()).containsExactly("SUBSISTENCE_ALLOWANCE");
        assertThat(entry.serviceResult()).isEqualTo("MATCH");
        assertThat(entry.serviceTime()).isEqualTo(FakeVerificationClient.CHECKED_AT);
        assertThat(entry.requestId()).isEqualTo(client.requests.get(0).requestId());
        assertThat(entry.reason()).isEqualTo("WAIVED_BY_CATEGORY");
        assertThat(entry.toString()).doesNotContain(TestDesks.WAIVE_ID);
        assertThat(client.requests.get(0).id().value()).isEqualTo(TestDesks.WAIVE_ID);
        assertThat(client.requests.get(0).businessRef()).isEqualTo("ADM-1");
    }

    @Test
    void reducedDepositCarriesTheAmountDue() throws Exception {
        client.answering(FakeVerificationClient.match("LOW_INCOME_FAMILY", "EXPENDITURE_POVERTY"));
        CheckResult result = check("李建国", TestDesks.WAIVE_ID);
        assertThat(result.decision().kind()).isEqualTo(DecisionKind.REDUCE);
        assertThat(result.amountDue()).contains(new BigDecimal("2500.00"));
    }

    @Test
    void invalidInputIsRecordedAndNothingIsSent() throws Exception {
        CheckResult result = check("王秀英", "110105194912310021");
        assertThat(result.decision().kind()).isEqualTo(DecisionKind.INVALID_INPUT);
        assertThat(client.requests).isEmpty();
        assertThat(audit.entries).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("INVALID_INPUT:ID_WRONG_CHECK_DIGIT");
            assertThat(e.requestId()).isNull();
            assertThat(e.idHash()).isNotNull();
        });
    }

    @Test
    void invalidNameIsRecordedAndNothingIsSent() throws Exception {
        CheckResult result = check("王2", TestDesks.WAIVE_ID);
        assertThat(result.decision().kind()).isEqualTo(DecisionKind.INVALID_INPUT);
        assertThat(client.requests).isEmpty();
        assertThat(audit.entries).hasSize(1);
    }

    @Test
    void serviceFailureIsRecordedWithItsErrorCode() throws Exception {
        client.answering(FakeVerificationClient.failure(ServiceFailure.AUTHENTICATION_FAILED, "BAD_SIGNATURE"));
        CheckResult result = check("王秀英", TestDesks.WAIVE_ID);
        assertThat(result.decision().kind()).isEqualTo(DecisionKind.CANNOT_VERIFY);
        AuditEntry entry = audit.entries.get(0);
        assertThat(entry.errorCode()).isEqualTo("BAD_SIGNATURE");
        assertThat(entry.reason()).isEqualTo("SERVICE_FAILED:AUTHENTICATION_FAILED");
        assertThat(entry.serviceTime()).isNull();
        assertThat(entry.depositPercent()).isNull();
    }

    @Test
    void whenTheAuditWriteFailsThereIsNoResult() {
        audit.failWith(AuditWriteException.Kind.LOCKED);
        assertThatThrownBy(() -> check("王秀英", TestDesks.WAIVE_ID))
                .isInstanceOf(AuditWriteException.class)
                .satisfies(e -> assertThat(((AuditWriteException) e).kind()).isEqualTo(AuditWriteException.Kind.LOCKED));
    }

    /** One character of each class that hides or reorders text (Cc, bidirectional and zero-width Cf, Co, Cs, Cn). */
    @ParameterizedTest(name = "[{index}] U+{0}")
    @ValueSource(strings = {"0000", "001B", "007F", "0085", "202E", "2066", "200F", "200B", "FEFF", "E000", "D800",
        "0378"})
    void anInvisibleCharacterInTheNameIsRefusedAndNeverStored(String hex) throws Exception {
        String c = String.valueOf(Character.toChars(Integer.parseInt(hex, 16)));
        CheckResult result = check("王" + c + "秀英", TestDesks.WAIVE_ID);
        assertThat(result.decision().inputProblem()).isEqualTo(InputProblem.NAME_HAS_CONTROL_CHARACTERS);
        assertThat(client.requests).isEmpty();
        assertThat(audit.entries.get(0).name()).isEqualTo("王\uFFFD秀英");
        assertThat(result.maskedId()).isEqualTo("110105********002X");
    }

    @ParameterizedTest(name = "[{index}] U+{0}")
    @ValueSource(strings = {"0000", "001B", "007F", "0085", "202E", "2066", "200F", "200B", "FEFF", "E000", "D800",
        "0378"})
    void anInvisibleCharacterInTheIdIsRefusedAndShowsAsAMarkInTheMaskedId(String hex) throws Exception {
        String c = String.valueOf(Character.toChars(Integer.parseInt(hex, 16)));
        CheckResult result = check("王秀英", TestDesks.WAIVE_ID + c);
        assertThat(result.decision().inputProblem()).isEqualTo(InputProblem.ID_HAS_CONTROL_CHARACTERS);
        assertThat(client.requests).isEmpty();
        assertThat(result.maskedId()).isEqualTo("110105*********02X\uFFFD");
        assertThat(audit.entries.get(0).maskedId()).isEqualTo("110105*********02X\uFFFD");
    }

    @Test
    void aTenMebibyteIdIsStoredMaskedAndCutToThirtyTwoCharacters() throws Exception {
        String huge = "3".repeat(10 * 1024 * 1024);
        CheckResult result = check("王秀英", huge);
        assertThat(result.decision().inputProblem()).isEqualTo(InputProblem.ID_WRONG_LENGTH);
        String expected = "333333" + "*".repeat(25) + "\u2026";
        assertThat(audit.entries.get(0).maskedId()).isEqualTo(expected).hasSize(32);
        assertThat(result.maskedId()).isEqualTo(expected);
    }

    @Test
    void aLongRefusedNameIsCutAtWholeCharacters() throws Exception {
        String emoji = "\uD83D\uDE00";
        check(emoji.repeat(200), TestDesks.WAIVE_ID);
        assertThat(audit.entries.get(0).name()).isEqualTo(emoji.repeat(128));
    }

    @Test
    void aDecisionNeverShownIsMarkedSoAgainstItsEntry() throws Exception {
        check("王秀英", TestDesks.WAIVE_ID);
        CheckResult second = check("李建国", TestDesks.WAIVE_ID);
        service.recordNotShown(second, "w03-li");
        assertThat(audit.notShown).containsExactly(2L);
        assertThat(audit.entries).hasSize(2);
    }

    @Test
    void aReturnedResultIsAlreadyCommittedToTheDatabase(@TempDir Path dir) throws Exception {
        try (SqliteAuditLog sqlite = SqliteAuditLog.open(dir.resolve("audit.db"))) {
            CheckService real = new CheckService(client, TestDesks.policy(), sqlite, new IdHasher(KEY),
                    TestDesks.CLOCK, "ADM-W03", null);
            CheckResult result = real.check(new CheckRequest("王秀英", TestDesks.WAIVE_ID, "w03-li", ""));
            try (SqliteAuditLog reader = SqliteAuditLog.open(dir.resolve("audit.db"))) {
                assertThat(reader.count()).isEqualTo(1);
                assertThat(reader.last().orElseThrow().seq()).isEqualTo(result.auditSeq());
            }
            assertThat(result.amountDue()).isEmpty();
        }
    }
}
