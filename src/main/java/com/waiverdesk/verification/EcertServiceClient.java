package com.waiverdesk.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.verification.ecert.StatusLookup;
import com.waiverdesk.verification.ecert.StatusReply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The e-certificate endpoints of the verification service: the online status of one certificate and the two signed
 * lists, each a signed request with the verification API's retries, budget and error table, never an exception for
 * anything the service does.
 */
public final class EcertServiceClient implements StatusLookup, EcertListSource {
    static final String STATUS_PATH = "api/v1/ecert/status";
    static final String TRUST_LIST_PATH = "api/v1/ecert/trust-list";
    static final String REVOCATIONS_PATH = "api/v1/ecert/revocations";
    private static final System.Logger LOG = System.getLogger(EcertServiceClient.class.getName());

    private final ObjectMapper mapper;
    private final EcertReplyParser parser;
    private final RetryingSender sender;
    private final Clock clock;
    private final Duration maxOffset;
    private final Supplier<String> operatorId;
    private final Supplier<String> requestIds;
    private final HttpUrl statusUrl;
    private final HttpUrl trustListUrl;
    private final HttpUrl revocationsUrl;

    /**
     * With the verification API's default 5 s budget, the system clock and real sleeps.
     *
     * @param operatorId the clerk signed in at the moment of each call, sent as {@code operatorId}
     */
    public EcertServiceClient(OkHttpClient http, ObjectMapper mapper, ServiceAccount account,
                              Supplier<String> operatorId) {
        this(http, mapper, account, operatorId, HttpVerificationClient.DEFAULT_BUDGET, Clock.systemUTC(),
                Sleeper.SYSTEM);
    }

    /**
     * @param http   the shared client; redirects and OkHttp's own retry are switched off on a derived client
     * @param budget total time for one call including every retry
     * @param clock  the workstation's clock: {@code X-Timestamp} and the stale-answer rule
     * @throws IllegalArgumentException if the base URL is not https and not loopback, or the budget not positive
     */
    public EcertServiceClient(OkHttpClient http, ObjectMapper mapper, ServiceAccount account,
                              Supplier<String> operatorId, Duration budget, Clock clock, Sleeper sleeper) {
        this(http, mapper, account, operatorId, budget, clock, sleeper, new RequestSigner()::newNonce,
                () -> UUID.randomUUID().toString());
    }

