package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.domain.DecisionKind;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A decision the desk never showed: its entry stays as committed, a chained event names it, the reader finds it. */
class NotShownMarkTest {
    private static final Instant T = Instant.parse("2026-11-28T02:15:30Z");

    @TempDir
    Path dir;

    private static AuditEntry entry(String name) {
        return new AuditEntry(T, null, "w03-li", "ADM-W03", "110105********002X", "h", name, DecisionKind.WAIVE, 0,
                "WAIVED_BY_CATEGORY", List.of("SUBSISTENCE_ALLOWANCE"), "MATCH", "r-1", null, 12);
    }

    @Test
    void theMarkNamesTheEntryAndTheEntryStaysAsCommitted() throws Exception {
        Path db = dir.resolve("audit.db");
        StoredEntry before;
        try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
            log.append(entry("王秀英"));
            long abandoned = log.append(entry("李建国"));
            log.append(entry("张伟"));
            before = log.latest(3).stream().filter(e -> e.seq() == abandoned).findFirst().orElseThrow();
            log.markNotShown(abandoned, T.plusMillis(5), "w03-li", "ADM-W03");
            assertThat(log.verify(ProgressListener.NONE).intact()).isTrue();
            assertThat(log.stats().accessEvents()).isEqualTo(1);
        }
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            assertThat(reader.notShown(2)).isTrue();
            assertThat(reader.notShown(1)).isFalse();
            assertThat(reader.notShown(3)).isFalse();
            assertThat(reader.notShown(20)).as("entry 2 is not entry 20").isFalse();
            assertThat(reader.entry(2)).contains(before);
        }
    }

    @Test
    void aLogWithoutMarksShowsEveryDecision() throws Exception {
        Path db = dir.resolve("audit.db");
        try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
            log.append(entry("王秀英"));
        }
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            assertThat(reader.notShown(1)).isFalse();
            assertThat(reader.notShownMarks()).isEmpty();
        }
    }

    @Test
    void aFirstReleaseLogReadBeforeItsUpgradeHasNoMarksAndNoError() throws Exception {
        Path db = dir.resolve("v1.db");
        try (InputStream in = NotShownMarkTest.class.getResourceAsStream("schema-v1.sql")) {
            SqliteShell.run(db, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            assertThat(reader.notShown(1)).isFalse();
            assertThat(reader.notShownMarks()).isEmpty();
        }
    }

    @Test
    void theMarkIsAnAccessEventByTheOperatorThatNamesOnlyTheEntry() {
        AccessEvent mark = AccessEvent.notShown(42, T, "w03-li", "ADM-W03");
        assertThat(mark.action()).isEqualTo(AccessEvent.Action.DECISION_NOT_SHOWN);
        assertThat(mark.supervisor()).isEqualTo("w03-li");
        assertThat(mark.detail()).isEqualTo("entry 42");
    }

    @Test
    void allMarksAreReadInOnePassTheFirstOfEachEntryWithItsTime() throws Exception {
        Path db = dir.resolve("audit.db");
        try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
            for (String name : List.of("王秀英", "李建国", "张伟")) {
                log.append(entry(name));
            }
            log.record(new AccessEvent(T.plusMillis(1), "sup-wang", "ADM-W03", AccessEvent.Action.VERIFY, "entry 1"));
            log.markNotShown(3, T.plusMillis(2), "w03-li", "ADM-W03");
            log.markNotShown(3, T.plusMillis(3), "w03-zhao", "ADM-W04");
        }
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            assertThat(reader.notShownMarks()).containsOnlyKeys(3L);
            assertThat(reader.notShownMarks().get(3L))
                    .isEqualTo(AccessEvent.notShown(3, T.plusMillis(2), "w03-li", "ADM-W03"));
        }
    }
}
