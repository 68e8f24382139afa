package com.waiverdesk.audit;

import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.ResidentId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/**
 * Fills an audit database with many realistic, correctly chained entries in one transaction, fast enough to make a
 * million rows for {@code bench audit} and the reader's tests (synthetic people only: made-up names, IDs with a valid
 * check digit). Not part of the program: it lives in src/bench/java, compiled with the tests and packed into the bench
 * jar (docs/benchmarks.md).
 */
public final class SyntheticAuditLog {
    /** Checks per working day at a large hospital's admission windows. */
    static final int PER_DAY = 1_400;
    static final int OPERATORS = 40;
    static final int WORKSTATIONS = 12;
    /** A fixed key for the synthetic IDs' hashes: these logs hold no real person, so nothing is to be protected. */
    static final IdHasher HASHER = new IdHasher(syntheticKey());
    private static final long DAY = 86_400_000L;

    private static final String[] SURNAMES = "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 欧阳 司徒".split(" ");
    private static final String[] GIVEN = "伟 强 磊 军 勇 杰 涛 明 超 斌 鹏 辉 华 建 国 平 芳 娟 敏 静 丽 艳 娜 秀 英 霞 燕 玲 桂 兰 萍 红 梅 琳 洁 婷 雪 慧 颖 佳".split(" ");
    private static final String[] LATIN = "John Maria David Anna Lukas Sophie Kenji Yuki Garcia Smith Tanaka Nguyen Silva Muller".split(" ");
    private static final String[] FAILURES = {"TIMEOUT", "UNREACHABLE", "SERVER_ERROR", "RATE_LIMITED"};

