package com.waiverdesk.audit;

import static com.waiverdesk.audit.AuditFixtures.storedString;
import static com.waiverdesk.audit.AuditFixtures.storedValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.waiverdesk.audit.ChainReport.BreakKind;
import com.waiverdesk.audit.IntegrityReport.Place;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tampers with a real, anchored log using the {@code sqlite3} client, as someone with the file but without the
 * program or the key could, and checks that verify names the first bad entry and what was done to it.
 */
class ChainTamperingTest {
    private static final String UNGUARD = "DROP TRIGGER audit_entry_no_update; DROP TRIGGER audit_entry_no_delete;\n";
    private static final String UNGUARD_ACCESS = "DROP TRIGGER access_entry_no_update;"
            + " DROP TRIGGER access_entry_no_delete;\n";

    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void writeFiveEntriesAndThreeAccessEvents() throws Exception {
        db = dir.resolve("audit.db");
        try (SqliteAuditLog log = AuditFixtures.openAnchored(db, 5)) {
            for (int i = 1; i <= 3; i++) {
                log.record(AuditFixtures.accessEvent(i));
            }
        }
    }

    @Test
    void untouchedLogVerifies() throws Exception {
        IntegrityReport report = verify();

        assertThat(report.intact()).isTrue();
        assertThat(report.firstProblem()).isEmpty();
        assertThat(report.anchorsChecked()).isTrue();
        assertThat(report.checks().entriesChecked()).isEqualTo(5);
        assertThat(report.access().lastGoodSeq()).isEqualTo(3);
        assertThat(report.lastAnchor().seq()).isEqualTo(5);
        assertThat(report.lastAnchor().hash()).isEqualTo(report.checks().lastGoodHash());
    }

