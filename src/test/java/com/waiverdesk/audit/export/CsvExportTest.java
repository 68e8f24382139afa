package com.waiverdesk.audit.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.app.AuditVocabulary;
import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.ChainHead;
import com.waiverdesk.audit.CheckSource;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.audit.SqliteAuditLog;
import com.waiverdesk.audit.SqliteAuditReader;
import com.waiverdesk.audit.SyntheticAuditLog;
import com.waiverdesk.domain.DecisionKind;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvExportTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-03T09:00:00Z"), ZoneOffset.UTC);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    @Test
    void startsWithAByteOrderMarkAndOneHeaderRowThenOneRowPerEntryNewestFirst() throws Exception {
        ChainHead head = ExportFixtures.write(dir.resolve("audit.db"), ExportFixtures.mixed(7));

        ExportResult result = export(AuditFilter.all(), head, ProgressListener.NONE);

        byte[] bytes = Files.readAllBytes(result.file());
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(header(result.file())).containsExactlyElementsOf(CsvExport.HEADER);
        List<CSVRecord> records = parse(result.file());
        assertThat(records).extracting(r -> r.get("seq")).containsExactly("7", "6", "5", "4", "3", "2", "1");
        CSVRecord first = records.get(6);
        assertThat(first.get("workstation_time")).isEqualTo("2026-03-01T16:00:00.123+08:00");
        assertThat(first.get("name")).isEqualTo("张0");
        assertThat(first.get("categories")).isEqualTo("SUBSISTENCE_ALLOWANCE");
        assertThat(result.rows()).isEqualTo(7);
    }

    /** The same four checks, exported in each language: the codes stay, the words follow the export's language. */
    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(delimiter = '|', value = {
        "zh | WAIVE | 免押金 | 按救助类别免押金 | 最低生活保障（低保）、NEW_CATEGORY | 匹配 | ''",
        "en | WAIVE | Waived | Waived for the assistance category"
            + " | 'Subsistence allowance (dibao), NEW_CATEGORY' | Match | ''",
        "zh | CANNOT_VERIFY | 无法核验 | 平台未给出答复：超时 | '' | '' | 超时",
        "en | CANNOT_VERIFY | Could not verify | 'The service gave no answer: Timed out' | '' | '' | Timed out",
        "zh | INVALID_INPUT | 输入有误 | 输入有误，未向平台查询：身份证号校验位不符 | '' | '' | 身份证号校验位不符",
        "en | INVALID_INPUT | Input error | 'Input error, not sent to the service: Wrong check digit in the ID number'"
            + " | '' | '' | Wrong check digit in the ID number",
        "zh | CHARGE | 无法核验 | 平台未给出答复：平台繁忙（限流） | '' | '' | 平台繁忙（限流）",
        "en | CHARGE | Could not verify | 'The service gave no answer: Service busy (rate limited)' | '' | ''"
            + " | Service busy (rate limited)",
    })
    void keepsTheCodesAndAddsTheirWordsInTheExportsLanguage(String language, DecisionKind kind, String decision,
                                                             String reason, String categories,
                                                             String serviceResult, String error) throws Exception {
        Path db = dir.resolve("audit.db");
        ChainHead head = ExportFixtures.write(db, List.of(worded(kind)));

        ExportResult result;
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            result = export(reader, AuditFilter.all(), head, ProgressListener.NONE, Locale.forLanguageTag(language));
        }

        CSVRecord row = parse(result.file()).get(0);
        AuditEntry recorded = worded(kind);
        assertThat(row.get("decision")).isEqualTo(recorded.decision().name());
        assertThat(row.get("reason")).isEqualTo(recorded.reason());
        assertThat(row.get("decision_words")).isEqualTo(decision);
        assertThat(row.get("reason_words")).isEqualTo(reason);
        assertThat(row.get("categories_words")).isEqualTo(categories);
        assertThat(row.get("service_result_words")).isEqualTo(serviceResult);
        assertThat(row.get("error_words")).isEqualTo(error);
        assertThat(new ObjectMapper().readTree(result.anchor().toFile()).get("language").asText())
                .isEqualTo(language);
    }

    @Test
    void carriesEachEntrysProofAndAPaperCertificatesReviewWithTheirWords() throws Exception {
        Path db = dir.resolve("audit.db");
        ChainHead head = ExportFixtures.writeProofs(db);

        ExportResult result = export(AuditFilter.all(), head, ProgressListener.NONE);

        List<String> proofColumns = List.of("seq", "channel", "cert_id", "cert_kid", "trust_list_age_s",
                "revocation_list_age_s", "paper_number", "paper_centre", "paper_issued", "paper_category",
                "follows_seq", "review_state", "review_reason", "reviewed_by", "reviewed_at", "channel_words",
                "review_state_words");
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord r : parse(result.file())) {
            rows.add(proofColumns.stream().map(r::get).toList());
        }
        String centre = "徐汇区凌云街道社区事务受理服务中心";
        assertThat(rows).containsExactly(
                List.of("5", "PAPER", "", "", "", "", "沪民证字20260005", centre, "2026-02-15", "SUBSISTENCE_ALLOWANCE",
                        "1", "PENDING", "", "", "", "纸质证明", "待复核"),
                List.of("4", "PAPER", "", "", "", "", "沪民证字20260004", centre, "2026-02-14", "SUBSISTENCE_ALLOWANCE",
                        "1", "REJECTED", "'=stamp missing, refund refused", "supervisor-01",
                        "2026-03-01T17:00:00.123+08:00", "纸质证明", "复核未通过"),
                List.of("3", "PAPER", "", "", "", "", "沪民证字20260003", centre, "2026-02-13", "SUBSISTENCE_ALLOWANCE",
                        "1", "APPROVED", "original seen", "supervisor-01", "2026-03-01T17:00:00.123+08:00", "纸质证明",
                        "复核通过"),
                List.of("2", "ECERT_ONLINE", "SHC-2026-000042", "issuer-2026-01", "120", "60", "", "", "", "", "",
                        "", "", "", "", "电子证明（在线核验）", ""),
                List.of("1", "LIVE_QUERY", "", "", "", "", "", "", "", "", "", "", "", "", "", "平台实时核验", ""));
        assertThat(header(result.file())).endsWith("channel_words", "review_state_words");
    }

    /** A waiver with an unknown category beside a known one, a timeout, a typing error; CHARGE stands for a rate limit. */
    private static AuditEntry worded(DecisionKind kind) {
        AuditEntry e = ExportFixtures.entry(1, "王秀英", kind == DecisionKind.CHARGE ? DecisionKind.CANNOT_VERIFY : kind);
        String reason = switch (kind) {
            case WAIVE -> "WAIVED_BY_CATEGORY";
            case INVALID_INPUT -> "INVALID_INPUT:ID_WRONG_CHECK_DIGIT";
            case CHARGE -> "SERVICE_FAILED:RATE_LIMITED";
            default -> "SERVICE_FAILED:TIMEOUT";
        };
        return new AuditEntry(e.workstationTime(), e.serviceTime(), e.operator(), e.workstation(), e.maskedId(),
                e.idHash(), e.name(), e.decision(), e.depositPercent(), reason,
                kind == DecisionKind.WAIVE ? List.of("SUBSISTENCE_ALLOWANCE", "NEW_CATEGORY") : List.of(),
                e.serviceResult(), e.requestId(), kind == DecisionKind.CHARGE ? "RATE_LIMITED" : null,
                e.latencyMillis());
    }

    @Test
    void writesTheServicesTimeAlsoInTheWorkstationsZoneBesideItsOwn() throws Exception {
        ChainHead head = ExportFixtures.write(dir.resolve("audit.db"), List.of(ExportFixtures.entry(0, "王秀英",
                DecisionKind.WAIVE)));

        CSVRecord row = parse(export(AuditFilter.all(), head, ProgressListener.NONE).file()).get(0);

        assertThat(row.get("workstation_time")).isEqualTo("2026-03-01T16:00:00.123+08:00");
        assertThat(row.get("service_time")).isEqualTo("2026-03-01T16:00:00.500+08:00");
        assertThat(row.get("service_time_local")).isEqualTo("2026-03-01T16:00:00.500+08:00");
    }

    @Test
    void eachRowSaysWhatTheCheckWasDecidedWithOrNothingForOlderEntries() throws Exception {
        CheckSource demo = new CheckSource("SH-2018-DEPOSIT", "ab".repeat(32), "http://127.0.0.1:41234/", true, "1.4.0");
        ChainHead head = ExportFixtures.write(dir.resolve("audit.db"), List.of(
                ExportFixtures.entry(1, "张三", DecisionKind.WAIVE),
                ExportFixtures.entry(2, "李四", DecisionKind.CHARGE).withSource(demo)));

        ExportResult result = export(AuditFilter.all(), head, ProgressListener.NONE);

        assertThat(header(result.file()).subList(14, 21)).containsExactly("latency_ms", "policy_id", "policy_sha256",
                "service_url", "demo_service", "program_version", "entry_hash");
        List<CSVRecord> records = parse(result.file());
        CSVRecord sourced = records.get(0);
        assertThat(List.of(sourced.get("policy_id"), sourced.get("policy_sha256"), sourced.get("service_url"),
                sourced.get("demo_service"), sourced.get("program_version"))).containsExactly("SH-2018-DEPOSIT",
                "ab".repeat(32), "http://127.0.0.1:41234/", "true", "1.4.0");
        CSVRecord older = records.get(1);
        assertThat(List.of(older.get("policy_id"), older.get("policy_sha256"), older.get("service_url"),
                older.get("demo_service"), older.get("program_version"))).containsOnly("");
    }

    @Test
    void anExportOfNothingStillHasItsHeaderRow() throws Exception {
        ChainHead head = ExportFixtures.write(dir.resolve("audit.db"), ExportFixtures.mixed(3));
        AuditFilter nobody = new AuditFilter(null, null, null, null, null, null, null, "不存在的名字", null);

        ExportResult result = export(nobody, head, ProgressListener.NONE);

        assertThat(result.rows()).isZero();
        assertThat(Files.readString(result.file(), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFF" + String.join(",", CsvExport.HEADER) + "\r\n");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "王, 小明                                    | 王, 小明",
        "Anna \"Nan\" Lee                            | Anna \"Nan\" Lee",
        "`Line one\nline two`                        | `Line one\nline two`",
        "`Carriage\r\nreturn`                        | `Carriage\r\nreturn`",
        "=HYPERLINK(\"http://x.invalid\",\"click\")  | '=HYPERLINK(\"http://x.invalid\",\"click\")",
        "+86 trick                                   | '+86 trick",
        "-2+3                                        | '-2+3",
        "@SUM(A1:A9)                                 | '@SUM(A1:A9)",
        "`\tTabbed`                                  | `'\tTabbed`",
        "a=b stays                                   | a=b stays"})
    void hostileNamesSurviveARoundTripAndFormulasAreDefused(String name, String expected) throws Exception {
        ChainHead head = ExportFixtures.write(dir.resolve("audit.db"),
                List.of(ExportFixtures.entry(1, name, DecisionKind.CHARGE)));

        ExportResult result = export(AuditFilter.all(), head, ProgressListener.NONE);

        List<CSVRecord> records = parse(result.file());
        assertThat(records).hasSize(1);
        assertThat(records.get(0).get("name")).isEqualTo(expected);
    }

    @Test
    void showsMaskedIdsOnlyNeverTheFullIdNorItsKeyedHash() throws Exception {
        ChainHead head = ExportFixtures.write(dir.resolve("audit.db"), ExportFixtures.mixed(5));

        ExportResult result = export(AuditFilter.all(), head, ProgressListener.NONE);

        String text = Files.readString(result.file());
        assertThat(text).contains("110105********002X")
                .doesNotContain(ExportFixtures.FULL_ID)
                .doesNotContain(ExportFixtures.HASHER.hash(ExportFixtures.FULL_ID));
    }

    @Test
    void exportsOnlyTheFilterUpToTheChainHead() throws Exception {
        Path db = dir.resolve("audit.db");
        ChainHead head = ExportFixtures.write(db, ExportFixtures.mixed(10));
        try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
            log.append(ExportFixtures.entry(99, "later", DecisionKind.CANNOT_VERIFY));
        }
        AuditFilter failures = new AuditFilter(null, null, null, null, AuditFilter.decision(DecisionKind.CANNOT_VERIFY), null, null, null,
                null);

        ExportResult result = export(failures, head, ProgressListener.NONE);

        assertThat(parse(result.file())).extracting(r -> r.get("seq"), r -> r.get("decision"))
                .containsExactly(tuple("9", "CANNOT_VERIFY"), tuple("4", "CANNOT_VERIFY"));
        assertThat(result.rows()).isEqualTo(2);
    }

    @Test
    void writesAnAnchorWithTheChainHeadRowCountAndDigestOfTheCsvBytes() throws Exception {
        ChainHead head = ExportFixtures.write(dir.resolve("audit.db"), ExportFixtures.mixed(4));

        ExportResult result = export(AuditFilter.all(), head, ProgressListener.NONE);

        assertThat(result.anchor()).isEqualTo(dir.resolve("out.anchor.json"));
        JsonNode anchor = new ObjectMapper().readTree(result.anchor().toFile());
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(result.file())));
        assertThat(anchor.get("sha256").asText()).isEqualTo(digest).isEqualTo(result.sha256());
        assertThat(anchor.get("file").asText()).isEqualTo("out.csv");
        assertThat(anchor.get("rows").asLong()).isEqualTo(4);
        assertThat(anchor.get("filter").asText()).isEqualTo("all entries");
        assertThat(anchor.get("exportedAt").asText()).isEqualTo("2026-03-03T09:00:00Z");
        assertThat(anchor.at("/chainHead/seq").asLong()).isEqualTo(head.seq());
        assertThat(anchor.at("/chainHead/hash").asText()).isEqualTo(head.hash());
        assertThat(anchor.at("/chainHead/accessHash").asText()).isEqualTo(head.accessHash());
    }

    @Test
    void streamsManyPagesReportingProgressUpToTheTotal() throws Exception {
        Path db = dir.resolve("big.db");
        SyntheticAuditLog.create(db, 2_345, 5);
        ChainHead head = new ChainHead(Instant.now(), 2_345, "h", 0, "h");
        ExportFixtures.Recorder progress = new ExportFixtures.Recorder(-1);

        ExportResult result = export(db, AuditFilter.all(), head, progress);

        List<CSVRecord> records = parse(result.file());
        assertThat(records).hasSize(2_345);
        assertThat(records.get(0).get("seq")).isEqualTo("2345");
        assertThat(records.get(2_344).get("seq")).isEqualTo("1");
        assertThat(progress.calls.get(0)).containsExactly(0, 2_345);
        assertThat(progress.calls.get(progress.calls.size() - 1)).containsExactly(2_345, 2_345);
        assertThat(progress.calls).extracting(c -> c[0]).isSorted();
    }

    @Test
    void stopsWhenCancelledAndLeavesNoFileBehind() throws Exception {
        Path db = dir.resolve("big.db");
        SyntheticAuditLog.create(db, 1_500, 5);
        ChainHead head = new ChainHead(Instant.now(), 1_500, "h", 0, "h");
        ExportFixtures.Recorder progress = new ExportFixtures.Recorder(1_200);
        Path out = dir.resolve("exports");

        assertThatThrownBy(() -> {
            try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
                new CsvExport(reader, SHANGHAI, CLOCK, new AuditVocabulary(Locale.SIMPLIFIED_CHINESE))
                        .write(AuditFilter.all(), head, out.resolve("x.csv"), progress);
            }
        }).isInstanceOf(CancellationException.class);

        assertThat(progress.polls.get()).isEqualTo(1_201);
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).isEmpty();
        }
    }

    private ExportResult export(AuditFilter filter, ChainHead head, ProgressListener progress) throws Exception {
        return export(dir.resolve("audit.db"), filter, head, progress);
    }

    private ExportResult export(Path db, AuditFilter filter, ChainHead head, ProgressListener progress)
            throws Exception {
        try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
            return export(reader, filter, head, progress, Locale.SIMPLIFIED_CHINESE);
        }
    }

    private ExportResult export(SqliteAuditReader reader, AuditFilter filter, ChainHead head,
                                ProgressListener progress, Locale language) throws Exception {
        return new CsvExport(reader, SHANGHAI, CLOCK, new AuditVocabulary(language))
                .write(filter, head, dir.resolve("out.csv"), progress);
    }

    /** The rows after the header, parsed back by Commons CSV as any RFC 4180 reader would. */
    private static List<CSVRecord> parse(Path csv) throws Exception {
        try (Reader in = new StringReader(withoutBom(csv))) {
            return CSVFormat.RFC4180.builder().setHeader().get().parse(in).getRecords();
        }
    }

    private static List<String> header(Path csv) throws Exception {
        try (Reader in = new StringReader(withoutBom(csv))) {
            return CSVFormat.RFC4180.builder().setHeader().get().parse(in).getHeaderNames();
        }
    }

    private static String withoutBom(Path csv) throws Exception {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return text.substring(1);
    }

}
