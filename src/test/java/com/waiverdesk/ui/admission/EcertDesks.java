package com.waiverdesk.ui.admission;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.waiverdesk.app.CheckResult;
import com.waiverdesk.app.CheckService;
import com.waiverdesk.app.Config;
import com.waiverdesk.app.Desk;
import com.waiverdesk.app.EcertHolder;
import com.waiverdesk.app.EcertJudge;
import com.waiverdesk.app.EcertJudgement;
import com.waiverdesk.app.PaperEntry;
import com.waiverdesk.app.PaperTerms;
import com.waiverdesk.audit.IdHasher;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionReason;
import com.waiverdesk.domain.DepositPolicy;
import com.waiverdesk.domain.EcertFinding;
import com.waiverdesk.domain.EcertFinding.Verdict;
import com.waiverdesk.domain.PaperPolicy;
import com.waiverdesk.domain.PolicyRule;
import com.waiverdesk.testing.FakeVerificationClient;
import com.waiverdesk.testing.MemoryAuditLog;
import com.waiverdesk.testing.TestDesks;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;

/**
 * A real desk (check service, policy with a paper section, audit in memory) whose e-certificate judge is a table of
 * synthetic certificates, and the window's seam to it with ZXing reading test images in place of Desk.decodeQr.
 */
final class EcertDesks implements ProofDesk {
    static final LocalDate TODAY = FakeVerificationClient.CHECKED_AT.toLocalDate();
    /** The holder of {@link #VALID}: a synthetic person with a valid check digit (TestDesks.WAIVE_ID). */
    static final EcertHolder HOLDER = new EcertHolder("王秀英", TestDesks.WAIVE_ID, "110105********002X",
            "SHMZ-2026-0001234");
    /** As long as a real one (the spec allows 1,200 characters), with every character base64url uses. */
    static final String VALID = "SHEC1.DEMO-2026A." + "eyJ2IjoxLCJpZCI6IlNITVotMjAyNi0wMDAxMjM0In0_-".repeat(22)
            + ".MEUCIQDk3x_sig";
    static final String FORGED = "SHEC1.DEMO-2026A.eyJ2IjoxfQ.Zm9yZ2Vk";

    final FakeVerificationClient client = new FakeVerificationClient();
    final MemoryAuditLog audit = new MemoryAuditLog();
    /** What the judge was asked: "name/id". */
    final List<String> judged = new CopyOnWriteArrayList<>();
    final Map<String, EcertFinding.Verdict> verdicts = new ConcurrentHashMap<>();
    final Desk desk;
    /** When set, what the judge finds for any text (the layout test walks every finding through the real desk). */
    volatile EcertFinding next;
    private final ProofDesk real;

    EcertDesks(Locale locale) {
        DepositPolicy policy = new DepositPolicy("TEST-2018", LocalDate.of(2018, 1, 1), "test policy", List.of(
                new PolicyRule("SUBSISTENCE_ALLOWANCE", 0, Map.of()),
                new PolicyRule("LOW_INCOME_FAMILY", 50, Map.of()),
                new PolicyRule("EXPENDITURE_POVERTY", 100, Map.of())),
                new PaperPolicy(true, 90, Map.of("SUBSISTENCE_ALLOWANCE", 0, "LOW_INCOME_FAMILY", 50)));
        Config config = TestDesks.config(Duration.ofMinutes(5), locale);
        CheckService checks = new CheckService(client, policy, audit, new IdHasher(new byte[32]), TestDesks.CLOCK,
                config.workstation(), config.standardDeposit());
        desk = new Desk(config, checks, client, policy, List.of(audit), () -> { }, judge(), null);
        real = new DeskProofs(desk);
    }

    /** Rule 4 by hand: the certificate is {@link #HOLDER}'s; a forged one is not genuine. */
    private EcertJudge judge() {
        return new EcertJudge() {
            @Override
            public EcertJudgement judge(String text, String name, String id) {
                judged.add(name + "/" + id);
                EcertFinding finding;
                if (next != null) {
                    finding = next;
                } else if (!text.equals(VALID)) {
                    finding = new EcertFinding(Channel.ECERT_ONLINE, Verdict.REFUSED, DecisionReason.ECERT_NOT_GENUINE,
                            null, null, null, "DEMO-2026A", null, null, null, 3600L, 1800L, TODAY);
                } else if (!name.equals(HOLDER.name()) || !id.equals(HOLDER.idNumber())) {
                    finding = new EcertFinding(Channel.ECERT_ONLINE, Verdict.REFUSED,
                            DecisionReason.ECERT_NOT_THIS_PATIENT, null, null, HOLDER.certId(), "DEMO-2026A",
                            "SUBSISTENCE_ALLOWANCE", TODAY.minusDays(30), TODAY.plusDays(60), 3600L, 1800L, TODAY);
                } else {
                    finding = new EcertFinding(Channel.ECERT_ONLINE, Verdict.ACCEPTED, null, null, null,
                            HOLDER.certId(), "DEMO-2026A", "SUBSISTENCE_ALLOWANCE", TODAY.minusDays(30),
                            TODAY.plusDays(60), 3600L, 1800L, TODAY);
                }
                return new EcertJudgement(finding, "req-e1", OffsetDateTime.parse("2026-11-28T10:15:31+08:00"));
            }

            @Override
            public Optional<EcertHolder> peek(String text) {
                return text.equals(VALID) ? Optional.of(HOLDER) : Optional.empty();
            }
        };
    }

    @Override
    public CheckResult checkEcert(String text, String rawName, String rawId, boolean holderFromCertificate,
                                  String businessRef) throws Exception {
        return real.checkEcert(text, rawName, rawId, holderFromCertificate, businessRef);
    }

    @Override
    public Optional<EcertHolder> peekEcert(String text) {
        return real.peekEcert(text);
    }

    @Override
    public Optional<String> decodeQr(Path image) throws Exception {
        BufferedImage read = ImageIO.read(image.toFile());
        if (read == null) {
            throw new java.io.IOException("not an image");
        }
        try {
            return Optional.of(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(read)))).getText());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> decodeQr(int[] argb, int width, int height) {
        return Optional.empty();
    }

    @Override
    public CheckResult recordPaper(CheckResult earlier, PaperEntry entry) throws Exception {
        return real.recordPaper(earlier, entry);
    }

    @Override
    public PaperTerms paperTerms() {
        return real.paperTerms();
    }

    @Override
    public List<String> paperCentres() throws Exception {
        return List.of("长宁区华阳路街道社区事务受理服务中心", "徐汇区湖南路街道社区事务受理服务中心");
    }

    @Override
    public boolean offersPaper(CheckResult result) {
        return real.offersPaper(result);
    }

    @Override
    public ListAges listAges() {
        return new ListAges(Duration.ofHours(3), Duration.ofMinutes(20), false);
    }

    @Override
    public void watchLists(Runnable tried) {
        tried.run();
    }

}
