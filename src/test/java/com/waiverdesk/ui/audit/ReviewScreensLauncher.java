package com.waiverdesk.ui.audit;

import com.waiverdesk.app.Config;
import com.waiverdesk.app.Supervision;
import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.CheckSource;
import com.waiverdesk.audit.ProofDetail;
import com.waiverdesk.audit.SqliteAuditLog;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.ResidentId;
import com.waiverdesk.ui.common.FxBackgroundRunner;
import com.waiverdesk.ui.common.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;

/**
 * The supervisor's real window (AuditWindow, as the desk opens it) over a small audit log of synthetic checks by every
 * channel, three paper certificates pending review among them: for scripts/review-screens.sh under Xvfb. Not a test.
 * Usage: ReviewScreensLauncher DIR LANG [MORE] (the passphrase is {@link #PASSPHRASE}); MORE adds that many paper
 * certificates pending after the others, for a queue of several pages.
 */
public final class ReviewScreensLauncher {
    static final String PASSPHRASE = "ward seven ledger";
    private static final CheckSource SOURCE = new CheckSource("SH-2018-DEPOSIT", "c3".repeat(32),
            "https://verify.example.gov.cn/gw/", false, "1.5.0");
    private static final String CENTRE = "静安寺街道社区事务受理服务中心";

