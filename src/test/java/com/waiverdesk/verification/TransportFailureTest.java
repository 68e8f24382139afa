package com.waiverdesk.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.domain.VerificationOutcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okhttp3.OkHttpClient;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Time budget, unreachable service, oversized bodies and statuses outside the spec's table. */
class TransportFailureTest {
    private static final long FIFTY_MB = 50L * 1024 * 1024;

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
    void serverThatDelaysItsHeadersBeyondTheBudgetTimesOutWellBeforeTheDelay() {
        stub.enqueue(new MockResponse.Builder(ServiceStub.noRecord()).headersDelay(10, TimeUnit.SECONDS).build());
        long start = System.nanoTime();

        VerificationOutcome outcome = stub.client(Duration.ofMillis(500)).verify(ServiceStub.request());

        assertThat(outcome.isAnswered()).isFalse();
        assertThat(outcome.failure()).isEqualTo(ServiceFailure.TIMEOUT);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.elapsedMillis()).isGreaterThanOrEqualTo(500);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void bodyTricklingInBeyondTheBudgetTimesOut() {
        TricklingBody body = new TricklingBody();
        stub.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(body).build());
        long start = System.nanoTime();

        VerificationOutcome outcome = stub.client(Duration.ofMillis(500)).verify(ServiceStub.request());
        body.release.countDown();

        assertThat(outcome.failure()).isEqualTo(ServiceFailure.TIMEOUT);
        assertThat(outcome.answer()).isNull();
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void closedPortIsRetriedWithinTheBudgetThenUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        HttpVerificationClient client = new HttpVerificationClient(ServiceStub.HTTP, ServiceStub.MAPPER,
                new ServiceAccount("http://127.0.0.1:" + port + "/", ServiceStub.ACCOUNT_ID, ServiceStub.SECRET),
                Duration.ofSeconds(5), java.time.Clock.systemUTC(), stub.sleeper);

        VerificationOutcome outcome = client.verify(ServiceStub.request());

        assertThat(outcome.failure()).isEqualTo(ServiceFailure.UNREACHABLE);
        assertThat(outcome.attempts()).isGreaterThanOrEqualTo(3).isEqualTo(stub.sleeper.sleeps().size() + 1);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void fiftyMegabyteBodyIsMalformedWithoutBeingReadWhole(boolean declaresLength) throws Exception {
        CountingBody body = new CountingBody(declaresLength ? FIFTY_MB : -1);
        stub.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(body).build());
        long start = System.nanoTime();

        VerificationOutcome outcome = stub.client().verify(ServiceStub.request());

        assertThat(outcome.failure()).isEqualTo(ServiceFailure.MALFORMED_REPLY);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(body.finished.await(10, TimeUnit.SECONDS)).as("server stopped writing").isTrue();
        assertThat(body.written.get()).isLessThan(FIFTY_MB / 4);
    }

    @Test
    void oversizedErrorBodyStillMapsByStatus() {
        stub.enqueue(new MockResponse.Builder().code(403).addHeader("Content-Type", "application/json")
                .body(new CountingBody(-1)).build());

        VerificationOutcome outcome = stub.client().verify(ServiceStub.request());

        assertThat(outcome.failure()).isEqualTo(ServiceFailure.FORBIDDEN);
        assertThat(outcome.errorCode()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {201, 301, 302, 307, 308, 404, 405, 418, 501, 505})
    void statusOutsideTheTableIsUnexpectedAndRedirectsAreNotFollowed(int status) throws Exception {
        stub.enqueue(new MockResponse.Builder(ServiceStub.error(status, "WHATEVER"))
                .addHeader("Location", stub.baseUrl("/elsewhere")).build(), ServiceStub.noRecord());

        VerificationOutcome outcome = stub.client().verify(ServiceStub.request());

        assertThat(outcome.isAnswered()).isFalse();
        assertThat(outcome.failure()).isEqualTo(ServiceFailure.UNEXPECTED_STATUS);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(stub.recorded()).hasSize(1);
    }

    @Test
    void sharedClientNeitherFollowsRedirectsNorRetriesSilently() {
        OkHttpClient shared = VerificationHttp.newOkHttpClient();

        assertThat(shared.followRedirects()).isFalse();
        assertThat(shared.followSslRedirects()).isFalse();
        assertThat(shared.retryOnConnectionFailure()).isFalse();
        assertThat(shared.connectTimeoutMillis()).isPositive();
    }

    @Test
    void redirectIsNotFollowedEvenWithAnOkHttpClientThatWouldFollowIt() throws Exception {
        stub.enqueue(new MockResponse.Builder().code(302).addHeader("Location", stub.baseUrl("/elsewhere")).build(),
                ServiceStub.noRecord());
        HttpVerificationClient client = new HttpVerificationClient(new OkHttpClient(), ServiceStub.MAPPER,
                new ServiceAccount(stub.baseUrl("/"), ServiceStub.ACCOUNT_ID, ServiceStub.SECRET));

        VerificationOutcome outcome = client.verify(ServiceStub.request());

        assertThat(outcome.failure()).isEqualTo(ServiceFailure.UNEXPECTED_STATUS);
        assertThat(stub.recorded()).hasSize(1);
    }

    /** A body of spaces written lazily, counting what the server managed to hand to the socket. */
    private static final class CountingBody implements MockResponseBody {
        private final long declaredLength;
        final AtomicLong written = new AtomicLong();
        final CountDownLatch finished = new CountDownLatch(1);

        CountingBody(long declaredLength) {
            this.declaredLength = declaredLength;
        }

        @Override
        public long getContentLength() {
            return declaredLength;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            try {
                while (written.get() < FIFTY_MB) {
                    sink.write(chunk);
                    sink.flush();
                    written.addAndGet(chunk.length);
                }
            } finally {
                finished.countDown();
            }
        }
    }

    /** A body that trickles out a byte every 50 ms until the test releases it, so the server thread ends at once. */
    private static final class TricklingBody implements MockResponseBody {
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public long getContentLength() {
            return 10_000;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.writeUtf8("{\"requestId\":").flush();
            try {
                for (int i = 0; i < 9_987 && !release.await(50, TimeUnit.MILLISECONDS); i++) {
                    sink.writeUtf8(" ").flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
