package com.waiverdesk.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.verification.ecert.StatusReply;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The e-certificate calls against a scripted server: signed exactly like the verification API, every error and
 * every malformed or stale reply a failure, and a status only from a well-formed current answer about this certificate.
 */
class EcertServiceClientTest {
    static final String CERT_ID = "SHMZ-2026-0001234";
    static final long TIMESTAMP = 1764302400000L;
    static final String NONCE = "0123456789abcdef0123456789abcdef";
    static final String BODY = "{\"certId\":\"SHMZ-2026-0001234\",\"idNumber\":\"310104198506150023\","
            + "\"purpose\":\"HOSPITAL_DEPOSIT\",\"operatorId\":\"w03-li\",\"businessRef\":\"\"}";
    /*
     * Computed outside Java with python3, the recipe of RequestSigningTest:
     *   canonical = "\n".join([METHOD, PATH, "1764302400000", NONCE, hashlib.sha256(body).hexdigest()])
     *   base64.b64encode(hmac.new(b"synthetic-test-secret-0001", canonical.encode(), hashlib.sha256).digest())
     * with body = BODY for POST /api/v1/ecert/status and b"" for the two GETs.
     */
    static final String STATUS_SIGNATURE = "+b0xZu4K/lRmaob1TcCxCaJHOzenAet6NyrVjDDCHeo=";
    static final String TRUST_LIST_SIGNATURE = "g3P5bO1qA9DIA6Kv7lNAHZH1XmbM/hZ0kfbuG6YPO4A=";
    static final String REVOCATIONS_SIGNATURE = "foUPZqGj4pAzMp2kvCPc+/eaPDFw/KW7GBEIncjh2vI=";
    static final String TRUST_LIST = "SHTL1.DEMO-ROOT.eyJ2IjoxfQ.c2ln";
    static final String REVOCATIONS = "SHRL1.DEMO-ROOT.eyJ2IjoxfQ.c2ln";

