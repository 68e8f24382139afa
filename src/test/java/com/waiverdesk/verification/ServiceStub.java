package com.waiverdesk.verification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.domain.InvalidInputException;
import com.waiverdesk.domain.PersonName;
import com.waiverdesk.domain.ResidentId;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;

/**
 * A {@link MockWebServer} on 127.0.0.1 with a client pointed at it, and the synthetic person and replies the client
 * tests share.
 */
final class ServiceStub implements AutoCloseable {
    static final String REQUEST_ID = "6f1c0a8e-3d4b-4a8e-9d55-0a7f4c1b2e90";
    static final String ACCOUNT_ID = "H310104-0001";
    static final byte[] SECRET = "synthetic-test-secret-0001".getBytes(StandardCharsets.UTF_8);
    static final String NAME = "测试员";
    static final String ID_NUMBER = "310104198506150023";
    /** Shared like in production; each test's server has its own port. */
    static final OkHttpClient HTTP = VerificationHttp.newOkHttpClient();
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** The workstation's clock: the moment the canned answers say they were checked (12:00 in Shanghai). */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T04:00:00Z"), ZoneOffset.UTC);

    final MockWebServer server = new MockWebServer();
    final FakeSleeper sleeper = new FakeSleeper();

    ServiceStub() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    String baseUrl(String prefix) {
        return "http://127.0.0.1:" + server.getPort() + prefix;
    }

    HttpVerificationClient client(Duration budget) {
        return client(budget, CLOCK);
    }

    /** A client whose workstation clock is {@code clock}. */
    HttpVerificationClient client(Duration budget, Clock clock) {
        return new HttpVerificationClient(HTTP, MAPPER, new ServiceAccount(baseUrl("/"), ACCOUNT_ID, SECRET),
                budget, clock, sleeper);
    }

    HttpVerificationClient client() {
        return client(HttpVerificationClient.DEFAULT_BUDGET);
    }

    void enqueue(MockResponse... responses) {
        for (MockResponse response : responses) {
            server.enqueue(response);
        }
    }

    /** The requests the server received so far, in order. */
    List<RecordedRequest> recorded() throws InterruptedException {
        List<RecordedRequest> requests = new ArrayList<>();
        RecordedRequest r;
        while ((r = server.takeRequest(0, TimeUnit.MILLISECONDS)) != null) {
            requests.add(r);
        }
        return requests;
    }

    static VerificationRequest request() {
        try {
            return new VerificationRequest(REQUEST_ID, PersonName.parse(NAME),
                    ResidentId.parse(ID_NUMBER, LocalDate.of(2026, 1, 1)), "w03-li", "ADM-2026-000123");
        } catch (InvalidInputException e) {
            throw new AssertionError(e);
        }
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(body).build();
    }

    static MockResponse error(int code, String errorCode) {
        return json(code, "{\"error\":\"" + errorCode + "\",\"message\":\"synthetic\"}");
    }

    static MockResponse answer(String result, String assistance) {
        return json(200, "{\"requestId\":\"" + REQUEST_ID + "\",\"result\":\"" + result + "\",\"assistance\":"
                + assistance + ",\"checkedAt\":\"2026-11-28T12:00:00+08:00\"}");
    }

    static MockResponse noRecord() {
        return answer("NO_RECORD", "[]");
    }

    @Override
    public void close() {
        server.close();
    }
}
