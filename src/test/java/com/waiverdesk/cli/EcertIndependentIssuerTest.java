package com.waiverdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.testing.OpensslSm2;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code check --ecert} against an issuer and a service that share nothing with the program: every key is made and
 * every certificate and list signed by Debian's {@code openssl} command, the payloads are written here as text,
 * and the service is a bare {@link MockWebServer} that does not check signatures. The expected decision of each row
 * is written by hand from e-certificate.md and the bundled policy (低保 waived, 低收入 halved, 支出型 charged).
 */
class EcertIndependentIssuerTest {
    private static final String NAME = "测试员";
    private static final String ID = "310104198506150023";
    private static final String OTHER_ID = "440524188001010014";
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path keys;
    private static OpensslSm2 root;
    private static OpensslSm2 otherRoot;
    private static OpensslSm2 active;
    private static OpensslSm2 retired;
    private static OpensslSm2 compromised;
    private static OpensslSm2 rogue;
    private static String activeKey;
    private static String retiredKey;
    private static String compromisedKey;

    @TempDir
    Path dir;
    private MockWebServer service;
    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    private volatile String trustList;
    private volatile String revocationList;
    private volatile boolean statusDown;

    @BeforeAll
    static void makeKeys() throws Exception {
        root = OpensslSm2.generate(keys, "root");
        otherRoot = OpensslSm2.generate(keys, "other-root");
        active = OpensslSm2.generate(keys, "active");
        retired = OpensslSm2.generate(keys, "retired");
        compromised = OpensslSm2.generate(keys, "compromised");
        rogue = OpensslSm2.generate(keys, "rogue");
        activeKey = active.spkiBase64();
        retiredKey = retired.spkiBase64();
        compromisedKey = compromised.spkiBase64();
        Files.writeString(keys.resolve("root.b64"), root.spkiBase64() + "\n");
        Files.writeString(keys.resolve("other-root.b64"), otherRoot.spkiBase64() + "\n");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private static String time(OffsetDateTime t) {
        return RFC3339.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    private static OffsetDateTime hoursAgo(long hours) {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(hours);
    }

    /** The trust list, issued {@code ageHours} ago: the active key this year and next, the retired one in 2024. */
    private static String trustList(long ageHours) throws Exception {
        String payload = "{\"v\":1,\"issuedAt\":\"" + time(hoursAgo(ageHours)) + "\",\"nextUpdate\":\""
                + time(hoursAgo(ageHours - 24)) + "\",\"keys\":["
                + key("IND-ACTIVE", activeKey, today().minusYears(1), today().plusYears(1), "ACTIVE") + ","
                + key("IND-RETIRED", retiredKey, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "RETIRED") + ","
                + key("IND-BROKEN", compromisedKey, today().minusYears(1), today().plusYears(1), "COMPROMISED") + "]}";
        return root.compact("SHTL1", "IND-ROOT", payload);
    }

    private static String key(String kid, String publicKey, LocalDate from, LocalDate until, String status) {
        return "{\"kid\":\"" + kid + "\",\"issuer\":\"上海市民政局\",\"publicKey\":\"" + publicKey
                + "\",\"validFrom\":\"" + from + "\",\"validUntil\":\"" + until + "\",\"status\":\"" + status + "\"}";
    }

    private static String revocationList(long ageHours, String... revoked) throws Exception {
        StringBuilder list = new StringBuilder();
        for (String certId : revoked) {
            list.append(list.length() == 0 ? "" : ",").append("{\"certId\":\"").append(certId)
                    .append("\",\"revokedAt\":\"").append(time(hoursAgo(ageHours + 1)))
                    .append("\",\"reason\":\"synthetic\"}");
        }
        String payload = "{\"v\":1,\"issuedAt\":\"" + time(hoursAgo(ageHours)) + "\",\"nextUpdate\":\""
                + time(hoursAgo(ageHours - 24)) + "\",\"revoked\":[" + list + "]}";
        return root.compact("SHRL1", "IND-ROOT", payload);
    }

    /** A certificate payload; {@code from}/{@code until} in days from today, {@code issued} a timestamp. */
    private static String payload(String certId, String category, String name, String id, String issued,
                                  int fromDays, int untilDays) {
        return "{\"v\":1,\"certId\":\"" + certId + "\",\"category\":\"" + category + "\",\"holder\":{\"name\":\""
                + name + "\",\"idNumber\":\"" + id + "\"},\"issuer\":\"上海市民政局\",\"issuedAt\":\"" + issued
                + "\",\"validFrom\":\"" + today().plusDays(fromDays) + "\",\"validUntil\":\""
                + today().plusDays(untilDays) + "\"}";
    }

    private static String payload(String certId, String category) {
        return payload(certId, category, NAME, ID, time(hoursAgo(24 * 30)), -30, 60);
    }

    @BeforeEach
    void startService() throws Exception {
        trustList = trustList(1);
        revocationList = revocationList(1, "IND-REVOKED-LISTED");
        service = new MockWebServer();
        service.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.endsWith("/api/v1/ecert/trust-list")) {
                    return ok("{\"trustList\":\"" + trustList + "\"}");
                }
                if (path.endsWith("/api/v1/ecert/revocations")) {
                    return ok("{\"revocationList\":\"" + revocationList + "\"}");
                }
                if (path.endsWith("/api/v1/ecert/status")) {
                    if (statusDown) {
                        return new MockResponse.Builder().code(503).body("{\"error\":\"UNAVAILABLE\"}").build();
                    }
                    String certId = certIdOf(request.getBody().utf8());
                    return ok("{\"requestId\":\"" + request.getHeaders().get("X-Request-Id") + "\",\"certId\":\""
                            + certId + "\",\"status\":\"" + statuses.getOrDefault(certId, "VALID")
                            + "\",\"checkedAt\":\"" + time(OffsetDateTime.now(ZoneOffset.ofHours(8))) + "\"}");
                }
                return new MockResponse.Builder().code(404).body("{\"error\":\"NOT_FOUND\"}").build();
            }
        });
        service.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static String certIdOf(String body) {
        try {
            return JSON.readTree(body).get("certId").asText();
        } catch (IOException e) {
            return "";
        }
    }

    @AfterEach
    void stopService() {
        service.close();
    }

    private record Run(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private Run check(String text, String name, String id, String rootFile) throws IOException {
        return run(name, id, rootFile, "--ecert", text);
    }

    private Run run(String name, String id, String rootFile, String... proof) throws IOException {
        Path secret = dir.resolve("secret");
        if (!Files.exists(secret)) {
            Files.writeString(secret, "independent-service-secret-0001");
            Files.writeString(dir.resolve("config.json"), "{}");
        }
        List<String> args = new ArrayList<>(List.of("check", "--audit-db", dir.resolve("audit.db").toString(),
                "--config", dir.resolve("config.json").toString(), "--endpoint", service.url("/").toString(),
                "--account", "IND-0001", "--secret-file", secret.toString(), "--timeout-ms", "2000",
                "--ecert-root-key", keys.resolve(rootFile).toString(), "--name", name, "--id", id));
        args.addAll(List.of(proof));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString().trim(), err.toString());
    }

    private Run check(String text) throws IOException {
        return check(text, NAME, ID, "root.b64");
    }

    private static void assertDecision(Run run, String decision, String reason, String channel) throws IOException {
        assertThat(run.out()).as(run.err()).isNotEmpty();
        JsonNode json = run.json();
        assertThat(json.get("decision").asText()).as(run.out() + "\n" + run.err()).isEqualTo(decision);
        assertThat(json.get("reason").asText()).as(run.out()).isEqualTo(reason);
        assertThat(json.get("channel").asText()).as(run.out()).isEqualTo(channel);
        assertThat(run.exit()).isEqualTo(switch (decision) {
            case "INVALID_INPUT" -> 2;
            case "CANNOT_VERIFY" -> 3;
            default -> 0;
        });
        assertThat(run.out() + run.err()).doesNotContain(ID);
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "SUBSISTENCE_ALLOWANCE   | WAIVE  | WAIVED_BY_CATEGORY",
        "EXTREME_POVERTY_SUPPORT | WAIVE  | WAIVED_BY_CATEGORY",
        "LOW_INCOME_FAMILY       | REDUCE | REDUCED_BY_CATEGORY",
        "EXPENDITURE_POVERTY     | CHARGE | NO_REDUCTION_FOR_CATEGORY",
        "NEW_CATEGORY            | CHARGE | CATEGORY_NOT_IN_POLICY",
    })
    void aGenuineCurrentCertificateEarnsWhatThePolicyGivesItsCategory(String category, String decision,
                                                                      String reason) throws Exception {
        Run run = check(active.compact("SHEC1", "IND-ACTIVE", payload("IND-0001", category)));
        assertDecision(run, decision, reason, "ECERT_ONLINE");
        assertThat(run.json().get("certId").asText()).isEqualTo("IND-0001");
    }

    @Test
    void readsTheCertificateFromAQrencodeImage() throws Exception {
        String text = active.compact("SHEC1", "IND-ACTIVE", payload("IND-0019", "LOW_INCOME_FAMILY"));
        Path png = dir.resolve("phone.png");
        Process qrencode = new ProcessBuilder("qrencode", "-o", png.toString(), "-s", "6", text)
                .redirectErrorStream(true).start();
        assertThat(qrencode.waitFor()).as(new String(qrencode.getInputStream().readAllBytes())).isZero();
        assertDecision(run(NAME, ID, "root.b64", "--ecert-image", png.toString()), "REDUCE", "REDUCED_BY_CATEGORY",
                "ECERT_ONLINE");
    }

    @Test
    void anImageWithoutAQrCodeChecksNothing() throws Exception {
        Path png = dir.resolve("blank.png");
        java.awt.image.BufferedImage blank = new java.awt.image.BufferedImage(200, 200,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(blank, "png", png.toFile());
        Run run = run(NAME, ID, "root.b64", "--ecert-image", png.toString());
        assertThat(run.exit()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.err()).contains("no QR code found");
        assertThat(run.out()).isEmpty();
        assertThat(service.getRequestCount()).isZero();
    }

    @Test
    void aCertificateAlteredAfterSigningIsNotGenuine() throws Exception {
        String text = active.compact("SHEC1", "IND-ACTIVE", payload("IND-0002", "LOW_INCOME_FAMILY"));
        String[] parts = text.split("\\.");
        String altered = new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8)
                .replace("LOW_INCOME_FAMILY", "SUBSISTENCE_ALLOWANCE");
        parts[2] = Base64.getUrlEncoder().withoutPadding().encodeToString(altered.getBytes(StandardCharsets.UTF_8));
        assertDecision(check(String.join(".", parts)), "CHARGE", "ECERT_NOT_GENUINE", "ECERT_OFFLINE");
    }

    @Test
    void aCertificateSignedByAKeyTheTrustListDoesNotNameIsNotGenuine() throws Exception {
        assertDecision(check(rogue.compact("SHEC1", "IND-ROGUE", payload("IND-0003", "SUBSISTENCE_ALLOWANCE"))),
                "CHARGE", "ECERT_NOT_GENUINE", "ECERT_OFFLINE");
    }

    @Test
    void aCertificateSignedByTheRightKeyUnderAnotherKidIsNotGenuine() throws Exception {
        assertDecision(check(rogue.compact("SHEC1", "IND-ACTIVE", payload("IND-0004", "SUBSISTENCE_ALLOWANCE"))),
                "CHARGE", "ECERT_NOT_GENUINE", "ECERT_OFFLINE");
    }

    @Test
    void aCompromisedKeysCertificatesAreAllInvalid() throws Exception {
        assertDecision(check(compromised.compact("SHEC1", "IND-BROKEN",
                payload("IND-0005", "SUBSISTENCE_ALLOWANCE"))), "CHARGE", "ECERT_NOT_GENUINE", "ECERT_OFFLINE");
    }

    @Test
    void aRetiredKeyStillVouchesForWhatItSignedInItsTime() throws Exception {
        String issuedIn2024 = payload("IND-0006", "SUBSISTENCE_ALLOWANCE", NAME, ID, "2024-12-31T23:30:00+08:00",
                -30, 60);
        assertDecision(check(retired.compact("SHEC1", "IND-RETIRED", issuedIn2024)), "WAIVE", "WAIVED_BY_CATEGORY",
                "ECERT_ONLINE");
    }

    @Test
    void aRetiredKeyDoesNotVouchForWhatItSignedAfterItsValidity() throws Exception {
        // 2024-12-31T23:30:00-10:00 is 2025-01-01 in Shanghai: after the key's last day
        String issuedLater = payload("IND-0007", "SUBSISTENCE_ALLOWANCE", NAME, ID, "2024-12-31T23:30:00-10:00",
                -30, 60);
        assertDecision(check(retired.compact("SHEC1", "IND-RETIRED", issuedLater)), "CHARGE", "ECERT_NOT_GENUINE",
                "ECERT_OFFLINE");
    }

    @ParameterizedTest(name = "status {0}: {1}")
    @CsvSource({"REVOKED, ECERT_REVOKED", "EXPIRED, ECERT_EXPIRED", "UNKNOWN, ECERT_UNKNOWN_TO_SERVICE"})
    void theServicesStatusCountsOnline(String status, String reason) throws Exception {
        statuses.put("IND-0008", status);
        assertDecision(check(active.compact("SHEC1", "IND-ACTIVE", payload("IND-0008", "SUBSISTENCE_ALLOWANCE"))),
                "CHARGE", reason, "ECERT_ONLINE");
    }

    @Test
    void aCertificateOnTheRevocationListIsRevokedEvenWhenTheStatusCallSaysValid() throws Exception {
        assertDecision(check(active.compact("SHEC1", "IND-ACTIVE",
                payload("IND-REVOKED-LISTED", "SUBSISTENCE_ALLOWANCE"))), "CHARGE", "ECERT_REVOKED", "ECERT_ONLINE");
    }

    @ParameterizedTest(name = "valid {0}..{1} days from today: {2}")
    @CsvSource({"-60, -1, ECERT_EXPIRED", "1, 60, ECERT_NOT_YET_VALID"})
    void aCertificateOutsideItsDatesIsCharged(int from, int until, String reason) throws Exception {
        String text = active.compact("SHEC1", "IND-ACTIVE", payload("IND-0009", "SUBSISTENCE_ALLOWANCE", NAME, ID,
                time(hoursAgo(24 * 61)), from, until));
        assertDecision(check(text), "CHARGE", reason, "ECERT_ONLINE");
    }

    @Test
    void aCertificateValidFromTodayUntilTodayWaives() throws Exception {
        String text = active.compact("SHEC1", "IND-ACTIVE", payload("IND-0010", "SUBSISTENCE_ALLOWANCE", NAME, ID,
                time(hoursAgo(1)), 0, 0));
        assertDecision(check(text), "WAIVE", "WAIVED_BY_CATEGORY", "ECERT_ONLINE");
    }

    @ParameterizedTest(name = "holder {0} / {1}")
    @CsvSource({"测试员, " + OTHER_ID, "王秀英, " + ID})
    void someoneElsesCertificateIsCharged(String holderName, String holderId) throws Exception {
        String text = active.compact("SHEC1", "IND-ACTIVE", payload("IND-0011", "SUBSISTENCE_ALLOWANCE", holderName,
                holderId, time(hoursAgo(2)), -1, 30));
        assertDecision(check(text), "CHARGE", "ECERT_NOT_THIS_PATIENT", "ECERT_ONLINE");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "v 2                | \"v\":1               | \"v\":2",
        "v as text          | \"v\":1               | \"v\":\"1\"",
        "duplicate category | \"category\":         | \"category\":\"SUBSISTENCE_ALLOWANCE\",\"category\":",
        "bad date           | \"validFrom\":\"      | \"validFrom\":\"20",
        "number for certId  | \"certId\":\"IND-0012\" | \"certId\":12",
    })
    void aSignedButMalformedPayloadIsNotGenuine(String label, String from, String to) throws Exception {
        String good = payload("IND-0012", "SUBSISTENCE_ALLOWANCE");
        String bad = good.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        assertThat(bad).as(label).isNotEqualTo(good);
        assertDecision(check(active.compact("SHEC1", "IND-ACTIVE", bad)), "CHARGE", "ECERT_NOT_GENUINE",
                "ECERT_OFFLINE");
    }

    @Test
    void listsSignedByAnotherRootAreNotTrustedSoNothingCanBeVerified() throws Exception {
        Run run = check(active.compact("SHEC1", "IND-ACTIVE", payload("IND-0013", "SUBSISTENCE_ALLOWANCE")), NAME, ID,
                "other-root.b64");
        assertThat(run.json().get("decision").asText()).as(run.out() + run.err()).isEqualTo("CANNOT_VERIFY");
        assertThat(run.json().get("reason").asText()).isEqualTo("SERVICE_FAILED:ECERT_LISTS_UNTRUSTED");
        assertThat(run.exit()).isEqualTo(3);
    }

    @Test
    void withTheServiceDownTheCachedListsDecideOffline() throws Exception {
        String valid = active.compact("SHEC1", "IND-ACTIVE", payload("IND-0014", "SUBSISTENCE_ALLOWANCE"));
        assertDecision(check(valid), "WAIVE", "WAIVED_BY_CATEGORY", "ECERT_ONLINE");
        service.close();
        assertDecision(check(valid), "WAIVE", "WAIVED_BY_CATEGORY", "ECERT_OFFLINE");
        assertDecision(check(active.compact("SHEC1", "IND-ACTIVE", payload("IND-REVOKED-LISTED",
                "SUBSISTENCE_ALLOWANCE"))), "CHARGE", "ECERT_REVOKED", "ECERT_OFFLINE");
    }

    @Test
    void aStatusCallThatFailsFallsBackToFreshLists() throws Exception {
        statusDown = true;
        assertDecision(check(active.compact("SHEC1", "IND-ACTIVE", payload("IND-0015", "LOW_INCOME_FAMILY"))),
                "REDUCE", "REDUCED_BY_CATEGORY", "ECERT_OFFLINE");
    }

    @ParameterizedTest(name = "trust list {0} h, revocation list {1} h old")
    @CsvSource({"1, 25", "169, 1"})
    void offlineWithListsTooOldNothingCanBeVerified(long trustAge, long revocationAge) throws Exception {
        trustList = trustList(trustAge);
        revocationList = revocationList(revocationAge);
        statusDown = true;
        Run run = check(active.compact("SHEC1", "IND-ACTIVE", payload("IND-0016", "SUBSISTENCE_ALLOWANCE")));
        assertThat(run.json().get("decision").asText()).as(run.out() + run.err()).isEqualTo("CANNOT_VERIFY");
        assertThat(run.json().get("reason").asText()).isEqualTo("SERVICE_FAILED:ECERT_LISTS_TOO_OLD");
    }

    @Test
    void justInsideTheAgesOfflineStillDecides() throws Exception {
        trustList = trustList(167);
        revocationList = revocationList(23);
        statusDown = true;
        assertDecision(check(active.compact("SHEC1", "IND-ACTIVE", payload("IND-0017", "SUBSISTENCE_ALLOWANCE"))),
                "WAIVE", "WAIVED_BY_CATEGORY", "ECERT_OFFLINE");
    }

    @Test
    void aListOlderThanTheCopyHeldIsRefused() throws Exception {
        String valid = active.compact("SHEC1", "IND-ACTIVE", payload("IND-0018", "SUBSISTENCE_ALLOWANCE"));
        assertDecision(check(valid), "WAIVE", "WAIVED_BY_CATEGORY", "ECERT_ONLINE");
        // the service now hands out an older revocation list that forgets a revocation; the held one stays
        revocationList = revocationList(30);
        statusDown = true;
        assertDecision(check(active.compact("SHEC1", "IND-ACTIVE", payload("IND-REVOKED-LISTED",
                "SUBSISTENCE_ALLOWANCE"))), "CHARGE", "ECERT_REVOKED", "ECERT_OFFLINE");
    }
}
