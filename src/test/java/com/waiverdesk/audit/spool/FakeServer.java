package com.waiverdesk.audit.spool;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditWriteException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An audit server in memory, idempotent by entry id as the real one, that records every call and can be told to
 * fail, hang until released, or commit and then throw (the answer lost on the way back).
 */
final class FakeServer implements EntrySink {
    enum Behaviour { COMMIT, FAIL, HANG, COMMIT_THEN_THROW }

    /** What the server holds for one entry. */
    record Stored(long seq, UUID id, AuditEntry entry, Long spooledMs) {
    }

    private final Map<UUID, Stored> entries = new LinkedHashMap<>();
    private final Map<UUID, Instant> marks = new LinkedHashMap<>();
    private final List<UUID> offers = new ArrayList<>();
    private final List<UUID> marksBeforeTheirEntry = new ArrayList<>();
    private volatile Behaviour behaviour = Behaviour.COMMIT;
    private volatile CountDownLatch entered = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger returned = new AtomicInteger();
    private final Semaphore returns = new Semaphore(0);

    void behave(Behaviour b) {
        behaviour = b;
        if (b == Behaviour.HANG) {
            entered = new CountDownLatch(1);
            release = new CountDownLatch(1);
        }
    }

    /** Counted down when a call starts to hang. */
    CountDownLatch entered() {
        return entered;
    }

    /** Waits (at most 30 s) until {@code n} more calls have returned or thrown. */
    boolean awaitReturns(int n) throws InterruptedException {
        return returns.tryAcquire(n, 30, TimeUnit.SECONDS);
    }

    /** Lets every hanging call go on (and commit). */
    void release() {
        release.countDown();
    }

    @Override
    public long append(UUID entryId, AuditEntry entry, Long spooledMs) throws AuditWriteException {
        calls.incrementAndGet();
        Behaviour b = behaviour;
        try {
            if (b == Behaviour.FAIL) {
                throw new AuditWriteException(AuditWriteException.Kind.UNAVAILABLE, "fake server offline", null);
            }
            if (b == Behaviour.HANG) {
                hang();
            }
            long seq = commit(entryId, entry, spooledMs);
            if (b == Behaviour.COMMIT_THEN_THROW) {
                throw new AuditWriteException(AuditWriteException.Kind.UNAVAILABLE, "fake answer lost", null);
            }
            return seq;
        } finally {
            returned.incrementAndGet();
            returns.release();
        }
    }

    @Override
    public void markNotShown(UUID entryId, Instant time, String operator, String workstation)
            throws AuditWriteException {
        calls.incrementAndGet();
        try {
            if (behaviour == Behaviour.FAIL) {
                throw new AuditWriteException(AuditWriteException.Kind.UNAVAILABLE, "fake server offline", null);
            }
            if (behaviour == Behaviour.HANG) {
                hang();
            }
            synchronized (this) {
                if (!entries.containsKey(entryId)) {
                    marksBeforeTheirEntry.add(entryId);
                }
                marks.putIfAbsent(entryId, time);
            }
        } finally {
            returned.incrementAndGet();
            returns.release();
        }
    }

    private void hang() {
        entered.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized long commit(UUID id, AuditEntry entry, Long spooledMs) {
        offers.add(id);
        Stored stored = entries.get(id);
        if (stored == null) {
            stored = new Stored(entries.size() + 1L, id, entry, spooledMs);
            entries.put(id, stored);
        }
        return stored.seq();
    }

    /** The entries in server order. */
    synchronized List<Stored> entries() {
        return List.copyOf(entries.values());
    }

    synchronized List<String> requestIds() {
        return entries.values().stream().map(s -> s.entry().requestId()).toList();
    }

    synchronized Map<UUID, Instant> marks() {
        return Map.copyOf(marks);
    }

    /** Marks that arrived before the entry they mark (the order was broken). */
    synchronized List<UUID> marksBeforeTheirEntry() {
        return List.copyOf(marksBeforeTheirEntry);
    }

    /** Every append that reached the commit, repeats included. */
    synchronized List<UUID> offers() {
        return List.copyOf(offers);
    }
}
