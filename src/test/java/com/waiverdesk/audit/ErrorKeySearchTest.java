package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.ResidentId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The error filter: the keys that occur, and a search by each finds exactly the entries with that key. */
class ErrorKeySearchTest {
    private static final String ID = "310104198507150012";

    @TempDir
    Path dir;

    private static AuditEntry failed(int minute, DecisionKind decision, String reason, String errorCode) {
        return new AuditEntry(Instant.parse("2026-03-02T09:00:00Z").plusSeconds(60L * minute), null, "clerk-08",
                "WIN-ADM-04", ResidentId.mask(ID), AuditFixtures.HASHER.hash(ID), "王秀英", decision, null, reason,
                List.of(), null, decision == DecisionKind.INVALID_INPUT ? null : "req-" + minute, errorCode, 10);
    }

    @Test
    void offersTheKeysThatOccurAndFindsEachOnesEntries() throws Exception {
        Path db = dir.resolve("audit.db");
        try (SqliteAuditLog log = AuditFixtures.openWith(db, 3)) {
            log.append(failed(1, DecisionKind.CANNOT_VERIFY, "SERVICE_FAILED:TIMEOUT", null));
            log.append(failed(2, DecisionKind.CANNOT_VERIFY, "SERVICE_FAILED:RATE_LIMITED", "RATE_LIMITED"));
            log.append(failed(3, DecisionKind.CANNOT_VERIFY, "SERVICE_FAILED:TIMEOUT", null));
            log.append(failed(4, DecisionKind.INVALID_INPUT, "INVALID_INPUT:ID_WRONG_CHECK_DIGIT", null));
            log.append(failed(5, DecisionKind.CANNOT_VERIFY, "SERVICE_FAILED:AUTHENTICATION_FAILED", "BAD_SIGNATURE"));
        }
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            assertThat(reader.errorKeys()).containsExactly("BAD_SIGNATURE", "INVALID_INPUT:ID_WRONG_CHECK_DIGIT",
                    "RATE_LIMITED", "SERVICE_FAILED:TIMEOUT");

            assertThat(seqs(reader, "SERVICE_FAILED:TIMEOUT")).containsExactly(6L, 4L);
            assertThat(seqs(reader, "RATE_LIMITED")).containsExactly(5L);
            assertThat(seqs(reader, "BAD_SIGNATURE")).containsExactly(8L);
            // the failure behind a service error code is found by the code, not twice
            assertThat(seqs(reader, "SERVICE_FAILED:AUTHENTICATION_FAILED")).isEmpty();
            assertThat(seqs(reader, "INVALID_INPUT:ID_WRONG_CHECK_DIGIT")).containsExactly(7L);
            assertThat(reader.count(filter("SERVICE_FAILED:TIMEOUT"))).isEqualTo(2);
        }
    }

    private static List<Long> seqs(AuditReader reader, String errorKey) throws AuditReadException {
        return reader.page(filter(errorKey), Long.MAX_VALUE, 50).entries().stream().map(StoredEntry::seq).toList();
    }

    private static AuditFilter filter(String errorKey) {
        return new AuditFilter(null, null, null, null, null, null, AuditFilter.errorCode(errorKey), null, null);
    }
}
