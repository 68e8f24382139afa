package com.waiverdesk.audit.spool;

import com.waiverdesk.audit.AuditWriteException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Forwards a window's spool on a timer thread of its own, as soon as the server answers again: every
 * {@code interval} it looks at the spool (other processes may have added to it or emptied it) and, while anything
 * waits, forwards. A failure is logged once until it changes, not at every tick.
 */
public final class Forwarder implements AutoCloseable {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);
    private static final System.Logger LOG = System.getLogger(Forwarder.class.getName());

    private final SpoolingAuditLog log;
    private final ScheduledExecutorService timer;
    private String lastProblem;

    private Forwarder(SpoolingAuditLog log) {
        this.log = log;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-forwarder");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts forwarding now and then every {@code interval}. */
    public static Forwarder start(SpoolingAuditLog log, Duration interval) {
        Forwarder forwarder = new Forwarder(log);
        forwarder.timer.scheduleWithFixedDelay(forwarder::tick, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        return forwarder;
    }

    /** Forwards soon, out of turn (e.g. when a check found the server answering again). */
    public void forwardSoon() {
        try {
            timer.execute(this::tick);
        } catch (RejectedExecutionException closed) {
            // closed: nothing more to forward from this window
        }
    }

    private void tick() {
        try {
            if (log.waiting() == 0) {
                sealServer();
                return;
            }
            int forwarded = log.forward();
            if (forwarded > 0 || lastProblem != null) {
                LOG.log(System.Logger.Level.INFO, "audit spool: {0} waiting rows forwarded to the audit server",
                        forwarded);
            }
            lastProblem = null;
        } catch (AuditWriteException e) {
            if (!e.getMessage().equals(lastProblem)) {
                LOG.log(System.Logger.Level.WARNING, "audit spool: waiting rows not forwarded: {0}", e.getMessage());
                lastProblem = e.getMessage();
            }
        } catch (RuntimeException e) {
            // the timer would stop for good on an exception; the next tick tries again
            LOG.log(System.Logger.Level.ERROR, "audit spool: forwarding failed", e);
        }
    }

    private void sealServer() {
        try {
            log.sealServer();
        } catch (AuditWriteException e) {
            // the next check or tick finds out whether the server answers; nothing waits on this
            LOG.log(System.Logger.Level.DEBUG, "audit server housekeeping skipped: {0}", e.getMessage());
        }
    }

    /**
     * Stops the timer and interrupts a forwarding under way: the row it was sending stays in the spool (the server
     * may have committed it; forwarded again later, it is found there by its id).
     */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
