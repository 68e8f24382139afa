package com.waiverdesk.audit.spool;

import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.AuditWriteException.Kind;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls the audit server on a worker thread and waits a bounded time, so a hanging connection costs a check its
 * budget and no more. A call that overran is left to finish on its own (a late commit is harmless: the spooled copy
 * carries the same entry id); until it has, no new call is started, so a hung server ties up one thread, not one
 * per check.
 */
final class SinkCalls implements AutoCloseable {
    /** One call to the server. */
    interface Call<T> {
        T run() throws AuditWriteException;
    }

    private static final AtomicInteger THREADS = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "audit-server-call-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final Queue<Future<?>> overran = new ConcurrentLinkedQueue<>();

    /** Runs {@code call}, waiting at most {@code wait}; any failure, timeout included, is an AuditWriteException. */
    <T> T within(Duration wait, Call<T> call) throws AuditWriteException {
        if (wait.isNegative() || wait.isZero()) {
            throw new AuditWriteException(Kind.UNAVAILABLE, "No time was left to ask the audit server.", null);
        }
        overran.removeIf(Future::isDone);
        if (!overran.isEmpty()) {
            throw new AuditWriteException(Kind.UNAVAILABLE, "The audit server has not yet answered an earlier"
                    + " request.", null);
        }
        Future<T> result = workers.submit(call::run);
        try {
            return result.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            overran.add(result);
            throw new AuditWriteException(Kind.UNAVAILABLE, "The audit server did not answer within "
                    + wait.toMillis() + " ms.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuditWriteException write) {
                throw write;
            }
            throw new AuditWriteException(Kind.UNAVAILABLE, "The audit server call failed: " + e.getCause(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            overran.add(result);
            throw new AuditWriteException(Kind.UNAVAILABLE, "Interrupted while waiting for the audit server.", e);
        }
    }

    @Override
    public void close() {
        workers.shutdown();
    }
}
