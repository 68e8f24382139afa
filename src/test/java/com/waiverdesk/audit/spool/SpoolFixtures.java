package com.waiverdesk.audit.spool;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.CheckSource;
import com.waiverdesk.audit.ProofDetail;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.ResidentId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Synthetic entries for the spool's tests (the ID is the standard's published example; the names are made up). */
final class SpoolFixtures {
    static final String MASKED = ResidentId.mask("11010519491231002X");
    static final String ID_HASH = "5e".repeat(32);
    static final CheckSource SOURCE = new CheckSource("SH-2018-DEPOSIT", "ab".repeat(32),
            "https://verify.example.gov.cn:8443/gw/", true, "1.4.0");

    private SpoolFixtures() {
    }

    /** A waived live query; {@code i} varies the time and request id so entries differ. */
    static AuditEntry entry(int i) {
        return new AuditEntry(Instant.parse("2026-03-01T08:00:00.123456789Z").plusSeconds(i),
                OffsetDateTime.parse("2026-03-01T16:00:00.5+08:00").plusSeconds(i), "clerk-07", "WIN-ADM-03",
                MASKED, ID_HASH, "张三", DecisionKind.WAIVE, 0, "WAIVED_BY_CATEGORY",
                List.of("SUBSISTENCE_ALLOWANCE", "SEVERE_DISABILITY"), "MATCH", "req-" + i, null, 40 + i, SOURCE,
                ProofDetail.liveQuery());
    }

    /** An e-certificate checked offline, every e-certificate field set. */
    static AuditEntry ecertEntry(int i) {
        return new AuditEntry(Instant.parse("2026-03-01T09:00:00Z").plusSeconds(i), null, "clerk-08",
                "WIN-ADM-04", MASKED, ID_HASH, "李四", DecisionKind.REDUCE, 50, "REDUCED_BY_CATEGORY",
                List.of("LOW_INCOME"), null, "req-e" + i, "E_STALE", 7, SOURCE,
                ProofDetail.ecert(Channel.ECERT_OFFLINE, "SHC-2026-000042", "issuer-2026-01", 3_600L, 1_800L, true));
    }

    /** A provisional waiver on a paper certificate that follows the check {@code follows}. */
    static AuditEntry paperEntry(int i, Long follows) {
        return new AuditEntry(Instant.parse("2026-03-01T10:00:00Z").plusSeconds(i), null, "clerk-07",
                "WIN-ADM-03", MASKED, ID_HASH, "王五", DecisionKind.WAIVE, 0, "PAPER_PROVISIONAL_WAIVE",
                List.of("SUBSISTENCE_ALLOWANCE"), null, null, null, 2, SOURCE,
                ProofDetail.paper("沪民证字20260417", "徐汇区凌云街道社区事务受理服务中心", LocalDate.parse("2026-02-20"),
                        "SUBSISTENCE_ALLOWANCE", follows));
    }

    /** A check the service could not answer, written before entries recorded source and proof. */
    static AuditEntry bareEntry() {
        return new AuditEntry(Instant.parse("2026-03-02T09:30:00Z"), null, "clerk-08", "WIN-ADM-04", "", null,
                "", DecisionKind.INVALID_INPUT, null, "INVALID_INPUT:EMPTY", List.of(), null, null, null, 0);
    }

    /** Whether a field's value says something: not null, not false, not an empty list. */
    static boolean isSet(Object value) {
        return value != null && !Boolean.FALSE.equals(value) && !(value instanceof java.util.List<?> l && l.isEmpty());
    }
}
