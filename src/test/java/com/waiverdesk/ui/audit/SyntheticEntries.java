package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.CheckSource;
import com.waiverdesk.audit.HashChain;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.ResidentId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/** A few hundred made-up checks of synthetic people, oldest first, one every 20 minutes before {@link #NEWEST}. */
final class SyntheticEntries {
    static final Instant NEWEST = Instant.parse("2025-03-01T02:00:00Z");
    /** Synthetic IDs with valid check digits. */
    static final String[] IDS = {"11010519491231002X", "440524188001010014", "310104198507150012",
            "310115199203300027"};
    static final String[] NAMES = {"王秀英", "李建国", "张伟", "Maria Garcia", "阿依古丽·买买提", "陈, \"小\"明"};
    static final String[] OPERATORS = {"w01-wang", "w02-li", "w03-zhao"};
    /** Stands in for the keyed hash: distinct per ID, and plainly not the ID. */
    /** What the answered checks were decided with. */
    static final CheckSource SOURCE = new CheckSource("SH-2018-DEPOSIT", "c3".repeat(32),
            "https://verify.example.gov.cn/gw/", false, "1.4.0");
    static final Function<String, String> HASHER = id -> "hmac-" + Integer.toHexString(id.hashCode() * 31 + 7);

    private SyntheticEntries() {
    }

    static List<StoredEntry> make(int count) {
        return make(count, 20);
    }

    static List<StoredEntry> make(int count, int minutesApart) {
        List<StoredEntry> rows = new ArrayList<>();
        String prev = HashChain.GENESIS;
        for (int seq = 1; seq <= count; seq++) {
            AuditEntry entry = entry(seq, count, minutesApart);
            String hash = sha256(prev + seq);
            rows.add(new StoredEntry(seq, entry, prev, hash));
            prev = hash;
        }
        return rows;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static AuditEntry entry(int seq, int count, int minutesApart) {
        Instant time = NEWEST.minusSeconds(60L * minutesApart * (count - seq));
        String id = IDS[seq % IDS.length];
        String name = NAMES[seq % NAMES.length];
        String operator = OPERATORS[seq % OPERATORS.length];
        String workstation = "ADM-W0" + (1 + seq % OPERATORS.length);
        switch (seq % 7) {
            case 0:
            case 1:
                return checked(time, operator, workstation, id, name, DecisionKind.WAIVE, 0, "WAIVED_BY_CATEGORY",
                        "MATCH", seq);
            case 2:
                return checked(time, operator, workstation, id, name, DecisionKind.REDUCE, 50,
                        "REDUCED_BY_CATEGORY", "MATCH", seq);
            case 3:
                return checked(time, operator, workstation, id, name, DecisionKind.CHARGE, 100, "NO_RECORD",
                        "NO_RECORD", seq);
            case 4:
                return checked(time, operator, workstation, id, name, DecisionKind.CHARGE, 100, "NAME_MISMATCH",
                        "NAME_MISMATCH", seq);
            case 5:
                return new AuditEntry(time, null, operator, workstation, ResidentId.mask(id), HASHER.apply(id), name,
                        DecisionKind.CANNOT_VERIFY, null, "SERVICE_FAILED:RATE_LIMITED", List.of(), null,
                        "req-" + seq, "RATE_LIMITED", 3000);
            default:
                return new AuditEntry(time, null, operator, workstation, ResidentId.mask("3101041985"),
                        HASHER.apply("3101041985"), name, DecisionKind.INVALID_INPUT, null,
                        "INVALID_INPUT:ID_WRONG_LENGTH", List.of(), null, null, null, 0);
        }
    }

    private static AuditEntry checked(Instant time, String operator, String workstation, String id, String name,
                                      DecisionKind decision, int percent, String reason, String result, int seq) {
        List<String> categories = decision == DecisionKind.WAIVE ? List.of("SUBSISTENCE_ALLOWANCE")
                : decision == DecisionKind.REDUCE ? List.of("LOW_INCOME_FAMILY") : List.of();
        return new AuditEntry(time, time.atOffset(ZoneOffset.ofHours(8)).minusNanos(300_000_000), operator,
                workstation, ResidentId.mask(id), HASHER.apply(id), name, decision, percent, reason, categories,
                result, "req-" + seq, null, 120 + seq % 50, SOURCE);
    }
}