    private static byte[] syntheticKey() {
        byte[] key = new byte[AuditKey.LENGTH];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (3 + i);
        }
        return key;
    }

    private static final String[] CENTRES = {"徐汇区凌云街道社区事务受理服务中心", "浦东新区潍坊新村街道社区事务受理服务中心",
        "静安区曹家渡街道社区事务受理服务中心"};

    private final Random random;
    /** The proofs' own stream, so the entries' other fields stay what they were before proofs were recorded. */
    private final Random proofs;
    private final String[] names;
    private final String[] ids;

    private SyntheticAuditLog(long seed, int people) {
        random = new Random(seed);
        proofs = new Random(seed * 31 + 7);
        names = new String[people];
        ids = new String[people];
        for (int i = 0; i < people; i++) {
            names[i] = random.nextInt(100) < 3 ? pick(LATIN) + " " + pick(LATIN)
                    : pick(SURNAMES) + pick(GIVEN) + (random.nextBoolean() ? pick(GIVEN) : "");
            String body = String.format("310%03d%04d%02d%02d%03d", 101 + random.nextInt(20), 1930 + random.nextInt(90),
                    1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(1000));
            ids[i] = body + ResidentId.checkCharacter(body);
        }
    }

    /** Creates {@code db} with the store's schema and appends {@code count} chained entries ending near now. */
    public static void create(Path db, int count, long seed) throws AuditWriteException, SQLException {
        create(db, count, seed, PER_DAY);
    }

    /** As {@link #create(Path, int, long)} with {@code perDay} checks a day, so a small log spans several days. */
    public static void create(Path db, int count, long seed, int perDay) throws AuditWriteException, SQLException {
        SqliteAuditLog.open(db).close();
        new SyntheticAuditLog(seed, Math.max(10, count / 5)).fill(db, count, perDay);
    }

    /**
     * A source of the same entries {@link #create(Path, int, long, int)} writes for the same seed, in the same order,
     * for another store (the audit server's benchmark loads millions of them): {@link #next} gives them one by one.
     */
    public static SyntheticAuditLog generator(int count, long seed) {
        return new SyntheticAuditLog(seed, Math.max(10, count / 5));
    }

    /** Workstation time (epoch ms) of the first day of a log of {@code count} entries at {@code perDay} a day ending yesterday. */
    public static long startOf(int count, int perDay) {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).toEpochMilli() - (count / perDay + 1) * DAY;
    }

    /**
     * Entry {@code seq} (from 1) of a log of {@code count} entries starting at {@code start}: 12 working hours a day, in
     * order, a workstation clock a few seconds off now and then; the older half written before schema version 4 (no
     * proof), then mostly live queries.
     */
    public AuditEntry next(long seq, int count, long start, int perDay) {
        long time = start + (seq / perDay) * DAY + 7 * 3_600_000L + (seq % perDay) * (12 * 3_600_000L / perDay)
                + (random.nextInt(50) == 0 ? random.nextInt(10_000) - 5_000 : 0);
        AuditEntry entry = entry(time);
        return seq <= count / 2 ? entry : entry.withProof(proof(seq));
    }

    private void fill(Path db, int count, int perDay) throws SQLException {
        String columns = String.join(", ", EntryColumns.NAMES);
        String insert = "INSERT INTO audit_entry (seq, " + columns + ", prev_hash, entry_hash) VALUES (?"
                + ", ?".repeat(EntryColumns.NAMES.size() + 2) + ")";
        long start = startOf(count, perDay);
        SqliteNative.prepare();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             PreparedStatement ps = c.prepareStatement(insert)) {
            s.execute("PRAGMA synchronous = OFF");
            s.execute("BEGIN");
            String prev = HashChain.GENESIS;
            for (int seq = 1; seq <= count; seq++) {
                List<Object> values = EntryColumns.toColumns(next(seq, count, start, perDay));
                String hash = HashChain.hash(seq, values, prev);
                ps.setLong(1, seq);
                for (int i = 0; i < values.size(); i++) {
                    ps.setObject(i + 2, values.get(i));
                }
                ps.setString(values.size() + 2, prev);
                ps.setString(values.size() + 3, hash);
                ps.addBatch();
                prev = hash;
                if (seq % 10_000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            s.execute("COMMIT");
        }
    }

    /** 90 % live queries, 6 % e-certificates online, 2 % offline, 2 % paper (each following the entry before). */
    private ProofDetail proof(long seq) {
        int roll = proofs.nextInt(100);
        if (roll < 90) {
            return ProofDetail.liveQuery();
        }
        if (roll < 98) {
            return ProofDetail.ecert(roll < 96 ? com.waiverdesk.domain.Channel.ECERT_ONLINE
                            : com.waiverdesk.domain.Channel.ECERT_OFFLINE, "SHC-" + Long.toHexString(proofs.nextLong()),
                    "issuer-2026-0" + (1 + proofs.nextInt(3)), (long) proofs.nextInt(86_400),
                    (long) proofs.nextInt(3_600), proofs.nextInt(10) == 0);
        }
        return ProofDetail.paper(String.format("沪民证字%08d", proofs.nextInt(100_000_000)), CENTRES[proofs.nextInt(
                CENTRES.length)], java.time.LocalDate.of(2026, 1 + proofs.nextInt(11), 1 + proofs.nextInt(28)),
                proofs.nextBoolean() ? "SUBSISTENCE_ALLOWANCE" : "LOW_INCOME_FAMILY", seq - 1);
    }

    private AuditEntry entry(long time) {
        int person = random.nextInt(names.length);
        int operator = 1 + random.nextInt(OPERATORS);
        String id = ids[person];
        int roll = random.nextInt(100);
        DecisionKind decision = roll < 20 ? DecisionKind.WAIVE : roll < 28 ? DecisionKind.REDUCE
                : roll < 88 ? DecisionKind.CHARGE : roll < 94 ? DecisionKind.CANNOT_VERIFY : DecisionKind.INVALID_INPUT;
        Instant ws = Instant.ofEpochMilli(time);
        long latency = 30 + random.nextInt(400);
        boolean answered = decision != DecisionKind.CANNOT_VERIFY && decision != DecisionKind.INVALID_INPUT;
        String failure = pick(FAILURES);
        return new AuditEntry(ws,
                answered ? OffsetDateTime.ofInstant(ws.minusMillis(latency / 2), ZoneOffset.ofHours(8)) : null,
                String.format("clerk-%02d", operator),
                String.format("WIN-ADM-%02d", 1 + (operator * 7 + random.nextInt(2)) % WORKSTATIONS),
                ResidentId.mask(id), HASHER.hash(id), names[person], decision,
                decision == DecisionKind.WAIVE ? Integer.valueOf(0) : decision == DecisionKind.REDUCE ? Integer.valueOf(50)
                        : decision == DecisionKind.CHARGE ? Integer.valueOf(100) : null,
                reason(decision, roll, failure),
                decision == DecisionKind.WAIVE ? List.of("SUBSISTENCE_ALLOWANCE")
                        : decision == DecisionKind.REDUCE ? List.of("LOW_INCOME_FAMILY") : List.of(),
                answered ? (roll < 80 ? "MATCH" : roll < 86 ? "NO_RECORD" : "NAME_MISMATCH") : null,
                decision == DecisionKind.INVALID_INPUT ? null : "req-" + Long.toHexString(random.nextLong()),
                decision == DecisionKind.CANNOT_VERIFY && "RATE_LIMITED".equals(failure) ? "RATE_LIMITED" : null,
                latency);
    }

    private static String reason(DecisionKind decision, int roll, String failure) {
        switch (decision) {
            case WAIVE:
                return "WAIVED_BY_CATEGORY";
            case REDUCE:
                return "REDUCED_BY_CATEGORY";
            case CHARGE:
                return roll < 80 ? "NO_REDUCTION_FOR_CATEGORY" : roll < 86 ? "NO_RECORD" : "NAME_MISMATCH";
            case CANNOT_VERIFY:
                return "SERVICE_FAILED:" + failure;
            default:
                return "INVALID_INPUT:ID_WRONG_CHECK_DIGIT";
        }
    }

    private String pick(String[] pool) {
        return pool[random.nextInt(pool.length)];
    }
}