    private ReviewScreensLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Locale locale = Locale.forLanguageTag(args[1]);
        Config config = new Config(null, null, null, "w01-wang", "ADM-SUP", dir.resolve("audit.db"), null,
                Duration.ofSeconds(5), null, null, Duration.ofSeconds(30), locale);
        if (!Files.exists(dir.resolve("audit.db"))) {
            Files.createDirectories(dir);
            seed(dir.resolve("audit.db"), args.length > 2 ? Integer.parseInt(args[2]) : 0);
        }
        try (Supervision supervision = Supervision.open(config)) {
            if (!supervision.credential().isSet()) {
                supervision.credential().set(PASSPHRASE.toCharArray());
            }
        }
        Platform.startup(() -> {
            FxBackgroundRunner runner = new FxBackgroundRunner();
            new AuditWindow(new Texts(locale), runner, () -> {
                Supervision s = Supervision.open(config);
                return new AuditServices(s.reader(), s.accessLog(),
                        SupervisionActions.forOperator(s, config.operatorId()), SupervisorGate.of(s.credential()),
                        s.idHasher()::hash, config.workstation(), Supervision.MIN_RETENTION_DAYS, s::close);
            }, Clock.systemDefaultZone()).show();
        });
    }

    private static void seed(Path db, int more) throws Exception {
        Instant t = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(30));
        try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
            log.append(live(t, "310104198507150012", "王秀英", DecisionKind.WAIVE, 0, "WAIVED_BY_CATEGORY",
                    "SUBSISTENCE_ALLOWANCE"));
            long timeout1 = log.append(failed(t.plus(Duration.ofMinutes(40)), "11010519491231002X", "李建国"));
            log.append(paper(t.plus(Duration.ofMinutes(43)), "11010519491231002X", "李建国", DecisionKind.WAIVE, 0,
                    "PAPER_PROVISIONAL_WAIVE", "JA-2025-0311", "SUBSISTENCE_ALLOWANCE", timeout1, 20));
            log.append(ecert(t.plus(Duration.ofHours(2)), "440524188001010014", "Maria Garcia", Channel.ECERT_ONLINE,
                    DecisionKind.WAIVE, 0, "WAIVED_BY_CATEGORY", "EXTREME_POVERTY_SUPPORT", false));
            log.append(ecert(t.plus(Duration.ofHours(3)), "310115199203300027", "阿依古丽·买买提",
                    Channel.ECERT_OFFLINE, DecisionKind.REDUCE, 50, "REDUCED_BY_CATEGORY", "LOW_INCOME_FAMILY",
                    true));
            long noRecord = log.append(live(t.plus(Duration.ofHours(5)), "310104198507150012", "张伟",
                    DecisionKind.CHARGE, 100, "NO_RECORD", null));
            log.append(paper(t.plus(Duration.ofHours(5).plusMinutes(4)), "310104198507150012", "张伟",
                    DecisionKind.CHARGE, 100, "PAPER_REFUND_AFTER_REVIEW", "XH-2025-1187", "LOW_INCOME_FAMILY",
                    noRecord, 75));
            log.append(ecert(t.plus(Duration.ofHours(20)), "440524188001010014", "陈小明", Channel.ECERT_ONLINE,
                    DecisionKind.CHARGE, 100, "ECERT_REVOKED", null, false));
            long timeout2 = log.append(failed(t.plus(Duration.ofHours(26)), "310115199203300027", "刘芳"));
            log.append(paper(t.plus(Duration.ofHours(26).plusMinutes(5)), "310115199203300027", "刘芳",
                    DecisionKind.REDUCE, 50, "PAPER_PROVISIONAL_REDUCE", "PT-2025-0042", "LOW_INCOME_FAMILY",
                    timeout2, 9));
            String[] ids = {"310104198507150012", "11010519491231002X", "310115199203300027", "440524188001010014"};
            String[] names = {"王秀英", "李建国", "刘芳", "陈小明"};
            for (int i = 0; i < more; i++) {
                Instant at = t.plus(Duration.ofHours(27)).plus(Duration.ofSeconds(30L * i));
                long timeout = log.append(failed(at, ids[i % 4], names[i % 4]));
                log.append(paper(at.plusSeconds(20), ids[i % 4], names[i % 4], DecisionKind.WAIVE, 0,
                        "PAPER_PROVISIONAL_WAIVE", String.format("JA-2025-%04d", 500 + i), "SUBSISTENCE_ALLOWANCE",
                        timeout, 10 + i % 30));
            }
        }
    }

    private static AuditEntry live(Instant time, String id, String name, DecisionKind decision, int percent,
                                   String reason, String category) {
        String result = decision == DecisionKind.CHARGE ? "NO_RECORD" : "MATCH";
        return new AuditEntry(time, time.atOffset(ZoneOffset.ofHours(8)), "w01-wang", "ADM-W01", ResidentId.mask(id),
                null, name, decision, percent, reason, category == null ? List.of() : List.of(category), result,
                "req-" + time.getEpochSecond(), null, 140, SOURCE).withProof(ProofDetail.liveQuery());
    }

    private static AuditEntry failed(Instant time, String id, String name) {
        return new AuditEntry(time, null, "w02-li", "ADM-W02", ResidentId.mask(id), null, name,
                DecisionKind.CANNOT_VERIFY, null, "SERVICE_FAILED:TIMEOUT", List.of(), null,
                "req-" + time.getEpochSecond(), null, 5000, SOURCE).withProof(ProofDetail.liveQuery());
    }

    private static AuditEntry paper(Instant time, String id, String name, DecisionKind decision, int percent,
                                    String reason, String number, String category, long follows, int daysOld) {
        return new AuditEntry(time, null, "w02-li", "ADM-W02", ResidentId.mask(id), null, name, decision, percent,
                reason, List.of(category), null, null, null, 3, SOURCE).withProof(ProofDetail.paper(number, CENTRE,
                LocalDate.now().minusDays(daysOld), category, follows));
    }

    private static AuditEntry ecert(Instant time, String id, String name, Channel channel, DecisionKind decision,
                                    int percent, String reason, String category, boolean fromCertificate) {
        return new AuditEntry(time, null, "w03-zhao", "ADM-W03", ResidentId.mask(id), null, name, decision, percent,
                reason, category == null ? List.of() : List.of(category), null, null, null,
                channel == Channel.ECERT_ONLINE ? 180 : 12, SOURCE).withProof(ProofDetail.ecert(channel,
                "SHC-2025-" + (time.getEpochSecond() % 100000), "issuer-2025a", 5L * 3600,
                channel == Channel.ECERT_ONLINE ? 40L * 60 : 19L * 3600, fromCertificate));
    }
}