    private ServiceStub stub;
    private final Logger packageLogger = Logger.getLogger("com.waiverdesk.verification");
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            log.add(new java.util.logging.SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;

    @BeforeEach
    void start() throws Exception {
        stub = new ServiceStub();
        previousLevel = packageLogger.getLevel();
        packageLogger.setLevel(Level.ALL);
        packageLogger.addHandler(capture);
    }

    @AfterEach
    void stop() {
        packageLogger.removeHandler(capture);
        packageLogger.setLevel(previousLevel);
        stub.close();
        // the holder's ID is in every request, and in no log line of any test, not even masked
        assertThat(log).noneMatch(line -> line.contains("310104198506150023") || line.contains("310104"));
    }

    private EcertServiceClient client(Duration budget, Clock clock) {
        return new EcertServiceClient(ServiceStub.HTTP, ServiceStub.MAPPER,
                new ServiceAccount(stub.baseUrl("/"), ServiceStub.ACCOUNT_ID, ServiceStub.SECRET), () -> "w03-li",
                budget, clock, stub.sleeper, () -> NONCE, () -> ServiceStub.REQUEST_ID);
    }

    private EcertServiceClient client() {
        return client(Duration.ofSeconds(5), ServiceStub.CLOCK);
    }

    private StatusReply status() {
        return client().status(CERT_ID, ServiceStub.ID_NUMBER);
    }

    static MockResponse statusReply(String status) {
        return ServiceStub.json(200, "{\"requestId\":\"" + ServiceStub.REQUEST_ID + "\",\"certId\":\"" + CERT_ID
                + "\",\"status\":\"" + status + "\",\"checkedAt\":\"2026-11-28T12:00:00+08:00\"}");
    }

    @Test
    void sendsExactlyTheSignedStatusRequestOfTheVector() throws Exception {
        stub.enqueue(statusReply("VALID"));

        client(Duration.ofSeconds(5), Clock.fixed(Instant.ofEpochMilli(TIMESTAMP), ZoneOffset.UTC))
                .status(CERT_ID, ServiceStub.ID_NUMBER);

        RecordedRequest sent = stub.server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/v1/ecert/status");
        assertThat(sent.getBody().utf8()).isEqualTo(BODY);
        assertThat(sent.getHeaders().get("X-Account-Id")).isEqualTo(ServiceStub.ACCOUNT_ID);
        assertThat(sent.getHeaders().get("X-Timestamp")).isEqualTo(Long.toString(TIMESTAMP));
        assertThat(sent.getHeaders().get("X-Nonce")).isEqualTo(NONCE);
        assertThat(sent.getHeaders().get("X-Request-Id")).isEqualTo(ServiceStub.REQUEST_ID);
        assertThat(sent.getHeaders().get("X-Signature")).isEqualTo(STATUS_SIGNATURE);
    }

    @Test
    void signsTheListFetchesAsGetsOfTheVector() throws Exception {
        stub.enqueue(ServiceStub.json(200, "{\"trustList\":\"" + TRUST_LIST + "\"}"),
                ServiceStub.json(200, "{\"revocationList\":\"" + REVOCATIONS + "\"}"));
        EcertServiceClient client = client(Duration.ofSeconds(5),
                Clock.fixed(Instant.ofEpochMilli(TIMESTAMP), ZoneOffset.UTC));

        assertThat(client.fetchTrustList()).isEqualTo(new FetchedList(TRUST_LIST, null, null));
        assertThat(client.fetchRevocationList()).isEqualTo(new FetchedList(REVOCATIONS, null, null));

        RecordedRequest trust = stub.server.takeRequest();
        assertThat(trust.getMethod()).isEqualTo("GET");
        assertThat(trust.getUrl().encodedPath()).isEqualTo("/api/v1/ecert/trust-list");
        assertThat(trust.getBodySize()).isZero();
        assertThat(trust.getHeaders().get("X-Signature")).isEqualTo(TRUST_LIST_SIGNATURE);
        RecordedRequest revocations = stub.server.takeRequest();
        assertThat(revocations.getUrl().encodedPath()).isEqualTo("/api/v1/ecert/revocations");
        assertThat(revocations.getHeaders().get("X-Signature")).isEqualTo(REVOCATIONS_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"VALID", "REVOKED", "EXPIRED", "UNKNOWN"})
    void eachStatusOfTheSpecComesBackWithTheServicesClock(String status) {
        stub.enqueue(statusReply(status));

        StatusReply reply = status();

        assertThat(reply.status()).isEqualTo(StatusReply.Status.valueOf(status));
        assertThat(reply.failure()).isNull();
        assertThat(reply.checkedAt()).isEqualTo(OffsetDateTime.parse("2026-11-28T12:00:00+08:00"));
        assertThat(reply.requestId()).isEqualTo(ServiceStub.REQUEST_ID);
    }

    @Test
    void retriesAServerErrorWithTheSameRequestIdAndFreshSignatures() throws Exception {
        stub.enqueue(ServiceStub.error(503, "UNAVAILABLE"), statusReply("VALID"));
        EcertServiceClient client = new EcertServiceClient(ServiceStub.HTTP, ServiceStub.MAPPER,
                new ServiceAccount(stub.baseUrl("/"), ServiceStub.ACCOUNT_ID, ServiceStub.SECRET), () -> "w03-li",
                Duration.ofSeconds(5), ServiceStub.CLOCK, stub.sleeper, new RequestSigner()::newNonce,
                () -> ServiceStub.REQUEST_ID);

        StatusReply reply = client.status(CERT_ID, ServiceStub.ID_NUMBER);

        assertThat(reply.status()).isEqualTo(StatusReply.Status.VALID);
        List<RecordedRequest> sent = stub.recorded();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).getHeaders().get("X-Request-Id")).isEqualTo(sent.get(1).getHeaders()
                .get("X-Request-Id")).isEqualTo(reply.requestId());
        assertThat(sent.get(0).getHeaders().get("X-Nonce")).isNotEqualTo(sent.get(1).getHeaders().get("X-Nonce"));
        assertThat(stub.sleeper.sleeps()).hasSize(1);
    }

    /** The verification API's error table, written out by hand from the spec. */
    @ParameterizedTest
    @CsvSource({
            "400, INVALID_REQUEST, REQUEST_REJECTED, 1",
            "400, INVALID_ID_NUMBER, REQUEST_REJECTED, 1",
            "401, BAD_SIGNATURE, AUTHENTICATION_FAILED, 1",
            "401, UNKNOWN_ACCOUNT, AUTHENTICATION_FAILED, 1",
            "401, CLOCK_SKEW, CLOCK_SKEW, 1",
            "403, ACCOUNT_DISABLED, FORBIDDEN, 1",
            "403, PURPOSE_NOT_ALLOWED, FORBIDDEN, 1",
            "409, NONCE_REUSED, NONCE_REUSED, 2",
            "404, NOT_FOUND, UNEXPECTED_STATUS, 1",
            "418, TEAPOT, UNEXPECTED_STATUS, 1"})
    void errorsOfTheTableAreFailuresWithTheirCode(int code, String error, ServiceFailure failure, int tries) {
        for (int i = 0; i < tries; i++) {
            stub.enqueue(ServiceStub.error(code, error));
        }

        StatusReply reply = status();

        assertThat(reply.status()).isNull();
        assertThat(reply.failure()).isEqualTo(failure);
        assertThat(reply.errorCode()).isEqualTo(error);
        assertThat(stub.server.getRequestCount()).isEqualTo(tries);
    }

    @Test
    void serverErrorsUntilTheBudgetEndsAreAServerError() {
        for (int i = 0; i < 50; i++) {
            stub.enqueue(ServiceStub.error(502, "BAD_GATEWAY"));
        }

        StatusReply reply = status();

        assertThat(reply.failure()).isEqualTo(ServiceFailure.SERVER_ERROR);
        assertThat(stub.server.getRequestCount()).isGreaterThan(1);
    }

    @Test
    void rateLimitLongerThanTheBudgetIsGivenUp() {
        stub.enqueue(new MockResponse.Builder(ServiceStub.error(429, "RATE_LIMITED")).addHeader("Retry-After", "60")
                .build());

        assertThat(status().failure()).isEqualTo(ServiceFailure.RATE_LIMITED);
        assertThat(stub.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aServerThatDoesNotAnswerInTheBudgetIsATimeout() {
        stub.enqueue(new MockResponse.Builder(statusReply("VALID")).headersDelay(10, TimeUnit.SECONDS).build());
        long start = System.nanoTime();

        StatusReply reply = client(Duration.ofMillis(400), ServiceStub.CLOCK).status(CERT_ID, ServiceStub.ID_NUMBER);

        assertThat(reply.failure()).isEqualTo(ServiceFailure.TIMEOUT);
        assertThat(reply.status()).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aClosedPortIsUnreachableForStatusAndLists() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        EcertServiceClient client = new EcertServiceClient(ServiceStub.HTTP, ServiceStub.MAPPER,
                new ServiceAccount("http://127.0.0.1:" + port + "/", ServiceStub.ACCOUNT_ID, ServiceStub.SECRET),
                () -> "w03-li", Duration.ofSeconds(2), ServiceStub.CLOCK, stub.sleeper);

        assertThat(client.status(CERT_ID, ServiceStub.ID_NUMBER).failure()).isEqualTo(ServiceFailure.UNREACHABLE);
        assertThat(client.fetchTrustList().failure()).isEqualTo(ServiceFailure.UNREACHABLE);
        assertThat(client.fetchRevocationList().failure()).isEqualTo(ServiceFailure.UNREACHABLE);
    }

    /** Garbage that names VALID somewhere: each must be MALFORMED_REPLY, never VALID. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{'requestId':'RID','certId':'SHMZ-2026-9999999','status':'VALID','checkedAt':'2026-11-28T12:00:00+08:00'}",
            "{'requestId':'00000000-0000-0000-0000-000000000000','certId':'CID','status':'VALID','checkedAt':'2026-11-28T12:00:00+08:00'}",
            "{'requestId':'RID','certId':'CID','status':'valid','checkedAt':'2026-11-28T12:00:00+08:00'}",
            "{'requestId':'RID','certId':'CID','status':'PROBABLY_VALID','checkedAt':'2026-11-28T12:00:00+08:00'}",
            "{'requestId':'RID','certId':'CID','status':['VALID'],'checkedAt':'2026-11-28T12:00:00+08:00'}",
            "{'requestId':'RID','certId':'CID','status':'VALID ','checkedAt':'2026-11-28T12:00:00+08:00'}",
            "{'requestId':'RID','certId':'CID','status':'REVOKED','status':'VALID','checkedAt':'2026-11-28T12:00:00+08:00'}",
            "{'requestId':'RID','certId':'CID','status':'VALID'}",
            "{'requestId':'RID','certId':'CID','status':'VALID','checkedAt':'2026-11-28T12:00+08:00'}",
            "{'requestId':'RID','certId':'CID','status':'VALID','checkedAt':'2026-11-28T12:00:00'}",
            "{'requestId':'RID','certId':'CID','status':'VALID','checkedAt':1795838400}",
            "{'requestId':'RID','status':'VALID','checkedAt':'2026-11-28T12:00:00+08:00'}",
            "{'requestId':'RID','certId':null,'status':'VALID','checkedAt':'2026-11-28T12:00:00+08:00'}",
            "{'requestId':'RID','certId':'CID','status':'VALID','checkedAt':'2026-11-28T12:00:00+08:00'} {}",
            "[{'requestId':'RID','certId':'CID','status':'VALID','checkedAt':'2026-11-28T12:00:00+08:00'}]",
            "{'requestId':'RID','certId':'CID','status':'VALID','checkedAt':'2026-11-28T12:00:00+08:00'",
            "'VALID'",
            ""})
    void malformedStatusRepliesAreFailuresNeverValid(String shape) {
        stub.enqueue(ServiceStub.json(200, shape.replace('\'', '"').replace("RID", ServiceStub.REQUEST_ID)
                .replace("CID", CERT_ID)));

        StatusReply reply = status();

        assertThat(reply.status()).isNull();
        assertThat(reply.failure()).isEqualTo(ServiceFailure.MALFORMED_REPLY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "text/html; charset=utf-8|UTF-8",
            "application/json; charset=iso-8859-1|UTF-8",
            "application/json|UTF-16",
            "|UTF-8"})
    void aValidBodyOfTheWrongTypeOrEncodingIsMalformed(String contentType, String charset) {
        String body = "{\"requestId\":\"" + ServiceStub.REQUEST_ID + "\",\"certId\":\"" + CERT_ID
                + "\",\"status\":\"VALID\",\"checkedAt\":\"2026-11-28T12:00:00+08:00\"}";
        MockResponse.Builder response = new MockResponse.Builder().code(200)
                .body(new Buffer().write(body.getBytes(java.nio.charset.Charset.forName(charset))));
        if (contentType != null) {
            response.addHeader("Content-Type", contentType);
        }
        stub.enqueue(response.build());

        assertThat(status().failure()).isEqualTo(ServiceFailure.MALFORMED_REPLY);
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[] body = ("{\"requestId\":\"" + ServiceStub.REQUEST_ID + "\",\"certId\":\"" + CERT_ID
                + "\",\"status\":\"VALID\",\"checkedAt\":\"2026-11-28T12:00:00+08:00\",\"x\":\"\u00ff\"}")
                .getBytes(StandardCharsets.ISO_8859_1);
        stub.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(new Buffer().write(body)).build());

        assertThat(status().failure()).isEqualTo(ServiceFailure.MALFORMED_REPLY);
    }

    /** 12:00 in Shanghai is 04:00Z; allowed: 300 s plus the 5 s budget either way. */
    @ParameterizedTest
    @CsvSource({
            "2026-11-28T03:54:55Z, VALID",
            "2026-11-28T04:05:05Z, VALID",
            "2026-11-28T03:54:54Z, STALE",
            "2026-11-28T04:05:06Z, STALE",
            "2026-12-01T04:00:00Z, STALE"})
    void anAnswerDatedTooFarFromTheWorkstationClockIsStale(String workstation, String expected) {
        stub.enqueue(statusReply("VALID"));

        StatusReply reply = client(Duration.ofSeconds(5), Clock.fixed(Instant.parse(workstation), ZoneOffset.UTC))
                .status(CERT_ID, ServiceStub.ID_NUMBER);

        if (expected.equals("VALID")) {
            assertThat(reply.status()).isEqualTo(StatusReply.Status.VALID);
        } else {
            assertThat(reply.status()).isNull();
            assertThat(reply.failure()).isEqualTo(ServiceFailure.STALE_ANSWER);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{'trustList': 12}",
            "{'trustList': null}",
            "{}",
            "{'trustList': 'SHRL1.DEMO-ROOT.eyJ2IjoxfQ.c2ln'}",
            "{'trustList': 'SHTL1.DEMO-ROOT.eyJ2IjoxfQ.c2ln\\n'}",
            "{'trustList': 'SHTL1.DEMO-ROOT.\u00e9yJ2IjoxfQ.c2ln'}",
            "{'trustList': 'SHTL1.a', 'trustList': 'SHTL1.b'}",
            "not json"})
    void aListReplyWithoutAWellFormedCompactTextIsMalformed(String shape) {
        stub.enqueue(ServiceStub.json(200, shape.replace('\'', '"')));

        assertThat(client().fetchTrustList()).isEqualTo(new FetchedList(null, ServiceFailure.MALFORMED_REPLY, null));
    }

    @Test
    void aListFetchFollowsTheErrorTable() {
        stub.enqueue(ServiceStub.error(401, "BAD_SIGNATURE"), ServiceStub.error(503, "UNAVAILABLE"),
                ServiceStub.json(200, "{\"revocationList\":\"" + REVOCATIONS + "\"}"));

        assertThat(client().fetchTrustList())
                .isEqualTo(new FetchedList(null, ServiceFailure.AUTHENTICATION_FAILED, "BAD_SIGNATURE"));
        assertThat(client().fetchRevocationList().text()).isEqualTo(REVOCATIONS);
    }

    @Test
    void logsOneLinePerCallWithTheRequestIdAndTheOutcome() {
        stub.enqueue(statusReply("REVOKED"));

        status();

        assertThat(log).anySatisfy(line -> assertThat(line).contains(ServiceStub.REQUEST_ID, "REVOKED", "1 tries"));
    }
}
