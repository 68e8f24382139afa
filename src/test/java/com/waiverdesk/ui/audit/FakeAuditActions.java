package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.ChainReport;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.audit.Review;
import com.waiverdesk.audit.ReviewRefusedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Export, verify and purge that report progress half-way and, when told to, wait there for the test (to see the
 * progress bar and to cancel).
 */
final class FakeAuditActions implements AuditActions {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<AuditFilter> exportFilters = new CopyOnWriteArrayList<>();
    final List<Locale> exportLanguages = new CopyOnWriteArrayList<>();
    volatile ChainReport report = new ChainReport(300, 300, "f".repeat(64), null);
    volatile Instant purgedBefore;
    private volatile CountDownLatch gate;
    final CountDownLatch halfWay = new CountDownLatch(1);

    /** Makes the next jobs stop half-way until {@link #release()}. */
    void holdHalfWay() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    private void halfWay(ProgressListener progress) {
        progress.progress(50, 100);
        halfWay.countDown();
        CountDownLatch waiting = gate;
        if (waiting != null) {
            try {
                while (!waiting.await(20, TimeUnit.MILLISECONDS)) {
                    if (progress.cancelled()) {
                        throw new CancellationException("cancelled");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }
        if (progress.cancelled()) {
            throw new CancellationException("cancelled");
        }
        progress.progress(100, 100);
    }

    @Override
    public Path exportCsv(AuditFilter filter, Path target, Locale language, ProgressListener progress)
            throws IOException {
        calls.add("csv");
        exportLanguages.add(language);
        exportFilters.add(filter);
        halfWay(progress);
        Files.writeString(target, "\uFEFFseq,time\n", StandardCharsets.UTF_8);
        return target;
    }

    @Override
    public Path exportFhir(AuditFilter filter, Path target, ProgressListener progress) throws IOException {
        calls.add("fhir");
        exportFilters.add(filter);
        halfWay(progress);
        Files.writeString(target, "{\"resourceType\":\"Bundle\"}", StandardCharsets.UTF_8);
        return target;
    }

    @Override
    public ChainReport verify(ProgressListener progress) {
        calls.add("verify");
        halfWay(progress);
        return report;
    }

    /** The reviews recorded, as "APPROVE 7 reason by who"; entries listed here refuse a second review. */
    final List<String> reviews = new CopyOnWriteArrayList<>();
    final java.util.Set<Long> reviewed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    volatile AuditWriteException.Kind reviewFailure;
    /** Told of each review recorded, as the access chain would tell a reader. */
    volatile java.util.function.BiConsumer<Long, Review> recorded = (seq, review) -> { };

    @Override
    public Review review(long seq, boolean approve, String reason, String supervisor)
            throws ReviewRefusedException, AuditWriteException {
        calls.add("review");
        if (reviewFailure != null) {
            throw new AuditWriteException(reviewFailure, "simulated " + reviewFailure, null);
        }
        if (!reviewed.add(seq)) {
            throw new ReviewRefusedException(ReviewRefusedException.Why.ALREADY_REVIEWED, seq);
        }
        reviews.add((approve ? "APPROVE " : "REJECT ") + seq + " " + reason + " by " + supervisor);
        Review review = new Review(approve, reason, supervisor, Instant.parse("2025-03-01T03:00:00Z"), "ADM-SUP");
        recorded.accept(seq, review);
        return review;
    }

    @Override
    public long purge(Instant before, ProgressListener progress) throws AuditWriteException {
        calls.add("purge");
        purgedBefore = before;
        halfWay(progress);
        return 42;
    }
}
