package com.waiverdesk.audit.server;

import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditReadException;
import com.waiverdesk.audit.AuditReader;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.audit.ProofDetail;
import com.waiverdesk.audit.Review;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.domain.Channel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;

/**
 * Copies the entries of a workstation's local log, verified beforehand, onto the audit server in their order, each
 * through {@code append_entry} with an id made from the entry's own hash in the local chain: running it again, or
 * after a failure half-way, finds what was imported and adds nothing twice. The server gives each entry its own seq,
 * time, writer (the login that migrates) and chain hash; {@code spooled_ms} carries the entry's workstation time, as
 * for an entry forwarded from a desk's spool, so a supervisor sees both times. A migrated entry is recognised by its
 * id, a name-based (version 3) UUID where desks make random (version 4) ones, which also links it to its original:
 * {@link #entryId} of the local entry. Blocking: disk and network.
 */
public final class LogMigration {
    /** Part of every migrated entry's id; changing it would import every log a second time. */
    static final String ID_NAME = "waiverdesk-migrated-entry-1:";
    private static final long PROGRESS_EVERY = 1_000;

    /**
     * What a run did.
     *
     * @param entries        entries of the local log read
     * @param imported       of them, appended by this run
     * @param alreadyThere   of them, found on the server already (by their id) and left as they were
     * @param notShownMarks  "decision not shown" marks carried over (the server keeps one per entry)
     * @param followsDropped paper entries whose earlier check is not in the local log any more (purged): their
     *                       "follows" is left empty rather than pointing at an unrelated server entry
     */
    public record Result(long entries, long imported, long alreadyThere, long notShownMarks, long followsDropped) {
    }

    /**
     * What a run of {@link #carryReviews} did.
     *
     * @param reviews     paper entries of the local log with a review there
     * @param carried     of them, recorded on the server by this run
     * @param already     of them, reviewed on the server already (carried by an earlier run, or reviewed there)
     * @param notOnServer of them, whose entry is not on the server yet (migrate the entries first)
     */
    public record ReviewsResult(long reviews, long carried, long already, long notOnServer) {
    }

    private final AuditReader source;
    private final ServerAuditLog target;

    public LogMigration(AuditReader source, ServerAuditLog target) {
        this.source = source;
        this.target = target;
    }

