package com.waiverdesk.audit.server;

import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditReadException;
import com.waiverdesk.audit.AuditReader;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.audit.ProofDetail;
import com.waiverdesk.audit.StoredEntry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
        long imported = 0;
        long already = 0;
        long marks = 0;
        long dropped = 0;
        progress.progress(0, total);
        for (long seq = firstSeq; seq <= lastSeq; seq++) {
            if (progress.cancelled()) {
                throw new CancellationException("the migration was stopped after entry " + (seq - 1));
            }
            StoredEntry stored = read(seq);
            UUID id = entryId(stored);
            AuditEntry entry = stored.entry();
            ProofDetail proof = entry.proof();
            if (proof != null && proof.followsSeq() != null) {
                Long follows = serverSeqOf(proof.followsSeq(), firstSeq, seq);
                dropped += follows == null ? 1 : 0;
                entry = entry.withProof(new ProofDetail(proof.channel(), proof.certId(), proof.kid(),
                        proof.trustListAgeSeconds(), proof.revocationListAgeSeconds(), proof.paperNumber(),
                        proof.paperCentre(), proof.paperIssued(), proof.paperCategory(), follows,
                        proof.holderFromCertificate()));
            }
            long serverSeq = target.append(id, entry, entry.workstationTime().toEpochMilli());
            if (serverSeq > serverLastSeq) {
                imported++;
            } else {
                already++;
            }
            AccessEvent mark = notShown.get(seq);
            if (mark != null) {
                target.markNotShown(id, mark.time(), mark.supervisor(), mark.workstation());
                marks++;
            }
            long done = seq - firstSeq + 1;
            if (done % PROGRESS_EVERY == 0) {
                progress.progress(done, total);
            }
        }
        progress.progress(total, total);
        return new Result(total, imported, already, marks, dropped);
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
        return source.entry(seq).orElseThrow(() -> new AuditReadException(AuditWriteException.Kind.CORRUPT,
                "entry " + seq + " of the local log cannot be found although the log verified; verify it again", null));
    }
}
