package com.waiverdesk.testing;

import com.waiverdesk.domain.AssistanceGrant;
import com.waiverdesk.domain.MatchResult;
import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.domain.VerificationAnswer;
import com.waiverdesk.domain.VerificationOutcome;
import com.waiverdesk.verification.HealthStatus;
import com.waiverdesk.verification.VerificationClient;
import com.waiverdesk.verification.VerificationRequest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A service stand-in: answers what the test says, counts calls, and can hold a call until released. */
public final class FakeVerificationClient implements VerificationClient {
    public static final OffsetDateTime CHECKED_AT = OffsetDateTime.parse("2026-11-28T10:15:30+08:00");

    private volatile Function<VerificationRequest, VerificationOutcome> answer = match("SUBSISTENCE_ALLOWANCE");
    private volatile HealthStatus health = HealthStatus.healthy();
    private volatile CountDownLatch gate;
    private final CountDownLatch entered = new CountDownLatch(1);
    public final List<VerificationRequest> requests = new CopyOnWriteArrayList<>();

    public static Function<VerificationRequest, VerificationOutcome> match(String... categories) {
        return request -> VerificationOutcome.answered(new VerificationAnswer(request.requestId(), MatchResult.MATCH,
                java.util.Arrays.stream(categories)
                        .map(c -> new AssistanceGrant(c, CHECKED_AT.toLocalDate().minusYears(1), null)).toList(),
                CHECKED_AT), 1, 3);
    }

    public static Function<VerificationRequest, VerificationOutcome> result(MatchResult result) {
        return request -> VerificationOutcome.answered(
                new VerificationAnswer(request.requestId(), result, List.of(), CHECKED_AT), 1, 3);
    }

    public static Function<VerificationRequest, VerificationOutcome> failure(ServiceFailure failure, String code) {
        return request -> VerificationOutcome.failed(request.requestId(), failure, code, 1, 3);
    }

    public FakeVerificationClient answering(Function<VerificationRequest, VerificationOutcome> answer) {
        this.answer = answer;
        return this;
    }

    public FakeVerificationClient healthy(HealthStatus status) {
        this.health = status;
        return this;
    }

    /** Makes the next calls wait until {@link #release()}. */
    public FakeVerificationClient holding() {
        gate = new CountDownLatch(1);
        return this;
    }

    public void release() {
        gate.countDown();
    }

    /** Waits until a held call has arrived. */
    public boolean awaitEntered() throws InterruptedException {
        return entered.await(10, TimeUnit.SECONDS);
    }

    @Override
    public VerificationOutcome verify(VerificationRequest request) {
        requests.add(request);
        entered.countDown();
        CountDownLatch held = gate;
        if (held != null) {
            try {
                held.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return answer.apply(request);
    }

    @Override
    public HealthStatus checkHealth() {
        return health;
    }
}
