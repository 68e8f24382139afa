package com.waiverdesk.audit.spool;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditLog;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.AuditWriteException.Kind;
import com.waiverdesk.audit.ProofDetail;
import com.waiverdesk.audit.RecentMap;
import com.waiverdesk.audit.spool.AuditSpool.Batch;
import com.waiverdesk.audit.spool.AuditSpool.Row;
import com.waiverdesk.audit.spool.AuditSpool.RowKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * The desk's audit log when the audit lives on a server: each entry goes to the server within the check's budget,
 * or, when the server cannot take it in time, into the local {@link AuditSpool}, from which {@link #forward()}
 * sends it later, oldest first, idempotently by the entry id made here. While anything waits, a new entry goes
 * behind it after one forwarding attempt, so the server receives this workstation's entries in the order they were
 * decided.
 *
 * <p>{@link #append} returns the server's seq, or for an entry that waits in the spool a negative handle
 * ({@code -n}, its row number); {@link #markNotShown} and a paper entry's {@link ProofDetail#followsSeq()} accept
 * either, and the forwarding puts the server's seq in place of a handle.
 */
public final class SpoolingAuditLog implements AuditLog {
    /** How long {@link #forward()} waits for the server on one row. */
    static final Duration FORWARD_CALL_LIMIT = Duration.ofSeconds(30);
    private static final int BATCH = 100;
    private static final int RECENT = 4096;
    private static final System.Logger LOG = System.getLogger(SpoolingAuditLog.class.getName());

    private final EntrySink sink;
    private final AuditSpool spool;
    private final Clock clock;
    private final Duration budget;
    private final SinkCalls calls = new SinkCalls();
    /** Keeps this process's entries and marks in the order they were decided. */
    private final Object decisions = new Object();
    /** The entry ids behind the seqs and handles this log returned lately, for {@link #markNotShown}. */
    private final Map<Long, UUID> recent = new RecentMap<>(RECENT, false);
    private IntConsumer waitingListener = count -> { };
    private int toldWaiting = -1;
    private volatile String reportedProblem;

    /**
     * @param budget how long one {@link #append} or {@link #markNotShown} may wait for the server before the
     *               entry is spooled instead
     */
    public SpoolingAuditLog(EntrySink sink, AuditSpool spool, Clock clock, Duration budget) {
        this.sink = sink;
        this.spool = spool;
        this.clock = clock;
        this.budget = budget;
    }

    /**
     * Tells {@code listener} how many rows wait, now and after each change seen by this process (on the thread that
     * made it: a window hands the number to its own thread).
     */
    public void onWaitingChanged(IntConsumer listener) {
        synchronized (this) {
            waitingListener = listener;
            toldWaiting = -1;
        }
        refreshWaiting();
    }

    /** Commits the entry on the server, or spools it; throws only when neither could take it. */
    @Override
    public long append(AuditEntry entry) throws AuditWriteException {
        UUID id = UUID.randomUUID();
        synchronized (decisions) {
            long deadline = System.nanoTime() + budget.toNanos();
            AuditWriteException serverProblem = null;
            if (nothingWaitsAfterForwarding(deadline)) {
                try {
                    AuditEntry sent = withServerSeqs(entry);
                    long seq = calls.within(left(deadline), () -> sink.append(id, sent, null));
                    remember(seq, id);
                    return seq;
                } catch (AuditWriteException e) {
                    serverProblem = e;
                }
            }
            long handle = spoolRow(RowKind.ENTRY, id, EntryJson.write(entry), serverProblem);
            remember(handle, id);
            return handle;
        }
    }

    /**
     * Records that the decision of the entry behind {@code seq} (a seq or handle {@link #append} returned) was never
     * shown: on the server, or in the spool behind the entry.
     *
     * @return 0 when the server took the mark (it keeps the mark's number to itself), or the mark's negative
     *         handle in the spool
     */
    @Override
    public long markNotShown(long seq, Instant time, String operator, String workstation)
            throws AuditWriteException {
        UUID id = entryIdOf(seq);
        NotShownMark mark = new NotShownMark(time, operator, workstation);
        synchronized (decisions) {
            long deadline = System.nanoTime() + budget.toNanos();
            AuditWriteException serverProblem = null;
            if (nothingWaitsAfterForwarding(deadline)) {
                try {
                    calls.within(left(deadline), () -> {
                        sink.markNotShown(id, time, operator, workstation);
                        return null;
                    });
                    return 0;
                } catch (AuditWriteException e) {
                    serverProblem = e;
                }
            }
            return spoolRow(RowKind.NOT_SHOWN, id, mark.toJson(), serverProblem);
        }
    }

    /**
     * Forwards every waiting row, oldest first, each removed only after the server returned; returns how many this
     * call removed (another process forwarding the same spool may remove some first).
     *
     * @throws AuditWriteException when the server failed or the spool's chain is broken; the rows from there on
     *                             stay in the spool
     */
    public int forward() throws AuditWriteException {
        return forward(null);
    }

    /** How many rows wait (entries and marks, from every process using the spool); tells the listener. */
    public int waiting() throws AuditWriteException {
        int count = spool.waiting();
        tell(count);
        return count;
    }

    /** The server's housekeeping (see {@link EntrySink#seal()}), when nothing waits here. */
    public void sealServer() throws AuditWriteException {
        sink.seal();
    }

    public AuditSpool spool() {
        return spool;
    }

    /** @param deadline {@link System#nanoTime()} by which to stop asking the server, or {@code null} for none */
    private int forward(Long deadline) throws AuditWriteException {
        int removed = 0;
        try {
            while (true) {
                Batch batch = spool.oldest(BATCH);
                for (Row row : batch.rows()) {
                    if (!spool.holds(row.n())) {
                        continue; // another process forwarded it meanwhile: spare the server a repeat
                    }
                    Duration wait = deadline == null ? FORWARD_CALL_LIMIT : left(deadline);
                    Long seq = calls.within(wait.compareTo(FORWARD_CALL_LIMIT) < 0 ? wait : FORWARD_CALL_LIMIT,
                            send(row));
                    if (spool.remove(row, seq)) {
                        removed++;
                        refreshWaiting();
                    }
                }
                if (batch.problem() != null) {
                    if (!batch.problem().equals(reportedProblem)) {
                        reportedProblem = batch.problem(); // once, not at every check while it lasts
                        LOG.log(System.Logger.Level.ERROR, batch.problem());
                    }
                    throw new AuditWriteException(Kind.CORRUPT, batch.problem(), null);
                }
                if (batch.rows().isEmpty()) {
                    return removed;
                }
            }
        } catch (AuditWriteException e) {
            if (removed == 0) {
                throw e;
            }
            throw new AuditWriteException(e.kind(), "Forwarded " + removed + " waiting audit entries, then stopped: "
                    + e.getMessage(), e);
        }
    }

    private SinkCalls.Call<Long> send(Row row) throws AuditWriteException {
        try {
            if (row.kind() == RowKind.ENTRY) {
                AuditEntry entry = withServerSeqs(row.entry());
                return () -> sink.append(row.entryId(), entry, row.spooledMs());
            }
            NotShownMark mark = row.mark();
            return () -> {
                sink.markNotShown(row.entryId(), mark.time(), mark.operator(), mark.workstation());
                return null;
            };
        } catch (IllegalArgumentException e) {
            // the row's hash matched, so the program wrote what it cannot read now (an older or newer version)
            throw new AuditWriteException(Kind.CORRUPT, "Row " + row.n() + " of the audit spool " + spool.file()
                    + " cannot be read by this version of WaiverDesk (" + e.getMessage() + "). It is kept.", e);
        }
    }

    /** A paper entry that follows a spooled entry points at the server's seq once that entry was forwarded. */
    private AuditEntry withServerSeqs(AuditEntry entry) throws AuditWriteException {
        ProofDetail p = entry.proof();
        if (p == null || p.followsSeq() == null || p.followsSeq() >= 0) {
            return entry;
        }
        Optional<Long> seq = spool.serverSeqOf(-p.followsSeq());
        if (seq.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "audit spool: the entry a paper entry follows (spool row {0}) has no"
                    + " server seq yet; sent with the spool's handle", -p.followsSeq());
            return entry;
        }
        return entry.withProof(new ProofDetail(p.channel(), p.certId(), p.kid(), p.trustListAgeSeconds(),
                p.revocationListAgeSeconds(), p.paperNumber(), p.paperCentre(), p.paperIssued(), p.paperCategory(),
                seq.get(), p.holderFromCertificate()));
    }

    /**
     * Whether the server can be asked directly: nothing waits, or forwarding within the budget emptied the spool. A
     * spool that cannot even be read does not stop the entry from going to the server.
     */
    private boolean nothingWaitsAfterForwarding(long deadline) {
        try {
            if (spool.waiting() == 0) {
                return true;
            }
            forward(deadline);
            return spool.waiting() == 0;
        } catch (AuditWriteException e) {
            LOG.log(System.Logger.Level.INFO, "audit spool: waiting entries not forwarded yet: {0}", e.getMessage());
            try {
                return spool.waiting() == 0;
            } catch (AuditWriteException unreadable) {
                return true;
            }
        }
    }

    private long spoolRow(RowKind kind, UUID id, String body, AuditWriteException serverProblem)
            throws AuditWriteException {
        try {
            long n = spool.add(kind, id, clock.millis(), body);
            LOG.log(System.Logger.Level.INFO, "audit spool: {0} kept as row {1} for the audit server{2}",
                    kind == RowKind.ENTRY ? "entry" : "not-shown mark", n,
                    serverProblem == null ? " (earlier rows still wait)" : ": " + serverProblem.getMessage());
            refreshWaiting();
            return -n;
        } catch (AuditWriteException spoolProblem) {
            AuditWriteException failure = serverProblem != null ? serverProblem : spoolProblem;
            if (failure != spoolProblem) {
                failure.addSuppressed(spoolProblem);
            }
            throw new AuditWriteException(failure.kind(), "Neither the audit server nor the local audit spool"
                    + " could take the audit entry. Server: " + (serverProblem == null ? "not asked, earlier entries"
                    + " wait" : serverProblem.getMessage()) + " Spool: " + spoolProblem.getMessage(), failure);
        }
    }

    private UUID entryIdOf(long seq) throws AuditWriteException {
        UUID id;
        synchronized (recent) {
            id = recent.get(seq);
        }
        if (id == null && seq < 0) {
            id = spool.entryIdOf(-seq).orElse(null);
        }
        if (id == null) {
            throw new AuditWriteException(Kind.UNAVAILABLE, "Audit entry " + seq + " was not written by this"
                    + " program run, so its not-shown mark cannot be recorded.", null);
        }
        return id;
    }

    private void remember(long seq, UUID id) {
        synchronized (recent) {
            recent.put(seq, id);
        }
    }

    private void refreshWaiting() {
        try {
            waiting();
        } catch (AuditWriteException e) {
            LOG.log(System.Logger.Level.DEBUG, "audit spool: could not count the waiting rows", e);
        }
    }

    private synchronized void tell(int count) {
        if (count != toldWaiting) {
            toldWaiting = count;
            waitingListener.accept(count);
        }
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(deadline - System.nanoTime());
    }

    /** Closes the spool, and the sink when it is closeable. */
    @Override
    public void close() {
        calls.close();
        spool.close();
        if (sink instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "closing the audit server connection failed: {0}", e.toString());
            }
        }
    }
}
