package com.waiverdesk.audit.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.ChainHead;
import com.waiverdesk.audit.CheckSource;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.audit.SqliteAuditLog;
import com.waiverdesk.audit.SqliteAuditReader;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.audit.SyntheticAuditLog;
import com.waiverdesk.domain.DecisionKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FhirExportTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-03T09:00:00Z"), ZoneOffset.UTC);
    private static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void writesACollectionBundleWithOneAuditEventPerEntryNewestFirst() throws Exception {
        ChainHead head = ExportFixtures.write(dir.resolve("audit.db"), ExportFixtures.mixed(6));

        JsonNode bundle = export(AuditFilter.all(), head);

        assertThat(bundle.get("resourceType").asText()).isEqualTo("Bundle");
        assertThat(bundle.get("type").asText()).isEqualTo("collection");
        assertThat(bundle.get("timestamp").asText()).isEqualTo("2026-03-03T09:00:00Z");
        assertThat(bundle.get("entry")).hasSize(6);
        assertThat(bundle.findValues("resourceType")).extracting(JsonNode::asText)
                .containsOnly("Bundle", "AuditEvent").hasSize(7);
        assertThat(bundle.get("entry")).extracting(e -> e.at("/resource/id").asText())
                .containsExactly("waiverdesk-6", "waiverdesk-5", "waiverdesk-4", "waiverdesk-3", "waiverdesk-2",
                        "waiverdesk-1");
        assertThat(bundle.get("entry")).extracting(e -> e.get("fullUrl").asText()).allMatch(u -> u.startsWith(
                "urn:uuid:")).doesNotHaveDuplicates();
    }

    @Test
    void eachEventFollowsTheQueryPatternForOnePatient() throws Exception {
        ChainHead head = ExportFixtures.write(dir.resolve("audit.db"),
                List.of(ExportFixtures.entry(1, "张三", DecisionKind.WAIVE)));

        JsonNode event = export(AuditFilter.all(), head).at("/entry/0/resource");

        assertThat(event.at("/type/system").asText()).isEqualTo(DCM);
        assertThat(event.at("/type/code").asText()).isEqualTo("110112");
        assertThat(event.at("/type/display").asText()).isEqualTo("Query");
        assertThat(event.at("/subtype/0/code").asText()).isEqualTo("assistance-eligibility-verification");
        assertThat(event.at("/subtype/0/display").asText()).isNotBlank();
        assertThat(event.get("action").asText()).isEqualTo("E");
        assertThat(event.get("recorded").asText()).isEqualTo("2026-03-01T16:01:00.123+08:00");
        assertThat(event.get("outcome").asText()).isEqualTo("0");

        JsonNode user = event.at("/agent/0");
        assertThat(user.at("/type/coding").findValuesAsText("code")).containsExactly("IRCP", "humanuser");
        assertThat(user.at("/who/identifier/value").asText()).isEqualTo("clerk-07");
        assertThat(user.get("requestor").asBoolean()).isTrue();
        JsonNode client = event.at("/agent/1");
        assertThat(client.at("/type/coding/0/code").asText()).isEqualTo("110153");
        assertThat(client.at("/type/coding/0/display").asText()).isEqualTo("Source Role ID");
        assertThat(client.at("/network/address").asText()).isEqualTo("WIN-ADM-03");
        assertThat(client.at("/network/type").asText()).isEqualTo("1");
        assertThat(client.get("requestor").asBoolean()).isFalse();
        JsonNode server = event.at("/agent/2");
        assertThat(server.at("/type/coding/0/code").asText()).isEqualTo("110152");
        assertThat(server.at("/network/address").asText()).isEqualTo("https://verify.example.gov.cn/");
        assertThat(event.at("/source/observer/display").asText()).contains("WIN-ADM-03");
        assertThat(event.at("/source/type/0/code").asText()).isEqualTo("1");

        JsonNode patient = event.at("/entity/0");
        assertThat(patient.at("/what/identifier/value").asText()).isEqualTo("110105********002X");
        assertThat(patient.at("/what/identifier").has("system")).isFalse();
        assertThat(patient.at("/type/code").asText()).isEqualTo("1");
        assertThat(patient.at("/role/code").asText()).isEqualTo("1");
        JsonNode query = event.at("/entity/1");
        assertThat(query.at("/type/code").asText()).isEqualTo("2");
        assertThat(query.at("/role/code").asText()).isEqualTo("24");
        JsonNode sent = MAPPER.readTree(Base64.getDecoder().decode(query.get("query").asText()));
        assertThat(sent.get("name").asText()).isEqualTo("张三");
        assertThat(sent.get("idNumber").asText()).isEqualTo("110105********002X");
        assertThat(sent.get("purpose").asText()).isEqualTo("HOSPITAL_DEPOSIT");
        JsonNode transaction = event.at("/entity/2");
        assertThat(transaction.at("/type/code").asText()).isEqualTo("XrequestId");
        assertThat(transaction.at("/what/identifier/value").asText()).isEqualTo("req-1");
    }

    @Test
    void theServiceAgentIsTheServiceTheEntryRecordedAtCheckTime() throws Exception {
        CheckSource recorded = new CheckSource("SH-2018-DEPOSIT", "ab".repeat(32),
                "https://verify-b.example.gov.cn:8443/gw/", false, "1.4.0");
        ChainHead head = ExportFixtures.write(dir.resolve("audit.db"),
                List.of(ExportFixtures.entry(1, "张三", DecisionKind.WAIVE).withSource(recorded)));

        JsonNode event = export(AuditFilter.all(), head).at("/entry/0/resource");

        JsonNode server = event.at("/agent/2");
        assertThat(server.at("/type/coding/0/code").asText()).isEqualTo("110152");
        assertThat(server.at("/network/address").asText()).isEqualTo("https://verify-b.example.gov.cn:8443/gw/");
        assertThat(server.at("/network/type").asText()).isEqualTo("5");
        assertThat(server.at("/who/display").asText()).isEqualTo(FhirAgents.SERVICE);
        assertThat(event.at("/source/observer/display").asText()).isEqualTo("WaiverDesk 1.4.0 on WIN-ADM-03");
        JsonNode source = event.get("extension").findParents("url").stream()
                .filter(n -> n.get("url").asText().endsWith("/audit-check-source")).findFirst().orElseThrow();
        assertThat(source.get("extension")).extracting(n -> n.get("url").asText() + "=" + n.findValue(
                n.has("valueBoolean") ? "valueBoolean" : n.has("valueUri") ? "valueUri" : "valueString").asText())
                .containsExactly("policyId=SH-2018-DEPOSIT", "policySha256=" + "ab".repeat(32),
                        "serviceUrl=https://verify-b.example.gov.cn:8443/gw/", "demoService=false",
                        "programVersion=1.4.0");
    }

    @Test
    void theBuiltInDemoServiceIsNamedAsSuch() throws Exception {
        CheckSource demo = new CheckSource("SH-2018-DEPOSIT", "ab".repeat(32), "http://127.0.0.1:41234/", true, "dev");
        ChainHead head = ExportFixtures.write(dir.resolve("audit.db"),
                List.of(ExportFixtures.entry(1, "张三", DecisionKind.CHARGE).withSource(demo)));

        JsonNode server = export(AuditFilter.all(), head).at("/entry/0/resource/agent/2");

        assertThat(server.at("/who/display").asText()).isEqualTo(FhirAgents.DEMO_SERVICE);
        assertThat(server.at("/network/address").asText()).isEqualTo("http://127.0.0.1:41234/");
    }

    @Test
    void anInvalidInputEventHasNoServiceAgentAndNoQuerySinceNothingWasSent() throws Exception {
        CheckSource recorded = new CheckSource("SH-2018-DEPOSIT", "ab".repeat(32), "https://verify.example.gov.cn/",
                false, "1.4.0");
        ChainHead head = ExportFixtures.write(dir.resolve("audit.db"),
                List.of(ExportFixtures.entry(1, "张三", DecisionKind.INVALID_INPUT).withSource(recorded)));

        JsonNode event = export(AuditFilter.all(), head).at("/entry/0/resource");

        assertThat(event.get("agent")).hasSize(2);
        assertThat(event.get("agent").findValuesAsText("code")).doesNotContain("110152");
        assertThat(event.get("entity")).hasSize(1);
        assertThat(event.at("/entity/0/what/identifier/value").asText()).isEqualTo("110105********002X");
        assertThat(event.get("entity").findValues("query")).isEmpty();
        assertThat(event.get("entity").findValuesAsText("code")).doesNotContain("24");
    }

    @Test
    void anEntryThatRecordedNoServiceGetsNoWorkstationNameAsItsAddress() throws Exception {
        ChainHead head = ExportFixtures.write(dir.resolve("audit.db"),
                List.of(ExportFixtures.entry(1, "张三", DecisionKind.WAIVE)));
        JsonNode server;
        try (SqliteAuditReader reader = SqliteAuditReader.open(dir.resolve("audit.db"))) {
            ExportResult result = new FhirExport(reader, ZoneId.of("Asia/Shanghai"), CLOCK, null)
                    .write(AuditFilter.all(), head, dir.resolve("old.json"), ProgressListener.NONE);
            server = MAPPER.readTree(result.file().toFile()).at("/entry/0/resource/agent/2");
        }
        assertThat(server.at("/type/coding/0/code").asText()).isEqualTo("110152");
        assertThat(server.has("network")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"WAIVE, 0", "REDUCE, 0", "CHARGE, 0", "INVALID_INPUT, 4", "CANNOT_VERIFY, 8"})
    void mapsTheDecisionToTheAuditOutcome(DecisionKind decision, String outcome) throws Exception {
        ChainHead head = ExportFixtures.write(dir.resolve("audit.db"), List.of(ExportFixtures.entry(1, "李四",
                decision)));

        JsonNode event = export(AuditFilter.all(), head).at("/entry/0/resource");

        assertThat(event.get("outcome").asText()).isEqualTo(outcome);
        assertThat(event.get("outcomeDesc").asText()).startsWith(decision.name());
    }

    @Test
    void eachEventCarriesItsChainLinkAndTheBundleTheChainHead() throws Exception {
        Path db = dir.resolve("audit.db");
        ChainHead head = ExportFixtures.write(db, ExportFixtures.mixed(3));
        List<StoredEntry> stored;
        try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
            stored = log.latest(3);
        }

        JsonNode bundle = export(AuditFilter.all(), head);

        for (int i = 0; i < 3; i++) {
            JsonNode link = bundle.at("/entry/" + i + "/resource/extension/0");
            assertThat(link.get("url").asText()).endsWith("audit-chain-link");
            assertThat(link.at("/extension/0/valueInteger").asLong()).isEqualTo(stored.get(i).seq());
            assertThat(link.at("/extension/1/valueString").asText()).isEqualTo(stored.get(i).entryHash());
            assertThat(link.at("/extension/2/valueString").asText()).isEqualTo(stored.get(i).prevHash());
        }
        JsonNode chainHead = bundle.at("/meta/extension/0");
        assertThat(chainHead.get("url").asText()).endsWith("audit-chain-head");
        assertThat(chainHead.findValuesAsText("valueString")).containsExactly(head.hash(), head.accessHash());
        assertThat(chainHead.findValues("valueInteger")).extracting(JsonNode::asLong)
                .containsExactly(head.seq(), head.accessSeq());
        assertThat(bundle.at("/meta/extension/1/valueString").asText()).isEqualTo("all entries");
    }

    @Test
    void holdsNoFullIdNorItsKeyedHashAnywhereNotEvenInsideTheEncodedQuery() throws Exception {
        ChainHead head = ExportFixtures.write(dir.resolve("audit.db"), ExportFixtures.mixed(5));

        ExportResult result = write(AuditFilter.all(), head, ProgressListener.NONE);

        String text = Files.readString(result.file(), StandardCharsets.UTF_8);
        List<String> decoded = new ArrayList<>();
        for (JsonNode q : MAPPER.readTree(text).findValues("query")) {
            decoded.add(new String(Base64.getDecoder().decode(q.asText()), StandardCharsets.UTF_8));
        }
        // five events, one of them invalid input, which sent no query
        assertThat(decoded).hasSize(4).allSatisfy(q -> assertThat(q).doesNotContain(ExportFixtures.FULL_ID));
        assertThat(text).doesNotContain(ExportFixtures.FULL_ID)
                .doesNotContain(ExportFixtures.HASHER.hash(ExportFixtures.FULL_ID));
    }

    @Test
    void stopsWhenCancelledAndLeavesNoFileBehind() throws Exception {
        Path db = dir.resolve("big.db");
        SyntheticAuditLog.create(db, 1_200, 9);
        ChainHead head = new ChainHead(Instant.now(), 1_200, "h", 0, "h");
        ExportFixtures.Recorder progress = new ExportFixtures.Recorder(1_100);
        Path out = dir.resolve("exports");

        assertThatThrownBy(() -> {
            try (SqliteAuditReader reader = SqliteAuditReader.open(db)) {
                new FhirExport(reader, ZoneOffset.UTC, CLOCK, null).write(AuditFilter.all(), head,
                        out.resolve("x.json"), progress);
            }
        }).isInstanceOf(CancellationException.class);

        assertThat(progress.calls.get(0)).containsExactly(0, 1_200);
        assertThat(progress.calls).extracting(c -> c[0]).contains(1_000L);
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void eachEventNamesItsChannelAndAPaperCertificateCarriesItsReview() throws Exception {
        ChainHead head = ExportFixtures.writeProofs(dir.resolve("audit.db"));

        JsonNode bundle = export(AuditFilter.all(), head);

        // newest first: 5 pending, 4 rejected, 3 approved, 2 e-certificate, 1 live query
        assertThat(extension(bundle, 4, "audit-proof")).containsExactly("channel=LIVE_QUERY");
        assertThat(extension(bundle, 4, "audit-paper-review")).isEmpty();
        assertThat(extension(bundle, 3, "audit-proof")).containsExactly("channel=ECERT_ONLINE",
                "certId=SHC-2026-000042", "kid=issuer-2026-01", "trustListAgeSeconds=120",
                "revocationListAgeSeconds=60", "holderFromCertificate=false");
        assertThat(extension(bundle, 3, "audit-paper-review")).isEmpty();
        assertThat(extension(bundle, 1, "audit-proof")).containsExactly("channel=PAPER",
                "paperNumber=沪民证字20260004", "paperCentre=徐汇区凌云街道社区事务受理服务中心", "paperIssued=2026-02-14",
                "paperCategory=SUBSISTENCE_ALLOWANCE", "followsSeq=1");
        assertThat(extension(bundle, 1, "audit-paper-review")).containsExactly("state=REJECTED",
                "reason==stamp missing, refund refused", "reviewer=supervisor-01", "time=2026-03-01T09:00:00.123Z",
                "workstation=WIN-SUP-01");
        assertThat(extension(bundle, 2, "audit-paper-review")).containsExactly("state=APPROVED",
                "reason=original seen", "reviewer=supervisor-01", "time=2026-03-01T09:00:00.123Z",
                "workstation=WIN-SUP-01");
        assertThat(extension(bundle, 0, "audit-paper-review")).containsExactly("state=PENDING");
    }

    /** The sub-extensions of the event's extension whose URL ends with {@code name}, as url=value; none if absent. */
    private static List<String> extension(JsonNode bundle, int entry, String name) {
        List<String> found = new ArrayList<>();
        for (JsonNode ext : bundle.at("/entry/" + entry + "/resource/extension")) {
            if (ext.get("url").asText().endsWith("/" + name)) {
                for (JsonNode sub : ext.get("extension")) {
                    java.util.Iterator<String> fields = sub.fieldNames();
                    fields.next();
                    found.add(sub.get("url").asText() + "=" + sub.get(fields.next()).asText());
                }
            }
        }
        return found;
    }

    private JsonNode export(AuditFilter filter, ChainHead head) throws Exception {
        ExportResult result = write(filter, head, ProgressListener.NONE);
        assertThat(result.anchor()).isNull();
        return MAPPER.readTree(result.file().toFile());
    }

    private ExportResult write(AuditFilter filter, ChainHead head, ProgressListener progress) throws Exception {
        try (SqliteAuditReader reader = SqliteAuditReader.open(dir.resolve("audit.db"))) {
            return new FhirExport(reader, ZoneId.of("Asia/Shanghai"), CLOCK, "https://verify.example.gov.cn/")
                    .write(filter, head, dir.resolve("audit.json"), progress);
        }
    }
}
