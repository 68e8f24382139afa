package com.waiverdesk.audit.export;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.ChainHead;
import com.waiverdesk.audit.HashChain;
import com.waiverdesk.audit.IdHasher;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.audit.ProofDetail;
import com.waiverdesk.audit.SqliteAuditLog;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.ResidentId;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Small audit logs for the export tests: synthetic people, the standard's published example ID. */
final class ExportFixtures {
    static final String FULL_ID = "11010519491231002X";
    static final IdHasher HASHER = new IdHasher(new byte[32]);
    static final Instant T0 = Instant.parse("2026-03-01T08:00:00.123Z");

    private ExportFixtures() {
    }

    static AuditEntry entry(int i, String name, DecisionKind decision) {
        boolean answered = decision != DecisionKind.CANNOT_VERIFY && decision != DecisionKind.INVALID_INPUT;
        return new AuditEntry(T0.plusSeconds(60L * i),
                answered ? OffsetDateTime.parse("2026-03-01T16:00:00.5+08:00").plusSeconds(60L * i) : null,
                "clerk-07", "WIN-ADM-03", ResidentId.mask(FULL_ID), HASHER.hash(FULL_ID), name, decision,
                decision == DecisionKind.WAIVE ? Integer.valueOf(0) : null, decision.name() + "_REASON",
                decision == DecisionKind.WAIVE ? List.of("SUBSISTENCE_ALLOWANCE") : List.of(),
                answered ? "MATCH" : null, decision == DecisionKind.INVALID_INPUT ? null : "req-" + i,
                decision == DecisionKind.CANNOT_VERIFY ? "RATE_LIMITED" : null, 40 + i);
    }

    /** Appends the entries to a new log at {@code db}; returns the head after the last one. */
    static ChainHead write(Path db, List<AuditEntry> entries) throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
            for (AuditEntry e : entries) {
                log.append(e);
            }
            return head(log);
        }
    }

    static ChainHead head(SqliteAuditLog log) throws Exception {
        StoredEntry last = log.last().orElse(null);
        return new ChainHead(Instant.parse("2026-03-02T00:00:00Z"), last == null ? 0 : last.seq(),
                last == null ? HashChain.GENESIS : last.entryHash(), 3, "a".repeat(64));
    }

    /**
     * A live query from before proofs were recorded (1), an e-certificate checked online (2), and three paper
     * certificates (3 approved, 4 rejected, 5 pending), all synthetic; the reviews were recorded at {@code T0 + 1 h}.
     */
    static ChainHead writeProofs(Path db) throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
            log.append(entry(1, "张三", DecisionKind.CHARGE));
            log.append(entry(2, "李四", DecisionKind.WAIVE).withProof(ProofDetail.ecert(Channel.ECERT_ONLINE,
                    "SHC-2026-000042", "issuer-2026-01", 120L, 60L, false)));
            for (int i = 3; i <= 5; i++) {
                log.append(entry(i, "王秀英", DecisionKind.WAIVE).withProof(ProofDetail.paper("沪民证字2026000" + i,
                        "徐汇区凌云街道社区事务受理服务中心", LocalDate.parse("2026-02-1" + i), "SUBSISTENCE_ALLOWANCE",
                        1L)));
            }
            Instant reviewed = T0.plusSeconds(3_600);
            log.recordReview(3, true, "original seen", reviewed, "supervisor-01", "WIN-SUP-01");
            log.recordReview(4, false, "=stamp missing, refund refused", reviewed, "supervisor-01", "WIN-SUP-01");
            return head(log);
        }
    }

    static List<AuditEntry> mixed(int n) {
        DecisionKind[] kinds = DecisionKind.values();
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(entry(i, "张" + i, kinds[i % kinds.length]));
        }
        return entries;
    }

    /** Records progress and cancels once {@code cancelAfter} rows were polled (never, when negative). */
    static final class Recorder implements ProgressListener {
        final List<long[]> calls = new ArrayList<>();
        final AtomicLong polls = new AtomicLong();
        private final long cancelAfter;

        Recorder(long cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void progress(long done, long total) {
            calls.add(new long[] {done, total});
        }

        @Override
        public boolean cancelled() {
            return cancelAfter >= 0 && polls.incrementAndGet() > cancelAfter;
        }
    }
}
