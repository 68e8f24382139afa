package com.waiverdesk.audit;

import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.ResidentId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Synthetic entries and plain-JDBC access for the audit tests (the ID is the standard's published example). */
final class AuditFixtures {
    static final String FULL_ID = "11010519491231002X";
    static final String NAME = "张三";
    static final byte[] KEY = key((byte) 7);
    static final IdHasher HASHER = new IdHasher(KEY);

    private AuditFixtures() {
    }

    static byte[] key(byte seed) {
        byte[] key = new byte[AuditKey.LENGTH];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed + i);
        }
        return key;
    }

    /** A waived check; {@code i} varies the time and request id so entries differ. */
    static AuditEntry entry(int i) {
        return new AuditEntry(Instant.parse("2026-03-01T08:00:00.123Z").plusSeconds(i),
                OffsetDateTime.parse("2026-03-01T16:00:00.5+08:00").plusSeconds(i), "clerk-07", "WIN-ADM-03",
                ResidentId.mask(FULL_ID), HASHER.hash(FULL_ID), NAME, DecisionKind.WAIVE, 0, "WAIVED_BY_CATEGORY",
                List.of("SUBSISTENCE_ALLOWANCE"), "MATCH", "req-" + i, null, 40 + i);
    }

    /** What a check was decided with, as schema version 3 records it. */
    static final CheckSource SOURCE = new CheckSource("SH-2018-DEPOSIT", "ab".repeat(32),
            "https://verify.example.gov.cn:8443/gw/", false, "1.4.0");

    /** A waived check that records its policy, service and program; {@code i} varies it as {@link #entry}. */
    static AuditEntry sourcedEntry(int i) {
        return entry(i).withSource(SOURCE);
    }

    /** A paper certificate recorded after entry {@code follows} could not verify (synthetic number and centre). */
    static final ProofDetail PAPER = ProofDetail.paper("沪民证字20260417", "徐汇区凌云街道社区事务受理服务中心",
            LocalDate.parse("2026-02-20"), "SUBSISTENCE_ALLOWANCE", 3L);

    /** A provisional waiver on a paper certificate; {@code i} varies it as {@link #entry}. */
    static AuditEntry paperEntry(int i) {
        AuditEntry e = entry(i);
        return new AuditEntry(e.workstationTime(), null, e.operator(), e.workstation(), e.maskedId(), e.idHash(),
                e.name(), DecisionKind.WAIVE, 0, "PAPER_PROVISIONAL_WAIVE", List.of("SUBSISTENCE_ALLOWANCE"), null,
                null, null, 2, SOURCE, PAPER);
    }

    /** An e-certificate checked offline from the cached lists. */
    static final ProofDetail ECERT = ProofDetail.ecert(Channel.ECERT_OFFLINE, "SHC-2026-000042", "issuer-2026-01",
            3_600L, 1_800L, true);

    static AuditEntry ecertEntry(int i) {
        return sourcedEntry(i).withProof(ECERT);
    }

    /** A waived check written at {@code time}. */
    static AuditEntry entryAt(Instant time, int i) {
        AuditEntry e = entry(i);
        return new AuditEntry(time, e.serviceTime(), e.operator(), e.workstation(), e.maskedId(), e.idHash(), e.name(),
                e.decision(), e.depositPercent(), e.reason(), e.categories(), e.serviceResult(), e.requestId(),
                e.errorCode(), e.latencyMillis());
    }

    /** A check the service could not answer: most optional fields are null. */
    static AuditEntry failedEntry() {
        return new AuditEntry(Instant.parse("2026-03-02T09:30:00Z"), null, "clerk-08", "WIN-ADM-04",
                ResidentId.mask(FULL_ID), HASHER.hash(FULL_ID), NAME, DecisionKind.CANNOT_VERIFY, null,
                "SERVICE_FAILED:TIMEOUT", List.of(), null, "req-timeout", null, 5000);
    }

    static SqliteAuditLog openWith(Path db, int entries) throws AuditWriteException {
        SqliteAuditLog log = SqliteAuditLog.open(db);
        for (int i = 1; i <= entries; i++) {
            log.append(entry(i));
        }
        return log;
    }

    /** Opened with the audit key: anchored in {@code audit.db.anchors} on the first write of the day and at close. */
    static SqliteAuditLog openAnchored(Path db, int entries) throws AuditWriteException {
        SqliteAuditLog log = SqliteAuditLog.open(db, KEY);
        for (int i = 1; i <= entries; i++) {
            log.append(entry(i));
        }
        return log;
    }

    static AccessEvent accessEvent(int i) {
        return new AccessEvent(Instant.parse("2026-03-05T10:00:00Z").plusSeconds(i), "supervisor-01", "WIN-SUP-01",
                AccessEvent.Action.SEARCH, "operator=clerk-07, search " + i);
    }

    /** The stored values of one row, as the hash covers them. */
    static List<Object> storedValues(Path db, AuditChain chain, long seq) throws SQLException {
        try (Connection c = jdbc(db); PreparedStatement ps = c.prepareStatement("SELECT "
                + String.join(", ", chain.columns()) + " FROM " + chain.table() + " WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no row " + seq + " in " + chain.table());
                }
                return new ArrayList<>(EntryColumns.read(rs, 1, chain.columns().size()));
            }
        }
    }

    static String storedString(Path db, AuditChain chain, long seq, String column) throws SQLException {
        try (Connection c = jdbc(db); PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM "
                + chain.table() + " WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no row " + seq + " in " + chain.table());
                }
                return rs.getString(1);
            }
        }
    }

    static Connection jdbc(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    /** Runs statements on a fresh connection, as a tamperer with file access would. */
    static void sql(Path db, String... statements) throws SQLException {
        try (Connection c = jdbc(db); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
