package com.waiverdesk.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.domain.ServiceFailure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthCheckTest {
    private ServiceStub stub;

    @BeforeEach
    void start() throws Exception {
        stub = new ServiceStub();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void upWhenTheServiceSaysUp() throws Exception {
        stub.enqueue(ServiceStub.json(200, "{\"status\":\"UP\",\"time\":\"2026-11-28T12:00:00+08:00\"}"));

        HealthStatus health = stub.client().checkHealth();

        assertThat(health).isEqualTo(HealthStatus.healthy());
        assertThat(stub.server.takeRequest().getHeaders().get("X-Request-Id"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void downWhenTheServiceSaysSomethingElse() {
        stub.enqueue(ServiceStub.json(200, "{\"status\":\"DOWN\"}"));

        assertThat(stub.client().checkHealth()).isEqualTo(HealthStatus.down(ServiceFailure.SERVER_ERROR, null));
    }

    @Test
    void downAsMalformedWhenTheBodyIsNotTheSpecs() {
        stub.enqueue(new MockResponse.Builder().code(200).body("UP").build());

        assertThat(stub.client().checkHealth()).isEqualTo(HealthStatus.down(ServiceFailure.MALFORMED_REPLY, null));
    }

    @ParameterizedTest
    @CsvSource({
            "401, CLOCK_SKEW,       CLOCK_SKEW",
            "401, BAD_SIGNATURE,    AUTHENTICATION_FAILED",
            "403, ACCOUNT_DISABLED, FORBIDDEN",
            "418, TEAPOT,           UNEXPECTED_STATUS",
    })
    void downWithTheSameMappingAsAVerification(int status, String code, ServiceFailure expected) {
        stub.enqueue(ServiceStub.error(status, code));

        HealthStatus health = stub.client().checkHealth();

        assertThat(health.up()).isFalse();
        assertThat(health.failure()).isEqualTo(expected);
        assertThat(health.errorCode()).isEqualTo(code);
    }

    @Test
    void downWithServerErrorWhenItKeepsFailingWithinTheBudget() {
        for (int i = 0; i < 20; i++) {
            stub.enqueue(ServiceStub.error(503, "MAINTENANCE"));
        }

        assertThat(stub.client(Duration.ofSeconds(2)).checkHealth())
                .isEqualTo(HealthStatus.down(ServiceFailure.SERVER_ERROR, "MAINTENANCE"));
    }

    @Test
    void downAsUnreachableOnAClosedPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        HttpVerificationClient client = new HttpVerificationClient(ServiceStub.HTTP, ServiceStub.MAPPER,
                new ServiceAccount("http://127.0.0.1:" + port + "/", ServiceStub.ACCOUNT_ID, ServiceStub.SECRET),
                Duration.ofSeconds(1), Clock.systemUTC(), stub.sleeper);

        assertThat(client.checkHealth()).isEqualTo(HealthStatus.down(ServiceFailure.UNREACHABLE, null));
    }
}
