package com.waiverdesk.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.CertificatePinner;
import okhttp3.Dns;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection test over real TLS with a CA made in the test, and the steps before it: URL, DNS, TCP. Each failure
 * is named at its step, and the steps after it are not tried.
 */
class ConnectionTestTlsTest {
    private static final long DAY = 24L * 60 * 60 * 1000;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] SECRET = "synthetic-tls-secret-55aa".getBytes(StandardCharsets.UTF_8);
    private static HeldCertificate ca;
    private static HeldCertificate otherCa;

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();
    private final ConnectionLog log = new ConnectionLog();

    @BeforeAll
    static void makeCertificates() {
        ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("WaiverDesk Test CA").build();
        otherCa = new HeldCertificate.Builder().certificateAuthority(0).commonName("Someone Else CA").build();
    }

    @AfterEach
    void stop() {
        log.close();
        server.close();
    }

    @Test
    void okOverTlsWithTheConfiguredCaAndPin() throws Exception {
        HeldCertificate cert = serverCertificate("localhost", 0);
        serve(cert);
        server.enqueue(ServiceStub.json(200, "{\"status\":\"UP\",\"time\":\"2026-11-28T12:00:00+08:00\"}"));
        TlsSettings tls = new TlsSettings(bundle(ca), List.of(CertificatePinner.pin(cert.certificate())), "localhost");

        ConnectionReport report = test(tls);

        assertThat(report.diagnosis()).as("%s", report).isIn(Diagnosis.OK, Diagnosis.CLOCK_NEAR_LIMIT);
        assertThat(report.step(ConnectionStep.DNS).outcome()).isEqualTo(StepOutcome.PASSED);
        assertThat(report.step(ConnectionStep.TLS).outcome()).isEqualTo(StepOutcome.PASSED);
        assertThat(report.step(ConnectionStep.TLS).detail()).matches("TLSv1\\.[23]");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/api/v1/health");
        assertNoSecretOrSignature(report, request.getHeaders().get(RequestSigner.SIGNATURE_HEADER));
    }

    @Test
    void clockOffsetComesFromTheHealthRepliesTime() throws Exception {
        serve(serverCertificate("localhost", 0));
        Clock workstation = Clock.fixed(java.time.Instant.parse("2026-11-28T04:00:00Z"), java.time.ZoneOffset.UTC);
        server.enqueue(ServiceStub.json(200, "{\"status\":\"UP\",\"time\":\"2026-11-28T12:00:07+08:00\"}"));

        ConnectionReport report = new ConnectionTest(MAPPER, workstation, ConnectionTest.DEFAULT_BUDGET)
                .run(account(), new TlsSettings(bundle(ca), List.of(), null));

        assertThat(report.diagnosis()).isEqualTo(Diagnosis.OK);
        assertThat(report.clockOffsetSeconds()).as("7 s, taken as the middle of the service's second").isEqualTo(8L);
    }

    @Test
    void untrustedWhenSignedByAnotherCa() throws Exception {
        serve(serverCertificate("localhost", 0));

        assertTlsFailure(new TlsSettings(bundle(otherCa), List.of(), null), Diagnosis.TLS_UNTRUSTED);
    }

    @Test
    void untrustedAgainstTheSystemTrustStore() throws Exception {
        serve(serverCertificate("localhost", 0));

        assertTlsFailure(TlsSettings.SYSTEM, Diagnosis.TLS_UNTRUSTED);
    }

    @Test
    void expiredCertificate() throws Exception {
        serve(serverCertificate("localhost", -1));

        assertTlsFailure(new TlsSettings(bundle(ca), List.of(), null), Diagnosis.TLS_EXPIRED);
    }

    @Test
    void certificateForAnotherHostName() throws Exception {
        serve(serverCertificate("verify.example.org", 0));

        assertTlsFailure(new TlsSettings(bundle(ca), List.of(), null), Diagnosis.TLS_HOST_MISMATCH);
    }

    @Test
    void publicKeyNotPinned() throws Exception {
        serve(serverCertificate("localhost", 0));
        String otherPin = CertificatePinner.pin(otherCa.certificate());

        assertTlsFailure(new TlsSettings(bundle(ca), List.of(otherPin), "localhost"), Diagnosis.TLS_PIN_MISMATCH);
    }

    @Test
    void serverOfferingOnlyAProtocolBelowTls12() throws Exception {
        try (ServerSocket old = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Thread answer = new Thread(() -> refuseWithProtocolVersionAlert(old), "old-tls-server");
            answer.setDaemon(true);
            answer.start();

            ConnectionReport report = new ConnectionTest(MAPPER, Clock.systemUTC(), ConnectionTest.DEFAULT_BUDGET)
                    .run(new ServiceAccount("https://localhost:" + old.getLocalPort() + "/", "H310104-0001", SECRET),
                            TlsSettings.SYSTEM);

            assertThat(report.diagnosis()).isEqualTo(Diagnosis.TLS_OLD_PROTOCOL);
            assertThat(report.step(ConnectionStep.TLS).outcome()).isEqualTo(StepOutcome.FAILED);
        }
    }

    @Test
    void unreadableCaBundleIsASettingsProblem() throws Exception {
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        serve(serverCertificate("localhost", 0));

        ConnectionReport report = test(new TlsSettings(notPem, List.of(), null));

        assertThat(report.diagnosis()).isEqualTo(Diagnosis.TLS_SETTINGS_INVALID);
        assertThat(report.step(ConnectionStep.SETTINGS).outcome()).isEqualTo(StepOutcome.FAILED);
        assertThat(report.step(ConnectionStep.DNS).outcome()).isEqualTo(StepOutcome.SKIPPED);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void dnsFailureNamesTheHost() {
        ConnectionReport report = new ConnectionTest(MAPPER, Clock.systemUTC(), ConnectionTest.DEFAULT_BUDGET)
                .run(new ServiceAccount("https://nonexistent.invalid/", "H310104-0001", SECRET), TlsSettings.SYSTEM);

        assertThat(report.diagnosis()).isEqualTo(Diagnosis.DNS_FAILED);
        assertThat(report.host()).isEqualTo("nonexistent.invalid");
        assertThat(report.step(ConnectionStep.DNS).outcome()).isEqualTo(StepOutcome.FAILED);
        assertThat(report.step(ConnectionStep.DNS).detail()).startsWith("nonexistent.invalid");
        assertThat(report.steps()).filteredOn(s -> s.step().ordinal() > ConnectionStep.DNS.ordinal())
                .extracting(StepResult::outcome).containsOnly(StepOutcome.SKIPPED);
    }

    @Test
    void aDnsLookupThatNeverReturnsEndsAtTheBudget() {
        CountDownLatch never = new CountDownLatch(1);
        Dns hanging = host -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host);
        };
        long start = System.nanoTime();
        try {
            ConnectionReport report = new ConnectionTest(MAPPER, Clock.systemUTC(), Duration.ofMillis(500),
                    hanging).run(new ServiceAccount("https://verify.example.gov.cn/", "H310104-0001", SECRET),
                    TlsSettings.SYSTEM);

            assertThat(report.diagnosis()).isEqualTo(Diagnosis.DNS_FAILED);
            assertThat(report.step(ConnectionStep.DNS).detail()).isEqualTo("verify.example.gov.cn timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        } finally {
            never.countDown();
        }
    }

    @Test
    void refusedPortNamesHostAndPort() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }

        ConnectionReport report = new ConnectionTest(MAPPER, Clock.systemUTC(), ConnectionTest.DEFAULT_BUDGET)
                .run(new ServiceAccount("https://127.0.0.1:" + port + "/", "H310104-0001", SECRET),
                        TlsSettings.SYSTEM);

        assertThat(report.diagnosis()).isEqualTo(Diagnosis.CONNECTION_REFUSED);
        assertThat(report.port()).isEqualTo(port);
        assertThat(report.step(ConnectionStep.DNS).outcome()).isEqualTo(StepOutcome.NOT_APPLICABLE);
        assertThat(report.step(ConnectionStep.CONNECT).outcome()).isEqualTo(StepOutcome.FAILED);
        assertThat(report.step(ConnectionStep.CONNECT).detail()).isEqualTo("127.0.0.1:" + port);
        assertThat(report.step(ConnectionStep.TLS).outcome()).isEqualTo(StepOutcome.SKIPPED);
    }

    @Test
    void plainHttpToAnotherHostIsRefusedBeforeAnythingIsSent() {
        ConnectionReport report = new ConnectionTest(MAPPER, Clock.systemUTC(), ConnectionTest.DEFAULT_BUDGET)
                .run(new ServiceAccount("http://10.1.2.3:8080/", "H310104-0001", SECRET), TlsSettings.SYSTEM);

        assertThat(report.diagnosis()).isEqualTo(Diagnosis.URL_NOT_HTTPS);
        assertThat(report.host()).isEqualTo("10.1.2.3");
        assertThat(report.steps()).filteredOn(s -> s.step() != ConnectionStep.SETTINGS)
                .extracting(StepResult::outcome).containsOnly(StepOutcome.SKIPPED);
    }

    @Test
    void malformedUrlIsReportedWithoutItsQuery() {
        ConnectionReport report = new ConnectionTest(MAPPER, Clock.systemUTC(), ConnectionTest.DEFAULT_BUDGET)
                .run(new ServiceAccount("https://verify.example.gov.cn/?token=synthetic-token-42", "H310104-0001",
                        SECRET), TlsSettings.SYSTEM);

        assertThat(report.diagnosis()).isEqualTo(Diagnosis.URL_INVALID);
        assertThat(ReportText.all(report) + log.text()).doesNotContain("synthetic-token-42");
    }

    private void assertTlsFailure(TlsSettings tls, Diagnosis expected) throws IOException {
        ConnectionReport report = test(tls);

        assertThat(report.diagnosis()).as("%s", report).isEqualTo(expected);
        assertThat(report.step(ConnectionStep.CONNECT).outcome()).isEqualTo(StepOutcome.PASSED);
        assertThat(report.step(ConnectionStep.TLS).outcome()).isEqualTo(StepOutcome.FAILED);
        assertThat(report.step(ConnectionStep.REQUEST).outcome()).isEqualTo(StepOutcome.SKIPPED);
        assertThat(server.getRequestCount()).as("nothing signed reached the server").isZero();
        assertNoSecretOrSignature(report, null);
    }

    private void assertNoSecretOrSignature(ConnectionReport report, String signature) {
        String all = ReportText.all(report) + "\n" + log.text();
        assertThat(all).doesNotContain(new String(SECRET, StandardCharsets.UTF_8));
        if (signature != null) {
            assertThat(all).doesNotContain(signature);
        }
    }

    private ConnectionReport test(TlsSettings tls) {
        return new ConnectionTest(MAPPER, Clock.systemUTC(), ConnectionTest.DEFAULT_BUDGET).run(account(), tls);
    }

    private ServiceAccount account() {
        return new ServiceAccount("https://localhost:" + server.getPort() + "/", "H310104-0001", SECRET);
    }

    private void serve(HeldCertificate serverCert) throws IOException {
        HandshakeCertificates certificates = new HandshakeCertificates.Builder()
                .heldCertificate(serverCert, ca.certificate()).build();
        server.useHttps(certificates.sslSocketFactory());
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    private Path bundle(HeldCertificate... cas) throws IOException {
        StringBuilder pem = new StringBuilder();
        for (HeldCertificate c : cas) {
            pem.append(c.certificatePem());
        }
        return Files.writeString(dir.resolve("bundle.pem"), pem);
    }

    /** Valid for a day around now, or (with {@code daysShift} -1) for a day that ended yesterday. */
    private static HeldCertificate serverCertificate(String host, int daysShift) {
        long now = System.currentTimeMillis() + daysShift * 2 * DAY;
        return new HeldCertificate.Builder().addSubjectAlternativeName(host).commonName(host)
                .validityInterval(now - DAY, now + DAY).signedBy(ca).build();
    }

    /**
     * What a server limited to TLS 1.1 or older answers a client offering only 1.2 and 1.3: a fatal
     * {@code protocol_version} alert (RFC 8446 6.2), sent as a TLS 1.0 record.
     */
    private static void refuseWithProtocolVersionAlert(ServerSocket server) {
        try (Socket client = server.accept()) {
            InputStream in = client.getInputStream();
            byte[] header = in.readNBytes(5);
            if (header.length == 5) {
                in.readNBytes(((header[3] & 0xff) << 8) | (header[4] & 0xff));
            }
            OutputStream out = client.getOutputStream();
            out.write(new byte[] {0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46});
            out.flush();
        } catch (IOException e) {
            // the test's assertion on the client side says what went wrong
        }
    }
}