    @Test
    void emptyLogVerifies() throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(dir.resolve("empty.db"), AuditFixtures.KEY)) {
            IntegrityReport report = log.verify(ProgressListener.NONE);
            assertThat(report.intact()).isTrue();
            assertThat(report.checks().entriesChecked()).isZero();
            assertThat(report.checks().lastGoodHash()).isEqualTo(HashChain.GENESIS);
        }
    }

    @Test
    void findsAnEditedDecision() throws Exception {
        SqliteShell.run(db, UNGUARD + "UPDATE audit_entry SET decision = 'CHARGE' WHERE seq = 3;");

        assertFirstProblem(Place.CHECK_ENTRIES, 3, BreakKind.EDITED);
    }

    @Test
    void findsAValueAddedWhereThereWasNone() throws Exception {
        SqliteShell.run(db, UNGUARD + "UPDATE audit_entry SET error_code = '' WHERE seq = 2;");

        assertFirstProblem(Place.CHECK_ENTRIES, 2, BreakKind.EDITED);
    }

    @Test
    void findsAnEditedEntryWhoseHashWasRecomputed() throws Exception {
        List<Object> values = storedValues(db, AuditChain.CHECKS, 3);
        values.set(EntryColumns.NAMES.indexOf("name"), "李四");
        String prev = storedString(db, AuditChain.CHECKS, 3, "prev_hash");
        SqliteShell.run(db, UNGUARD + "UPDATE audit_entry SET name = '李四', entry_hash = '"
                + HashChain.hash(3, values, prev) + "' WHERE seq = 3;");

        assertFirstProblem(Place.CHECK_ENTRIES, 3, BreakKind.EDITED);
    }

    @Test
    void findsAnEditedSourceOfANewerEntry() throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            log.append(AuditFixtures.sourcedEntry(6));
            log.append(AuditFixtures.sourcedEntry(7));
        }
        SqliteShell.run(db, UNGUARD + "UPDATE audit_entry SET demo_service = 1 WHERE seq = 6;");

        assertFirstProblem(Place.CHECK_ENTRIES, 6, BreakKind.EDITED);
    }

    @Test
    void findsASourceErasedFromANewerEntry() throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            log.append(AuditFixtures.sourcedEntry(6));
        }
        SqliteShell.run(db, UNGUARD + "UPDATE audit_entry SET policy_id = NULL, policy_sha256 = NULL,"
                + " service_url = NULL, demo_service = NULL, program_version = NULL WHERE seq = 6;");

        assertFirstProblem(Place.CHECK_ENTRIES, 6, BreakKind.EDITED);
    }

    @Test
    void findsAnEditedCertificateIdOfAnECertificateEntry() throws Exception {
        appendProofEntries();
        SqliteShell.run(db, UNGUARD + "UPDATE audit_entry SET cert_id = 'SHC-2026-000099' WHERE seq = 6;");

        assertFirstProblem(Place.CHECK_ENTRIES, 6, BreakKind.EDITED);
    }

    @Test
    void findsAnEditedPaperCertificateNumber() throws Exception {
        appendProofEntries();
        SqliteShell.run(db, UNGUARD + "UPDATE audit_entry SET paper_number = '沪民证字20269999' WHERE seq = 7;");

        assertFirstProblem(Place.CHECK_ENTRIES, 7, BreakKind.EDITED);
    }

    @Test
    void findsAPaperEntryPassedOffAsALiveQuery() throws Exception {
        appendProofEntries();
        SqliteShell.run(db, UNGUARD + "UPDATE audit_entry SET channel = NULL, paper_number = NULL,"
                + " paper_centre = NULL, paper_issued = NULL, paper_category = NULL, follows_seq = NULL,"
                + " holder_from_certificate = NULL WHERE seq = 7;");

        assertFirstProblem(Place.CHECK_ENTRIES, 7, BreakKind.EDITED);
    }

    @Test
    void findsAnEditedReviewReason() throws Exception {
        appendProofEntries();
        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            assertThat(log.recordReview(7, false, "stamp does not match the centre", java.time.Instant.parse(
                    "2026-03-06T09:00:00Z"), "supervisor-01", "WIN-SUP-01")).isEqualTo(4);
        }
        SqliteShell.run(db, UNGUARD_ACCESS + "UPDATE access_entry SET detail = 'entry 7; reason: fine'"
                + " WHERE seq = 4;");

        assertFirstProblem(Place.ACCESS_EVENTS, 4, BreakKind.EDITED);
    }

    private void appendProofEntries() throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            assertThat(log.append(AuditFixtures.ecertEntry(6))).isEqualTo(6);
            assertThat(log.append(AuditFixtures.paperEntry(7))).isEqualTo(7);
            log.append(AuditFixtures.entry(8).withProof(ProofDetail.liveQuery()));
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void findsAnEditedLink() throws Exception {
        SqliteShell.run(db, UNGUARD + "UPDATE audit_entry SET prev_hash = '" + "a".repeat(64) + "' WHERE seq = 4;");

        assertFirstProblem(Place.CHECK_ENTRIES, 4, BreakKind.EDITED);
    }

    @Test
    void findsADeletedMiddleEntry() throws Exception {
        SqliteShell.run(db, UNGUARD + "DELETE FROM audit_entry WHERE seq = 3;");

        assertFirstProblem(Place.CHECK_ENTRIES, 3, BreakKind.DELETED);
    }

    @Test
    void findsADeletedFirstEntry() throws Exception {
        SqliteShell.run(db, UNGUARD + "DELETE FROM audit_entry WHERE seq = 1;");

        assertFirstProblem(Place.CHECK_ENTRIES, 1, BreakKind.DELETED);
    }

    @Test
    void findsADeletedEntryWhoseGapWasClosedByRenumbering() throws Exception {
        SqliteShell.run(db, UNGUARD + "DELETE FROM audit_entry WHERE seq = 3;"
                + " UPDATE audit_entry SET seq = seq + 1000 WHERE seq > 3;"
                + " UPDATE audit_entry SET seq = seq - 1001 WHERE seq > 1000;");

        assertFirstProblem(Place.CHECK_ENTRIES, 3, BreakKind.DELETED);
    }

    @Test
    void findsAnEntryInsertedWithACorrectlyComputedHash() throws Exception {
        insertForgedEntryAt3(true);

        assertFirstProblem(Place.CHECK_ENTRIES, 3, BreakKind.INSERTED);
    }

    @Test
    void findsAnEntryInsertedWithAMadeUpHash() throws Exception {
        insertForgedEntryAt3(false);

        assertFirstProblem(Place.CHECK_ENTRIES, 3, BreakKind.INSERTED);
    }

    @Test
    void findsAnEntryAppendedByHandWithAWrongLink() throws Exception {
        List<Object> values = storedValues(db, AuditChain.CHECKS, 2);
        String wrongPrev = storedString(db, AuditChain.CHECKS, 2, "entry_hash");
        SqliteShell.run(db, SqliteShell.insert(AuditChain.CHECKS, 6, values, wrongPrev,
                HashChain.hash(6, values, wrongPrev)));

        assertFirstProblem(Place.CHECK_ENTRIES, 6, BreakKind.INSERTED);
    }

    @Test
    void findsSwappedEntries() throws Exception {
        SqliteShell.run(db, UNGUARD + "UPDATE audit_entry SET seq = seq + 1000 WHERE seq IN (3, 4);"
                + " UPDATE audit_entry SET seq = 1007 - seq WHERE seq > 1000;");

        assertFirstProblem(Place.CHECK_ENTRIES, 3, BreakKind.REORDERED);
    }

    @Test
    void findsATailCutBackBehindTheLastAnchor() throws Exception {
        SqliteShell.run(db, UNGUARD + "DELETE FROM audit_entry WHERE seq >= 4;");

        assertFirstProblem(Place.CHECK_ENTRIES, 4, BreakKind.TRUNCATED);
    }

    @Test
    void findsATailCutBackAndRefilledThroughTheProgram() throws Exception {
        SqliteShell.run(db, UNGUARD + "DELETE FROM audit_entry WHERE seq >= 4;");
        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            log.append(AuditFixtures.failedEntry());
            log.append(AuditFixtures.failedEntry());
        }

        IntegrityReport report = assertFirstProblem(Place.CHECK_ENTRIES, 5, BreakKind.TRUNCATED);
        assertThat(report.anchorBreak()).as("the refill's own anchor is genuine").isNull();
    }

    @Test
    void findsAnEditedAccessEvent() throws Exception {
        SqliteShell.run(db, UNGUARD_ACCESS + "UPDATE access_entry SET supervisor = 'someone-else' WHERE seq = 2;");

        assertFirstProblem(Place.ACCESS_EVENTS, 2, BreakKind.EDITED);
    }

    @Test
    void findsADeletedAccessEvent() throws Exception {
        SqliteShell.run(db, UNGUARD_ACCESS + "DELETE FROM access_entry WHERE seq = 2;");

        assertFirstProblem(Place.ACCESS_EVENTS, 2, BreakKind.DELETED);
    }

    @Test
    void findsAccessEventsCutBackBehindTheLastAnchor() throws Exception {
        SqliteShell.run(db, UNGUARD_ACCESS + "DELETE FROM access_entry WHERE seq = 3;");

        assertFirstProblem(Place.ACCESS_EVENTS, 3, BreakKind.TRUNCATED);
    }

    @Test
    void findsTextReplacedByTheSameBytesAsABlob() throws Exception {
        SqliteShell.run(db, UNGUARD + "UPDATE audit_entry SET name = CAST(name AS BLOB) WHERE seq = 4;");

        assertFirstProblem(Place.CHECK_ENTRIES, 4, BreakKind.EDITED);
    }

    @Test
    void findsANumberReplacedByAFraction() throws Exception {
        SqliteShell.run(db, UNGUARD + "UPDATE audit_entry SET latency_ms = latency_ms + 0.5 WHERE seq = 2;");

        assertFirstProblem(Place.CHECK_ENTRIES, 2, BreakKind.EDITED);
    }

    @Test
    void entryWithAValueTheProgramNeverWritesIsReportedNotCrashedOn() throws Exception {
        SqliteShell.run(db, UNGUARD + "UPDATE audit_entry SET decision = 'MAYBE' WHERE seq = 5;");

        assertFirstProblem(Place.CHECK_ENTRIES, 5, BreakKind.EDITED);
        try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
            assertThatThrownBy(() -> log.latest(1)).isInstanceOf(AuditReadException.class)
                    .extracting(e -> ((AuditReadException) e).kind()).isEqualTo(AuditWriteException.Kind.CORRUPT);
        }
    }

    private void insertForgedEntryAt3(boolean computeHash) throws Exception {
        List<Object> values = storedValues(db, AuditChain.CHECKS, 2);
        values.set(EntryColumns.NAMES.indexOf("request_id"), "forged");
        String prev = storedString(db, AuditChain.CHECKS, 2, "entry_hash");
        // make room at seq 3 the way a tamperer would: move the tail up by one
        SqliteShell.run(db, UNGUARD + "UPDATE audit_entry SET seq = seq + 1000 WHERE seq >= 3;"
                + " UPDATE audit_entry SET seq = seq - 999 WHERE seq > 1000;\n"
                + SqliteShell.insert(AuditChain.CHECKS, 3, values, prev,
                        computeHash ? HashChain.hash(3, values, prev) : "e".repeat(64)));
    }

    private IntegrityReport verify() throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            return log.verify(ProgressListener.NONE);
        }
    }

    private IntegrityReport assertFirstProblem(Place place, long seq, BreakKind kind) throws Exception {
        IntegrityReport report = verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.firstProblem()).hasValueSatisfying(p -> {
            assertThat(p.place()).isEqualTo(place);
            assertThat(p.found().kind()).as(p.found().detail()).isEqualTo(kind);
            assertThat(p.found().seq()).as(p.found().detail()).isEqualTo(seq);
            assertThat(p.found().detail()).isNotBlank().doesNotContain(AuditFixtures.NAME);
        });
        return report;
    }
}
