package com.waiverdesk.mock;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.OkHttpClient;

/** A running mock on a hand-moved clock plus a plain OkHttp client, shared by the HTTP tests of the mock. */
final class MockFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-28T04:00:00Z");
    static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(20)).build();
    static final SyntheticRegistry REGISTRY = SyntheticRegistry.builtIn();

    final MutableClock clock = new MutableClock(NOW);
    final MockAccount account = MockAccount.demo();
    final MockVerificationService mock;

    MockFixture() {
        this(MockVerificationService.builder());
    }

    /** Starts the given builder with this fixture's clock, registry and demo account added. */
    MockFixture(MockVerificationService.Builder builder) {
        try {
            mock = builder.clock(clock).registry(REGISTRY).account(account).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String root() {
        return "http://127.0.0.1:" + mock.port();
    }

    /** A verification call of the fixture's account, timestamped now by the mock's clock. */
    SignedCall verify(String name, String idNumber) {
        return new SignedCall(account.id(), account.secret(), clock.millis()).body(query(name, idNumber));
    }

    SignedCall.Reply send(SignedCall call) throws IOException {
        return call.send(HTTP, root());
    }

    static String query(String name, String idNumber) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("idNumber", idNumber);
        body.put("purpose", "HOSPITAL_DEPOSIT");
        body.put("operatorId", "w03-li");
        body.put("businessRef", "ADM-2026-000123");
        return new String(MockJson.bytes(body), java.nio.charset.StandardCharsets.UTF_8);
    }

    static JsonNode json(SignedCall.Reply reply) throws IOException {
        return MockJson.MAPPER.readTree(reply.body());
    }

    @Override
    public void close() {
        mock.close();
    }
}