    /** For tests that need known nonces and request ids. */
    EcertServiceClient(OkHttpClient http, ObjectMapper mapper, ServiceAccount account, Supplier<String> operatorId,
                       Duration budget, Clock clock, Sleeper sleeper, Supplier<String> nonces,
                       Supplier<String> requestIds) {
        HttpUrl base = VerificationHttp.parseBaseUrl(account.baseUrl());
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("time budget must be positive: " + budget);
        }
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.operatorId = Objects.requireNonNull(operatorId, "operatorId");
        this.requestIds = Objects.requireNonNull(requestIds, "requestIds");
        ReplyParser replies = new ReplyParser(mapper);
        this.parser = new EcertReplyParser(replies);
        OkHttpClient strict = http.newBuilder()
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .build();
        SignedAttempt attempt = new SignedAttempt(strict, account, clock, nonces);
        this.sender = new RetryingSender(attempt, budget, Objects.requireNonNull(sleeper, "sleeper"), replies);
        this.maxOffset = AnswerReader.CLOCK_TOLERANCE.plus(budget);
        this.statusUrl = VerificationHttp.resolve(base, STATUS_PATH);
        this.trustListUrl = VerificationHttp.resolve(base, TRUST_LIST_PATH);
        this.revocationsUrl = VerificationHttp.resolve(base, REVOCATIONS_PATH);
    }

    /**
     * {@code POST /api/v1/ecert/status} for the certificate and its holder's full ID. A status comes back only from a
     * well-formed, current answer about this very certificate; everything else is a failure. Blocking.
     */
    @Override
    public StatusReply status(String certId, String holderIdNumber) {
        String requestId = requestIds.get();
        RetryingSender.Reply reply = sender.send("POST", statusUrl, statusBody(certId, holderIdNumber), requestId);
        StatusReply result;
        String detail = reply.detail();
        if (reply.failure() != null) {
            result = StatusReply.failed(reply.failure(), reply.errorCode(), requestId);
        } else {
            try {
                EcertReplyParser.Status answer = parser.status(reply.contentType(), reply.body(), requestId, certId);
                Duration offset = Duration.between(clock.instant(), answer.checkedAt().toInstant());
                if (offset.abs().compareTo(maxOffset) > 0) {
                    detail = stale(answer, offset);
                    result = StatusReply.failed(ServiceFailure.STALE_ANSWER, null, requestId);
                } else {
                    detail = "answered";
                    result = StatusReply.answered(StatusReply.Status.valueOf(answer.status()), answer.checkedAt(),
                            requestId);
                }
            } catch (ReplyParser.MalformedReplyException e) {
                detail = e.getMessage();
                result = StatusReply.failed(ServiceFailure.MALFORMED_REPLY, null, requestId);
            }
        }
        // the certificate's id is on the audit entry too; the holder's ID never goes to the log, not even masked
        LOG.log(System.Logger.Level.INFO, "e-certificate status {0}: {1} ({2}) after {3} tries in {4} ms", requestId,
                result.failure() != null ? result.failure() + (result.errorCode() == null ? "" : " "
                        + result.errorCode()) : result.status(), detail, String.valueOf(reply.attempts()),
                String.valueOf(reply.elapsedMillis()));
        return result;
    }

    /** The trust list's compact text ({@code SHTL1.…}) as served, not yet verified against the root. Blocking. */
    @Override
    public FetchedList fetchTrustList() {
        return fetch(trustListUrl, "trustList", "SHTL1.");
    }

    /** The revocation list's compact text ({@code SHRL1.…}) as served, not yet verified. Blocking. */
    @Override
    public FetchedList fetchRevocationList() {
        return fetch(revocationsUrl, "revocationList", "SHRL1.");
    }

    private FetchedList fetch(HttpUrl url, String field, String prefix) {
        String requestId = requestIds.get();
        RetryingSender.Reply reply = sender.send("GET", url, new byte[0], requestId);
        FetchedList result;
        String detail = reply.detail();
        if (reply.failure() != null) {
            result = FetchedList.failed(reply.failure(), reply.errorCode());
        } else {
            try {
                result = FetchedList.of(parser.list(reply.contentType(), reply.body(), field, prefix));
                detail = result.text().length() + " characters";
            } catch (ReplyParser.MalformedReplyException e) {
                detail = e.getMessage();
                result = FetchedList.failed(ServiceFailure.MALFORMED_REPLY, null);
            }
        }
        LOG.log(System.Logger.Level.INFO, "e-certificate {0} {1}: {2} ({3}) after {4} tries in {5} ms", field,
                requestId, result.fetched() ? "fetched" : result.failure() + (result.errorCode() == null ? ""
                        : " " + result.errorCode()), detail, String.valueOf(reply.attempts()),
                String.valueOf(reply.elapsedMillis()));
        return result;
    }

    private byte[] statusBody(String certId, String holderIdNumber) {
        ObjectNode body = mapper.createObjectNode()
                .put("certId", Objects.requireNonNull(certId, "certId"))
                .put("idNumber", Objects.requireNonNull(holderIdNumber, "holderIdNumber"))
                .put("purpose", HttpVerificationClient.PURPOSE)
                .put("operatorId", Objects.requireNonNull(operatorId.get(), "operatorId"))
                .put("businessRef", "");
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a tree of strings", e);
        }
    }

    private String stale(EcertReplyParser.Status answer, Duration offset) {
        Instant now = clock.instant();
        return "checkedAt " + answer.checkedAt() + " is " + offset.abs().toSeconds() + " s "
                + (offset.isNegative() ? "behind" : "ahead of") + " the workstation clock " + now + " (allowed "
                + maxOffset.toSeconds() + " s)";
    }
}