    /** The server id of a local entry: a name-based UUID of its chain hash, unique to that entry of that log. */
    public static UUID entryId(StoredEntry entry) {
        return UUID.nameUUIDFromBytes((ID_NAME + entry.entryHash()).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Appends the local entries {@code firstSeq..lastSeq} (a verified stretch of the chain) and their not-shown marks.
     *
     * @throws AuditReadException  an entry of the stretch cannot be read
     * @throws AuditWriteException the server did not take one; the entries before it stay imported, and a new run
     *                             goes on from there
     */
    public Result run(long firstSeq, long lastSeq, Map<Long, AccessEvent> notShown, ProgressListener progress)
            throws AuditReadException, AuditWriteException {
        long total = Math.max(0, lastSeq - firstSeq + 1);
        if (total == 0) {
            return new Result(0, 0, 0, 0, 0);
        }
        // an entry given a seq past the chain's end as it was now is new; one found by its id has an older seq
        long serverLastSeq = target.nextSeq(read(firstSeq).entry()) - 1;
        final class Counts {
            long imported;
            long already;
            long marks;
            long dropped;
        }
        Counts n = new Counts();
        eachEntry(firstSeq, lastSeq, progress, seq -> {
            StoredEntry stored = read(seq);
            UUID id = entryId(stored);
            AuditEntry entry = stored.entry();
            ProofDetail proof = entry.proof();
            if (proof != null && proof.followsSeq() != null) {
                Long follows = serverSeqOf(proof.followsSeq(), firstSeq, seq);
                n.dropped += follows == null ? 1 : 0;
                entry = entry.withProof(new ProofDetail(proof.channel(), proof.certId(), proof.kid(),
                        proof.trustListAgeSeconds(), proof.revocationListAgeSeconds(), proof.paperNumber(),
                        proof.paperCentre(), proof.paperIssued(), proof.paperCategory(), follows,
                        proof.holderFromCertificate()));
            }
            long serverSeq = target.append(id, entry, entry.workstationTime().toEpochMilli());
            if (serverSeq > serverLastSeq) {
                n.imported++;
            } else {
                n.already++;
            }
            AccessEvent mark = notShown.get(seq);
            if (mark != null) {
                target.markNotShown(id, mark.time(), mark.supervisor(), mark.workstation());
                n.marks++;
            }
        });
        return new Result(total, n.imported, n.already, n.marks, n.dropped);
    }

    /**
     * Carries the reviews of the local paper entries {@code firstSeq..lastSeq} (a verified stretch) over to their
     * migrated entries on the server, each recorded under the supervisor's login of {@code supervisor}. Running it
     * again records nothing twice (the server keeps one review per entry).
     *
     * @throws AuditWriteException the server did not take one; the ones before it stay, and a new run goes on
     */
    public static ReviewsResult carryReviews(AuditReader source, ServerSupervisorActions supervisor, long firstSeq,
                                             long lastSeq, ProgressListener progress)
            throws AuditReadException, AuditWriteException {
        final class Counts {
            long reviews;
            long carried;
            long already;
            long missing;
        }
        Counts n = new Counts();
        eachEntry(firstSeq, lastSeq, progress, seq -> {
            StoredEntry stored = read(source, seq);
            Optional<Review> review = stored.entry().channel() == Channel.PAPER ? source.review(seq)
                    : Optional.empty();
            if (review.isPresent()) {
                n.reviews++;
                switch (supervisor.importReview(entryId(stored), review.get())) {
                    case RECORDED -> n.carried++;
                    case REVIEWED_ALREADY -> n.already++;
                    case NOT_ON_SERVER -> n.missing++;
                }
            }
        });
        return new ReviewsResult(n.reviews, n.carried, n.already, n.missing);
    }

    /** What a run does with one local entry. */
    @FunctionalInterface
    private interface Step {
        void run(long seq) throws AuditReadException, AuditWriteException;
    }

    /** Runs {@code step} for {@code firstSeq..lastSeq} in order; stops when asked, tells progress as it goes. */
    private static void eachEntry(long firstSeq, long lastSeq, ProgressListener progress, Step step)
            throws AuditReadException, AuditWriteException {
        long total = Math.max(0, lastSeq - firstSeq + 1);
        progress.progress(0, total);
        for (long seq = firstSeq; seq <= lastSeq; seq++) {
            if (progress.cancelled()) {
                throw new CancellationException("the migration was stopped after entry " + (seq - 1));
            }
            step.run(seq);
            long done = seq - firstSeq + 1;
            if (done % PROGRESS_EVERY == 0) {
                progress.progress(done, total);
            }
        }
        progress.progress(total, total);
    }

    /**
     * The server seq of local entry {@code localSeq}, which a paper entry follows: that entry was imported before this
     * one (by this run or an earlier one), so appending it again writes nothing and returns its seq. {@code null} when
     * it is not in the stretch (purged from the local log).
     */
    private Long serverSeqOf(long localSeq, long firstSeq, long beforeSeq) throws AuditReadException,
            AuditWriteException {
        if (localSeq < firstSeq || localSeq >= beforeSeq) {
            return null;
        }
        StoredEntry followed = read(localSeq);
        return target.append(entryId(followed), followed.entry(), followed.entry().workstationTime().toEpochMilli());
    }

    private StoredEntry read(long seq) throws AuditReadException {
        return read(source, seq);
    }

    private static StoredEntry read(AuditReader source, long seq) throws AuditReadException {
        return source.entry(seq).orElseThrow(() -> new AuditReadException(AuditWriteException.Kind.CORRUPT,
                "entry " + seq + " of the local log cannot be found although the log verified; verify it again", null));
    }
}
