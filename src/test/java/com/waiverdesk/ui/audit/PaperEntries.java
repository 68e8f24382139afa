package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.ProofDetail;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.ResidentId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Synthetic paper-certificate and e-certificate entries, for the review queue and the channel filter. */
final class PaperEntries {
    private PaperEntries() {
    }

    /** A provisional waiver on a paper certificate after the service could not verify. */
    static AuditEntry paper(Instant time, String id, String name, String number, Long follows) {
        return new AuditEntry(time, null, "w01-wang", "ADM-W01", ResidentId.mask(id), SyntheticEntries.HASHER.apply(id),
                name, DecisionKind.WAIVE, 0, "PAPER_PROVISIONAL_WAIVE", List.of("SUBSISTENCE_ALLOWANCE"), null, null,
                null, 4, SyntheticEntries.SOURCE).withProof(ProofDetail.paper(number, "静安寺街道社区事务受理服务中心",
                LocalDate.of(2025, 2, 10), "SUBSISTENCE_ALLOWANCE", follows));
    }

    static AuditEntry ecert(Instant time, String id, String name, Channel channel) {
        return new AuditEntry(time, null, "w02-li", "ADM-W02", ResidentId.mask(id), SyntheticEntries.HASHER.apply(id),
                name, DecisionKind.REDUCE, 50, "REDUCED_BY_CATEGORY", List.of("LOW_INCOME_FAMILY"), null, null, null,
                35, SyntheticEntries.SOURCE).withProof(ProofDetail.ecert(channel, "SHC-2025-000123", "issuer-2025a",
                3L * 3600, 26L * 3600, true));
    }

    /** The fixture's row {@code seq} turned into a paper entry (same time and person). */
    static void makePaper(AuditFixture fx, long seq, String number) {
        replace(fx, seq, e -> paper(e.workstationTime(), SyntheticEntries.IDS[(int) (seq % 4)], e.name(), number,
                seq - 1));
    }

    static void makeEcert(AuditFixture fx, long seq, Channel channel) {
        replace(fx, seq, e -> ecert(e.workstationTime(), SyntheticEntries.IDS[(int) (seq % 4)], e.name(), channel));
    }

    private static void replace(AuditFixture fx, long seq, java.util.function.UnaryOperator<AuditEntry> change) {
        int index = (int) seq - 1;
        StoredEntry row = fx.reader.rows.get(index);
        fx.reader.rows.set(index, new StoredEntry(row.seq(), change.apply(row.entry()), row.prevHash(),
                row.entryHash()));
    }
}
