package com.waiverdesk.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Faults fire as the spec says, reproducibly with a seed, and never look like a good answer. */
class FaultInjectionTest {
    private static final String WAIVE_ID = "310101195203140028";

    private static MockFixture withFaults(String spec) {
        return new MockFixture(MockVerificationService.builder().faults(FaultSpec.parse(spec)));
    }

    @Test
    void sameSeedGivesTheSameSequenceOfFaults() throws IOException {
        String spec = "error=0.3:502,ratelimit=0.2:2,malformed=0.2:html,seed=42";
        List<Integer> first = statuses(spec, 24);
        List<Integer> second = statuses(spec, 24);

        assertThat(first).isEqualTo(second);
        assertThat(first).contains(200, 502, 429);
        assertThat(statuses("error=0.3:502,ratelimit=0.2:2,malformed=0.2:html,seed=43", 24)).isNotEqualTo(first);
    }

    private static List<Integer> statuses(String spec, int requests) throws IOException {
        List<Integer> statuses = new ArrayList<>();
        try (MockFixture fixture = withFaults(spec)) {
            for (int i = 0; i < requests; i++) {
                SignedCall.Reply reply = fixture.send(fixture.verify("王秀英", WAIVE_ID));
                statuses.add(reply.contentType().startsWith("text/html") ? -reply.status() : reply.status());
            }
        }
        return statuses;
    }

    @Test
    void injectsErrorStatusWithErrorBody() throws IOException {
        try (MockFixture fixture = withFaults("error=1:502")) {
            MockAuthenticationTest.assertError(fixture.send(fixture.verify("王秀英", WAIVE_ID)), 502, "BAD_GATEWAY");
        }
    }

    @Test
    void injectsRateLimitWithRetryAfter() throws IOException {
        try (MockFixture fixture = withFaults("ratelimit=1:7")) {
            SignedCall.Reply reply = fixture.send(fixture.verify("王秀英", WAIVE_ID));

            MockAuthenticationTest.assertError(reply, 429, "RATE_LIMITED");
            assertThat(reply.retryAfter()).isEqualTo("7");
        }
    }

    @ParameterizedTest
    @EnumSource(value = MalformedShape.class, names = "STALE", mode = EnumSource.Mode.EXCLUDE)
    void malformedReplyIsNeverAWellFormedAnswer(MalformedShape shape) throws IOException {
        try (MockFixture fixture = withFaults("malformed=1:" + shape.specName())) {
            SignedCall call = fixture.verify("王秀英", WAIVE_ID);
            SignedCall.Reply reply = fixture.send(call);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(isWellFormedAnswer(reply, call.requestId)).as(reply.text()).isFalse();
            SignedCall.Reply health = fixture.send(call.health().freshNonce());
            assertThat(health.status()).isEqualTo(200);
            assertThat(isWellFormedHealth(health)).as(health.text()).isFalse();
        }
    }

    @Test
    void staleShapeIsAWellFormedWaiverCheckedThreeDaysBeforeTheServicesClock() throws IOException {
        try (MockFixture fixture = withFaults("malformed=1:stale")) {
            SignedCall call = fixture.verify("王秀英", WAIVE_ID);
            SignedCall.Reply reply = fixture.send(call);

            assertThat(isWellFormedAnswer(reply, call.requestId)).as(reply.text()).isTrue();
            JsonNode answer = MockJson.MAPPER.readTree(reply.body());
            assertThat(answer.path("result").textValue()).isEqualTo("MATCH");
            assertThat(OffsetDateTime.parse(answer.path("checkedAt").textValue()).toInstant())
                    .isEqualTo(fixture.clock.instant().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS));
        }
    }

    private static boolean isWellFormedAnswer(SignedCall.Reply reply, String requestId) {
        if (!"application/json".equals(reply.contentType())) {
            return false;
        }
        try {
            JsonNode answer = MockJson.MAPPER.readTree(reply.body());
            return answer.path("requestId").isTextual() && answer.path("requestId").asText().equals(requestId)
                    && List.of("MATCH", "NO_RECORD", "NAME_MISMATCH").contains(answer.path("result").asText())
                    && answer.path("assistance").isArray() && answer.path("checkedAt").isTextual();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isWellFormedHealth(SignedCall.Reply reply) {
        try {
            JsonNode health = MockJson.MAPPER.readTree(reply.body());
            return "application/json".equals(reply.contentType()) && "UP".equals(health.path("status").textValue())
                    && health.path("time").isTextual();
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void malformedReplyStillRemembersTheRealAnswerForTheRetry() throws IOException {
        try (MockFixture fixture = withFaults("malformed=0.5:truncated,seed=1")) {
            SignedCall call = fixture.verify("王秀英", WAIVE_ID);
            List<String> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                replies.add(fixture.send(call.freshNonce()).text());
            }

            String whole = replies.stream().filter(r -> r.endsWith("}")).findFirst().orElseThrow();
            assertThat(replies).allSatisfy(r -> assertThat(whole).startsWith(r));
            assertThat(replies).anySatisfy(r -> assertThat(r).isNotEqualTo(whole));
        }
    }

    @Test
    void delaysRepliesByTheLatency() throws IOException {
        try (MockFixture fixture = withFaults("latency=300ms")) {
            long start = System.nanoTime();
            assertThat(fixture.send(fixture.verify("王秀英", WAIVE_ID)).status()).isEqualTo(200);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void hangOutlastsTheClientBudget() {
        try (MockFixture fixture = withFaults("timeout=1:10s")) {
            OkHttpClient impatient = MockFixture.HTTP.newBuilder().readTimeout(Duration.ofMillis(500)).build();

            assertThatThrownBy(() -> fixture.verify("王秀英", WAIVE_ID).send(impatient, fixture.root()))
                    .isInstanceOf(InterruptedIOException.class);
        }
    }

    @Test
    void closeDropsHungRequestsAtOnce() throws Exception {
        MockFixture fixture = withFaults("timeout=1:60s");
        CompletableFuture<Integer> hung = CompletableFuture.supplyAsync(() -> {
            try {
                return fixture.send(fixture.verify("王秀英", WAIVE_ID)).status();
            } catch (IOException e) {
                return -1;
            }
        });
        SignedCall probe = fixture.verify("王秀英", WAIVE_ID).health();
        assertThatThrownBy(() -> probe.send(MockFixture.HTTP.newBuilder().readTimeout(Duration.ofMillis(200))
                .build(), fixture.root())).isInstanceOf(InterruptedIOException.class);

        fixture.close();

        assertThat(hung.get(10, TimeUnit.SECONDS)).isEqualTo(-1);
    }
}
