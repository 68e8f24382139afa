package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long verify tells how far it got, and stops when asked. */
class VerifyProgressTest {
    @TempDir
    static Path shared;
    static Path template;

    @TempDir
    Path dir;
    Path db;

    @BeforeAll
    static void write25000Entries() throws Exception {
        template = shared.resolve("template.db");
        BulkLog.write(template, 25_000);
    }

    @BeforeEach
    void copyTheLog() throws Exception {
        db = dir.resolve("audit.db");
        Files.copy(template, db);
    }

    @Test
    void reportsProgressAboutEvery10000EntriesAndEndsAtTheTotal() throws Exception {
        List<long[]> calls = new ArrayList<>();
        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            log.record(AuditFixtures.accessEvent(1));

            IntegrityReport report = log.verify((done, total) -> calls.add(new long[] {done, total}));

            assertThat(report.intact()).isTrue();
            assertThat(report.checks().entriesChecked()).isEqualTo(25_000);
        }
        assertThat(calls).extracting(c -> c[0]).containsExactly(10_000L, 20_000L, 25_001L);
        assertThat(calls).allSatisfy(c -> assertThat(c[1]).isEqualTo(25_001L));
    }

    @Test
    void cancellingStopsTheWalkAndLeavesTheLogUsable() throws Exception {
        List<Long> seen = new ArrayList<>();
        ProgressListener cancelAfterFirstReport = new ProgressListener() {
            @Override
            public void progress(long done, long total) {
                seen.add(done);
            }

            @Override
            public boolean cancelled() {
                return !seen.isEmpty();
            }
        };
        try (SqliteAuditLog log = SqliteAuditLog.open(db, AuditFixtures.KEY)) {
            assertThatThrownBy(() -> log.verify(cancelAfterFirstReport)).isInstanceOf(CancellationException.class);

            assertThat(seen).containsExactly(10_000L);
            assertThat(log.append(AuditFixtures.failedEntry())).isEqualTo(25_001);
            assertThat(log.verify(ProgressListener.NONE).intact()).isTrue();
        }
    }
}
