package com.waiverdesk.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.domain.VerificationOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The production {@link VerificationClient}: signed HTTPS calls to the municipal service exactly as
 * {@code verification-api.md} says, turning every failure into an outcome instead of an exception.
 */
public final class HttpVerificationClient implements VerificationClient {
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(5);
    static final String VERIFY_PATH = "api/v1/assistance/verifications";
    static final String HEALTH_PATH = "api/v1/health";
    static final String PURPOSE = "HOSPITAL_DEPOSIT";
    private static final System.Logger LOG = System.getLogger(HttpVerificationClient.class.getName());

    private final ObjectMapper mapper;
    private final ReplyParser parser;
    private final RetryingSender sender;
    private final HttpUrl verifyUrl;
    private final HttpUrl healthUrl;
    private final AnswerReader answers;

    /** With the default 5 s budget, the system clock and real sleeps. */
    public HttpVerificationClient(OkHttpClient http, ObjectMapper mapper, ServiceAccount account) {
        this(http, mapper, account, DEFAULT_BUDGET, Clock.systemUTC(), Sleeper.SYSTEM);
    }

    /**
     * @param http    the shared client ({@link VerificationHttp#newOkHttpClient()}); redirects and OkHttp's own
     *                retry are switched off on a derived client that keeps its connection pool
     * @param budget  total time for one check including every retry
     * @param clock   source of {@code X-Timestamp}
     * @param sleeper how to wait between tries and measure the budget
     * @throws IllegalArgumentException if the base URL is not https and not loopback, or not a plain URL
     */
    public HttpVerificationClient(OkHttpClient http, ObjectMapper mapper, ServiceAccount account, Duration budget,
                                  Clock clock, Sleeper sleeper) {
        this(http, mapper, account, budget, clock, sleeper, new RequestSigner()::newNonce);
    }

    /** For tests that need a known nonce. */
    HttpVerificationClient(OkHttpClient http, ObjectMapper mapper, ServiceAccount account, Duration budget,
                           Clock clock, Sleeper sleeper, Supplier<String> nonces) {
        HttpUrl base = VerificationHttp.parseBaseUrl(account.baseUrl());
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("time budget must be positive: " + budget);
        }
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.parser = new ReplyParser(mapper);
        OkHttpClient strict = http.newBuilder()
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .build();
        SignedAttempt attempt = new SignedAttempt(strict, account, Objects.requireNonNull(clock, "clock"), nonces);
        this.sender = new RetryingSender(attempt, budget, Objects.requireNonNull(sleeper, "sleeper"), parser);
        this.answers = new AnswerReader(parser, clock, budget);
        this.verifyUrl = VerificationHttp.resolve(base, VERIFY_PATH);
        this.healthUrl = VerificationHttp.resolve(base, HEALTH_PATH);
    }

    @Override
    public VerificationOutcome verify(VerificationRequest request) {
        RetryingSender.Reply reply = sender.send("POST", verifyUrl, requestBody(request), request.requestId());
        VerificationOutcome outcome;
        String detail = reply.detail();
        if (reply.failure() != null) {
            outcome = VerificationOutcome.failed(request.requestId(), reply.failure(), reply.errorCode(),
                    reply.attempts(), reply.elapsedMillis());
        } else {
            AnswerReader.Read read = answers.read(reply.contentType(), reply.body(), request.requestId());
            detail = read.detail();
            outcome = read.answer() != null
                    ? VerificationOutcome.answered(read.answer(), reply.attempts(), reply.elapsedMillis())
                    : VerificationOutcome.failed(request.requestId(), read.failure(), null, reply.attempts(),
                            reply.elapsedMillis());
        }
        log(outcome, detail);
        return outcome;
    }

    @Override
    public HealthStatus checkHealth() {
        RetryingSender.Reply reply = sender.send("GET", healthUrl, new byte[0], UUID.randomUUID().toString());
        if (reply.failure() != null) {
            return HealthStatus.down(reply.failure(), reply.errorCode());
        }
        try {
            return parser.isUp(reply.contentType(), reply.body()) ? HealthStatus.healthy()
                    : HealthStatus.down(ServiceFailure.SERVER_ERROR, null);
        } catch (ReplyParser.MalformedReplyException e) {
            return HealthStatus.down(ServiceFailure.MALFORMED_REPLY, null);
        }
    }

    private byte[] requestBody(VerificationRequest request) {
        ObjectNode body = mapper.createObjectNode()
                .put("name", request.name().value())
                .put("idNumber", request.id().value())
                .put("purpose", PURPOSE)
                .put("operatorId", request.operatorId())
                .put("businessRef", request.businessRef());
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a tree of strings", e);
        }
    }

    /** One line per check, by request id: no name, no ID (not even masked: the log is not the audit), no secret. */
    private static void log(VerificationOutcome outcome, String detail) {
        String result = outcome.isAnswered() ? outcome.answer().result().name()
                : outcome.failure() + (outcome.errorCode() == null ? "" : " " + outcome.errorCode());
        LOG.log(System.Logger.Level.INFO, "verification {0}: {1} ({2}) after {3} tries in {4} ms",
                outcome.requestId(), result, detail, String.valueOf(outcome.attempts()),
                String.valueOf(outcome.elapsedMillis()));
    }
}
