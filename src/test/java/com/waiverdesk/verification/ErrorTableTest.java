package com.waiverdesk.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.domain.MatchResult;
import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.domain.VerificationOutcome;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every row of the spec's error table, retries included. */
class ErrorTableTest {
    private ServiceStub stub;

    @BeforeEach
    void start() throws Exception {
        stub = new ServiceStub();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @ParameterizedTest
    @CsvSource({
            "400, INVALID_REQUEST,     REQUEST_REJECTED",
            "400, INVALID_ID_NUMBER,   REQUEST_REJECTED",
            "401, BAD_SIGNATURE,       AUTHENTICATION_FAILED",
            "401, CLOCK_SKEW,          CLOCK_SKEW",
            "401, UNKNOWN_ACCOUNT,     AUTHENTICATION_FAILED",
            "403, ACCOUNT_DISABLED,    FORBIDDEN",
            "403, PURPOSE_NOT_ALLOWED, FORBIDDEN",
    })
    void clientErrorsAreNotRetriedAndKeepTheErrorCode(int status, String code, ServiceFailure expected)
            throws Exception {
        stub.enqueue(ServiceStub.error(status, code), ServiceStub.noRecord());

        VerificationOutcome outcome = stub.client().verify(ServiceStub.request());

        assertThat(outcome.isAnswered()).isFalse();
        assertThat(outcome.failure()).isEqualTo(expected);
        assertThat(outcome.errorCode()).isEqualTo(code);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(stub.recorded()).hasSize(1);
        assertThat(stub.sleeper.sleeps()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "400, REQUEST_REJECTED",
            "401, AUTHENTICATION_FAILED",
            "403, FORBIDDEN",
    })
    void garbledErrorBodyStillMapsByStatus(int status, ServiceFailure expected) {
        stub.enqueue(new MockResponse.Builder().code(status).body("<html>Forbidden</html>").build());

        VerificationOutcome outcome = stub.client().verify(ServiceStub.request());

        assertThat(outcome.failure()).isEqualTo(expected);
        assertThat(outcome.errorCode()).isNull();
    }

    @Test
    void nonceConflictIsRetriedOnceWithAFreshNonceAndTheSameRequestId() throws Exception {
        stub.enqueue(ServiceStub.error(409, "NONCE_REUSED"), ServiceStub.noRecord());

        VerificationOutcome outcome = stub.client().verify(ServiceStub.request());

        assertThat(outcome.isAnswered()).isTrue();
        assertThat(outcome.answer().result()).isEqualTo(MatchResult.NO_RECORD);
        assertThat(outcome.attempts()).isEqualTo(2);
        assertRetriesSignedAfresh(stub.recorded(), 2);
    }

    @Test
    void secondNonceConflictGivesUp() throws Exception {
        stub.enqueue(ServiceStub.error(409, "NONCE_REUSED"), ServiceStub.error(409, "NONCE_REUSED"),
                ServiceStub.noRecord());

        VerificationOutcome outcome = stub.client().verify(ServiceStub.request());

        assertThat(outcome.failure()).isEqualTo(ServiceFailure.NONCE_REUSED);
        assertThat(outcome.errorCode()).isEqualTo("NONCE_REUSED");
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(stub.recorded()).hasSize(2);
    }

    @Test
    void rateLimitWaitsForRetryAfterWhenItFitsTheBudget() throws Exception {
        stub.enqueue(rateLimited("1"), ServiceStub.noRecord());

        VerificationOutcome outcome = stub.client(Duration.ofSeconds(5)).verify(ServiceStub.request());

        assertThat(outcome.isAnswered()).isTrue();
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(stub.sleeper.sleeps()).containsExactly(Duration.ofSeconds(1));
        assertRetriesSignedAfresh(stub.recorded(), 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "30", "", "Fri, 27 Nov 2026 12:00:00 GMT", "-1"})
    void rateLimitGivesUpAtOnceWhenRetryAfterDoesNotFitOrIsNotSeconds(String retryAfter) throws Exception {
        stub.enqueue(rateLimited(retryAfter), ServiceStub.noRecord());

        VerificationOutcome outcome = stub.client(Duration.ofSeconds(5)).verify(ServiceStub.request());

        assertThat(outcome.failure()).isEqualTo(ServiceFailure.RATE_LIMITED);
        assertThat(outcome.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(stub.sleeper.sleeps()).isEmpty();
        assertThat(stub.recorded()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorIsRetriedAfterABackoff(int status) throws Exception {
        stub.enqueue(ServiceStub.error(status, "UPSTREAM"), ServiceStub.noRecord());

        VerificationOutcome outcome = stub.client().verify(ServiceStub.request());

        assertThat(outcome.isAnswered()).isTrue();
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(stub.sleeper.sleeps()).singleElement()
                .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(100), Duration.ofMillis(200)));
        assertRetriesSignedAfresh(stub.recorded(), 2);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorUntilTheBudgetRunsOutEndsInServerError(int status) throws Exception {
        stub.server.setDispatcher(always(ServiceStub.error(status, "UPSTREAM")));

        VerificationOutcome outcome = stub.client(Duration.ofSeconds(5)).verify(ServiceStub.request());

        assertThat(outcome.isAnswered()).isFalse();
        assertThat(outcome.failure()).isEqualTo(ServiceFailure.SERVER_ERROR);
        List<Duration> sleeps = stub.sleeper.sleeps();
        assertThat(outcome.attempts()).isEqualTo(sleeps.size() + 1).isGreaterThanOrEqualTo(4);
        assertThat(sleeps.get(1)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(sleeps.stream().reduce(Duration.ZERO, Duration::plus)).isLessThan(Duration.ofSeconds(5));
        assertThat(outcome.elapsedMillis()).isLessThanOrEqualTo(5_000);
        assertRetriesSignedAfresh(stub.recorded(), outcome.attempts());
    }

    @Test
    void serverErrorThenRateLimitWithoutRoomReportsTheLastFailure() {
        stub.enqueue(ServiceStub.error(503, "UPSTREAM"), rateLimited("60"));

        VerificationOutcome outcome = stub.client().verify(ServiceStub.request());

        assertThat(outcome.failure()).isEqualTo(ServiceFailure.RATE_LIMITED);
        assertThat(outcome.attempts()).isEqualTo(2);
    }

    private static void assertRetriesSignedAfresh(List<RecordedRequest> requests, int expected) {
        assertThat(requests).hasSize(expected);
        assertThat(requests).extracting(r -> r.getHeaders().get("X-Request-Id"))
                .containsOnly(ServiceStub.REQUEST_ID);
        assertThat(requests.stream().map(r -> r.getHeaders().get("X-Nonce")).collect(Collectors.toSet()))
                .hasSize(expected);
        for (RecordedRequest r : requests) {
            String canonical = RequestSigner.canonical(r.getMethod(), r.getUrl().encodedPath(),
                    Long.parseLong(r.getHeaders().get("X-Timestamp")), r.getHeaders().get("X-Nonce"),
                    r.getBody().toByteArray());
            assertThat(RequestSigner.signatureMatches(ServiceStub.SECRET, canonical,
                    r.getHeaders().get("X-Signature"))).isTrue();
        }
    }

    private static MockResponse rateLimited(String retryAfter) {
        return new MockResponse.Builder(ServiceStub.error(429, "RATE_LIMITED"))
                .addHeader("Retry-After", retryAfter).build();
    }

    private static Dispatcher always(MockResponse response) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return response;
            }
        };
    }
}
