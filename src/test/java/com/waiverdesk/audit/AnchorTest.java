package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.waiverdesk.audit.ChainReport.BreakKind;
import com.waiverdesk.audit.IntegrityReport.Place;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signed anchor file: when it is written, what it holds, and every way a tamperer could spoil it. */
class AnchorTest {
    @TempDir
    Path dir;

    @Test
    void closeAnchorsBothChainsHeadsBesideTheDatabase() throws Exception {
        Path db = dir.resolve("audit.db");
        ChainHead head;
        try (SqliteAuditLog log = AuditFixtures.openAnchored(db, 2)) {
            log.record(AuditFixtures.accessEvent(1));
            head = log.head();
        }

        List<String> lines = anchorLines(db);
        assertThat(lines.get(lines.size() - 1)).startsWith("anchor-1 log=")
                .contains(" checks=2:" + head.hash() + " access=1:" + head.accessHash() + " purged=0:")
                .matches(".* mac=[0-9a-f]{64}").doesNotContain(AuditFixtures.NAME)
                .doesNotContain(AuditFixtures.FULL_ID.substring(0, 17));
        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            IntegrityReport report = log.verify(ProgressListener.NONE);
            assertThat(report.intact()).isTrue();
            assertThat(report.lastAnchor()).usingRecursiveComparison().ignoringFields("time").isEqualTo(head);
        }
    }

    @Test
    void closingWithoutNewWritesDoesNotRepeatTheLastAnchor() throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.openAnchored(db, 2).close();
        int lines = anchorLines(db).size();

        SqliteAuditLog.open(db, AuditFixtures.KEY).close();

        assertThat(anchorLines(db)).hasSize(lines);
    }

    @Test
    void firstWriteOfEachCalendarDayAnchors() throws Exception {
        Path db = dir.resolve("audit.db");
        TestClock clock = new TestClock(Instant.parse("2026-03-01T01:00:00Z")); // 09:00 in Shanghai
        try (SqliteAuditLog log = SqliteAuditLog.openUrl("jdbc:sqlite:" + db, AnchorFile.beside(db, AuditFixtures.KEY),
                clock)) {
            log.append(AuditFixtures.entry(1));
            log.append(AuditFixtures.entry(2));
            assertThat(anchorLines(db)).hasSize(1).allMatch(l -> l.contains(" checks=1:"));

            clock.advance(Duration.ofHours(14)); // 23:00, the same day
            log.record(AuditFixtures.accessEvent(1));
            assertThat(anchorLines(db)).hasSize(1);

            clock.advance(Duration.ofHours(2)); // 01:00 the next day
            log.append(AuditFixtures.entry(3));
            assertThat(anchorLines(db)).hasSize(2);
            assertThat(anchorLines(db).get(1)).contains(" checks=3:").contains(" access=1:");
        }
    }

    @Test
    void writeAnchorAppendsTheCurrentHeadsEvenWhenUnchanged() throws Exception {
        Path db = dir.resolve("audit.db");
        try (SqliteAuditLog log = AuditFixtures.openAnchored(db, 3)) {
            int before = anchorLines(db).size();
            ChainHead first = log.writeAnchor();
            ChainHead second = log.writeAnchor();

            assertThat(anchorLines(db)).hasSize(before + 2);
            assertThat(first.seq()).isEqualTo(3);
            assertThat(second.hash()).isEqualTo(first.hash()).isEqualTo(log.last().orElseThrow().entryHash());
        }
    }

    @Test
    void editedAnchorLineIsReportedAsForged() throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.openAnchored(db, 5).close();
        String h3 = AuditFixtures.storedString(db, AuditChain.CHECKS, 3, "entry_hash");
        String h5 = AuditFixtures.storedString(db, AuditChain.CHECKS, 5, "entry_hash");
        // cut the log back to 3 and make the last anchor say so, without the key to sign it
        SqliteShell.run(db, "DROP TRIGGER audit_entry_no_delete; DELETE FROM audit_entry WHERE seq > 3;");
        List<String> lines = anchorLines(db);
        int last = lines.size() - 1;
        lines.set(last, lines.get(last).replace("checks=5:" + h5, "checks=3:" + h3));
        Files.write(anchorFile(db), lines, StandardCharsets.US_ASCII);

        IntegrityReport report = verify(db);

        assertThat(report.checks().intact()).as("no valid anchor is left that saw entry 5").isTrue();
        assertAnchorProblem(report, last + 1, "signature");
    }

    @Test
    void lineCopiedFromEarlierInTheFileIsReportedAsReplayed() throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.openAnchored(db, 2).close(); // anchored at its first append and at close
        String first = anchorLines(db).get(0);
        Files.writeString(anchorFile(db), first + "\n", StandardOpenOption.APPEND);
        int replayed = anchorLines(db).size();

        assertAnchorProblem(verify(db), replayed, "earlier state");
    }

    @Test
    void lineFromAnotherLogWithTheSameKeyIsRejected() throws Exception {
        Path db = dir.resolve("audit.db");
        Path other = dir.resolve("other.db");
        AuditFixtures.openAnchored(db, 1).close();
        AuditFixtures.openAnchored(other, 9).close();
        List<String> foreign = anchorLines(other);
        Files.writeString(anchorFile(db), foreign.get(foreign.size() - 1) + "\n", StandardOpenOption.APPEND);
        int copied = anchorLines(db).size();

        assertAnchorProblem(verify(db), copied, "another audit database");
    }

    @Test
    void anchorOfAPurgeThatRolledBackDoesNotSpoilTheLog() throws Exception {
        Path db = dir.resolve("audit.db");
        try (SqliteAuditLog log = AuditFixtures.openAnchored(db, 5); Connection c = AuditFixtures.jdbc(db)) {
            // what a purge through entry 3 writes before its delete, had the delete then failed
            AnchorFile.beside(db, AuditFixtures.KEY).append(new Anchor(AuditConnections.logId(c), log.head(), 3,
                    AuditFixtures.storedString(db, AuditChain.CHECKS, 3, "entry_hash")));
            log.append(AuditFixtures.entry(6));
            log.writeAnchor();

            IntegrityReport report = log.verify(ProgressListener.NONE);

            assertThat(report.intact()).as("%s", report.firstProblem()).isTrue();
            assertThat(report.checks().entriesChecked()).isEqualTo(6);
        }
    }

    @Test
    void deletedAnchorFileIsReported() throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.openAnchored(db, 2).close();
        Files.delete(anchorFile(db));

        assertAnchorProblem(verify(db), 0, "deleted or replaced");
    }

    @Test
    void tornLastLineIsReportedAndTheNextAnchorStartsOnItsOwnLine() throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.openAnchored(db, 2).close();
        String whole = anchorLines(db).get(0);
        Files.writeString(anchorFile(db), whole.substring(0, 40), StandardOpenOption.APPEND);
        int torn = anchorLines(db).size();

        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            log.append(AuditFixtures.entry(3));
            log.writeAnchor();
            IntegrityReport report = log.verify(ProgressListener.NONE);

            assertAnchorProblem(report, torn, "incomplete");
            assertThat(report.lastAnchor().seq()).isEqualTo(3);
        }
    }

    @Test
    void anotherKeyCannotVouchForTheAnchors() throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.openAnchored(db, 2).close();
        // a tamperer who also removed the key's fingerprint from the database, outside the program
        SqliteShell.run(db, "DROP TRIGGER audit_meta_no_delete; DELETE FROM audit_meta WHERE key = 'key_fingerprint';");

        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.key((byte) 99))) {
            assertAnchorProblem(log.verify(ProgressListener.NONE), 1, "signature");
        }
    }

    @Test
    void windowWithAnotherKeyFileIsRefusedAndWritesNothing() throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.openAnchored(db, 2).close();
        String before = SqliteShell.run(db, "SELECT count(*) FROM audit_entry;");

        assertThatThrownBy(() -> SqliteAuditLog.open(db, AuditFixtures.key((byte) 99)))
                .isInstanceOf(AuditWriteException.class)
                .hasMessageContaining("different audit key file")
                .hasMessageContaining("same key file");
        assertThat(SqliteShell.run(db, "SELECT count(*) FROM audit_entry;")).isEqualTo(before);
        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            assertThat(log.verify(ProgressListener.NONE).intact()).isTrue();
        }
    }

    @Test
    void databaseKeepsOnlyAOneWayFingerprintOfTheKey() throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.openAnchored(db, 1).close();

        String fingerprint = SqliteShell.run(db, "SELECT value FROM audit_meta WHERE key = 'key_fingerprint';").strip();
        assertThat(fingerprint).matches("[0-9a-f]{32}");
        String keyHex = java.util.HexFormat.of().formatHex(AuditFixtures.KEY);
        assertThat(keyHex).doesNotContain(fingerprint);
        assertThat(SqliteShell.run(db, ".dump")).doesNotContain(keyHex);
    }

    @Test
    void logOpenedWithoutTheKeyHasNoAnchors() throws Exception {
        Path db = dir.resolve("audit.db");
        try (SqliteAuditLog log = AuditFixtures.openWith(db, 2)) {
            assertThat(log.verify(ProgressListener.NONE).anchorsChecked()).isFalse();
            assertThatThrownBy(log::writeAnchor).isInstanceOf(IllegalStateException.class);
        }
        assertThat(anchorFile(db)).doesNotExist();
    }

    @Test
    void anchorFileSitsBesideTheDatabaseNamedByPathOrUrl() {
        byte[] key = AuditFixtures.KEY;
        assertThat(AnchorFile.beside(Path.of("/data/audit.db"), key).path()).isEqualTo(Path.of("/data/audit.db.anchors"));
        assertThat(AnchorFile.beside("jdbc:sqlite:file:/data/audit.db?mode=ro", key).path())
                .isEqualTo(Path.of("/data/audit.db.anchors"));
        assertThat(AnchorFile.beside("jdbc:sqlite:/data/audit.db", key).path())
                .isEqualTo(Path.of("/data/audit.db.anchors"));
        assertThatThrownBy(() -> AnchorFile.beside("jdbc:sqlite::memory:", key))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static IntegrityReport verify(Path db) throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            return log.verify(ProgressListener.NONE);
        }
    }

    private static void assertAnchorProblem(IntegrityReport report, long line, String why) {
        assertThat(report.intact()).isFalse();
        assertThat(report.firstProblem()).hasValueSatisfying(p -> {
            assertThat(p.place()).isEqualTo(Place.ANCHOR_FILE);
            assertThat(p.found().kind()).isEqualTo(BreakKind.ANCHOR_INVALID);
            assertThat(p.found().seq()).as(p.found().detail()).isEqualTo(line);
            assertThat(p.found().detail()).contains(why);
        });
    }

    private static Path anchorFile(Path db) {
        return db.resolveSibling(db.getFileName() + AnchorFile.SUFFIX);
    }

    private static List<String> anchorLines(Path db) throws Exception {
        return Files.readAllLines(anchorFile(db), StandardCharsets.US_ASCII);
    }
}
