package com.waiverdesk.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.waiverdesk.app.PolicyLoader;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.DepositPolicy;
import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.domain.VerificationOutcome;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import mockwebserver3.MockWebServer;
import okhttp3.CertificatePinner;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.TlsVersion;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client over real TLS against a CA made in the test: it answers only when trust, name, dates and pin hold. */
class TlsTest {
    private static final long DAY = 24L * 60 * 60 * 1000;
    /** What a server would answer for a person on subsistence allowance: a waiver, if the answer got through. */
    private static final String WAIVER_GRANT =
            "[{\"category\":\"SUBSISTENCE_ALLOWANCE\",\"validFrom\":\"2026-01-01\",\"validUntil\":null}]";
    private static DepositPolicy policy;
    private static HeldCertificate ca;
    private static HeldCertificate otherCa;
    private static HeldCertificate localhostCert;

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();
    private final FakeSleeper sleeper = new FakeSleeper();
    private final Logger clientLogger = Logger.getLogger(HttpVerificationClient.class.getName());
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel() == Level.INFO) {
                logLines.add(new SimpleFormatter().formatMessage(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void makeCertificates() throws Exception {
        policy = new PolicyLoader(ServiceStub.MAPPER).loadDefault();
        ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("WaiverDesk Test CA").build();
        otherCa = new HeldCertificate.Builder().certificateAuthority(0).commonName("Someone Else CA").build();
        localhostCert = serverCertificate("localhost", ca, 0);
    }

    private Level previousLevel;

    @BeforeEach
    void captureLog() {
        previousLevel = clientLogger.getLevel();
        clientLogger.setLevel(Level.INFO);
        clientLogger.addHandler(capture);
    }

    @AfterEach
    void stop() throws IOException {
        clientLogger.removeHandler(capture);
        clientLogger.setLevel(previousLevel);
        server.close();
    }

    @Test
    void answersWhenTheServerCertificateChainsToTheConfiguredCa() throws Exception {
        serve(localhostCert, ca);
        server.enqueue(ServiceStub.noRecord());
        TlsSettings tls = new TlsSettings(bundle(ca), List.of(), null);

        VerificationOutcome outcome = client(tls).verify(ServiceStub.request());

        assertThat(outcome.isAnswered()).as("%s", logLines).isTrue();
    }

    @Test
    void theWaiverTheRefusedServersOfferWouldWaiveThroughATrustedConnection() throws Exception {
        serve(localhostCert, ca);
        server.enqueue(ServiceStub.answer("MATCH", WAIVER_GRANT));

        VerificationOutcome outcome = client(new TlsSettings(bundle(ca), List.of(), null)).verify(ServiceStub.request());

        assertThat(policy.decide(outcome).kind()).as("%s", logLines).isEqualTo(DecisionKind.WAIVE);
    }

    @Test
    void refusesAServerSignedByAnotherCa() throws Exception {
        serve(localhostCert, ca);

        assertUnreachable(new TlsSettings(bundle(otherCa), List.of(), null), "TLS: certificate not trusted");
    }

    @Test
    void refusesAnExpiredServerCertificate() throws Exception {
        serve(serverCertificate("localhost", ca, -1), ca);

        assertUnreachable(new TlsSettings(bundle(ca), List.of(), null), "TLS: certificate expired");
    }

    @Test
    void refusesACertificateForAnotherHostName() throws Exception {
        serve(serverCertificate("verify.example.org", ca, 0), ca);

        assertUnreachable(new TlsSettings(bundle(ca), List.of(), null), "TLS: hostname mismatch");
    }

    @Test
    void refusesAServerWhosePublicKeyIsNotPinned() throws Exception {
        serve(localhostCert, ca);
        String otherKeysPin = CertificatePinner.pin(otherCa.certificate());

        assertUnreachable(new TlsSettings(bundle(ca), List.of(otherKeysPin), "localhost"), "TLS: pin mismatch");
    }

    @Test
    void answersWhenTheServerKeyMatchesAPin() throws Exception {
        serve(localhostCert, ca);
        server.enqueue(ServiceStub.noRecord());
        String pin = CertificatePinner.pin(localhostCert.certificate());
        TlsSettings tls = new TlsSettings(bundle(ca), List.of(CertificatePinner.pin(otherCa.certificate()), pin),
                "localhost");

        assertThat(client(tls).verify(ServiceStub.request()).isAnswered()).isTrue();
    }

    @Test
    void offersOnlyTls12AndTls13AndCleartextForTheLoopbackMock() {
        OkHttpClient http = VerificationHttp.newOkHttpClient(TlsSettings.SYSTEM);

        assertThat(http.connectionSpecs()).contains(ConnectionSpec.CLEARTEXT);
        assertThat(http.connectionSpecs()).filteredOn(ConnectionSpec::isTls).singleElement()
                .satisfies(spec -> assertThat(spec.tlsVersions())
                        .containsExactlyInAnyOrder(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2));
        assertThat(VerificationHttp.newOkHttpClient().connectionSpecs()).isEqualTo(http.connectionSpecs());
    }

    @Test
    void theDemosLoopbackClientHasNoTlsAtAll() {
        OkHttpClient http = VerificationHttp.newLoopbackClient();

        assertThat(http.connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
        // no TLS socket factory was made, so no trust store was loaded, and no https call can be made with it
        assertThatThrownBy(http::sslSocketFactory).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesACaBundleWithoutCertificates() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");

        assertThatThrownBy(() -> VerificationHttp.newOkHttpClient(new TlsSettings(empty, List.of(), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(empty.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "sha1/AAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "sha256/AAAA", "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==", ""})
    void rejectsMalformedPins(String pin) {
        assertThatThrownBy(() -> new TlsSettings(null, List.of(pin), "localhost"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sha256/");
    }

    /** The server offers a waiver (see the control above); the desk must not get it, so it cannot verify. */
    private void assertUnreachable(TlsSettings tls, String detail) {
        server.enqueue(ServiceStub.answer("MATCH", WAIVER_GRANT));

        VerificationOutcome outcome = client(tls).verify(ServiceStub.request());

        assertThat(outcome.isAnswered()).isFalse();
        assertThat(outcome.failure()).isEqualTo(ServiceFailure.UNREACHABLE);
        assertThat(outcome.attempts()).as("a certificate problem is not retried").isEqualTo(1);
        assertThat(server.getRequestCount()).as("no request got through").isZero();
        assertThat(logLines).singleElement().satisfies(line -> assertThat(line).contains("UNREACHABLE", detail));
        assertThat(policy.decide(outcome).kind()).as("no waiver through a refused connection")
                .isEqualTo(DecisionKind.CANNOT_VERIFY);
    }

    private HttpVerificationClient client(TlsSettings tls) {
        String base = "https://localhost:" + server.getPort() + "/";
        return new HttpVerificationClient(VerificationHttp.newOkHttpClient(tls), ServiceStub.MAPPER,
                new ServiceAccount(base, ServiceStub.ACCOUNT_ID, ServiceStub.SECRET), Duration.ofSeconds(5),
                ServiceStub.CLOCK, sleeper);
    }

    private void serve(HeldCertificate serverCert, HeldCertificate issuer) throws IOException {
        HandshakeCertificates certificates = new HandshakeCertificates.Builder()
                .heldCertificate(serverCert, issuer.certificate()).build();
        server.useHttps(certificates.sslSocketFactory());
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    private Path bundle(HeldCertificate... cas) throws IOException {
        StringBuilder pem = new StringBuilder();
        for (HeldCertificate c : cas) {
            pem.append(c.certificatePem());
        }
        return Files.writeString(dir.resolve("ca.pem"), pem);
    }

    /** Valid for a day around now, or (with {@code daysShift} -1) for a day that ended yesterday. */
    private static HeldCertificate serverCertificate(String host, HeldCertificate issuer, int daysShift) {
        long now = System.currentTimeMillis() + daysShift * 2 * DAY;
        return new HeldCertificate.Builder().addSubjectAlternativeName(host).commonName(host)
                .validityInterval(now - DAY, now + DAY).signedBy(issuer).build();
    }
}
