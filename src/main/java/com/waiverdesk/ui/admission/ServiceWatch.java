package com.waiverdesk.ui.admission;

import com.waiverdesk.app.CheckResult;
import com.waiverdesk.app.Desk;
import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.ui.common.BackgroundRunner;
import com.waiverdesk.ui.common.Scheduler;
import java.time.Duration;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What the status bar says about the service and the e-certificate lists: a signed health check and the lists'
 * ages every 30 seconds on the background runner, and what each check's answer tells about reachability.
 */
final class ServiceWatch {
    private static final System.Logger LOG = System.getLogger(ServiceWatch.class.getName());
    private static final Duration INTERVAL = Duration.ofSeconds(30);

    private final BackgroundRunner runner;
    private final Scheduler scheduler;
    private final ReadOnlyObjectWrapper<ServiceState> state =
            new ReadOnlyObjectWrapper<>(this, "serviceState", ServiceState.STARTING);
    /** The lists' ages, or {@code null} before the first look (or when this desk has no e-certificate part). */
    private final ReadOnlyObjectWrapper<ListAges> freshness = new ReadOnlyObjectWrapper<>(this, "freshness");
    /** Audit entries waiting for the audit server in the local spool; {@code null} for a local log (or not yet known). */
    private final ReadOnlyObjectWrapper<Integer> auditWaiting = new ReadOnlyObjectWrapper<>(this, "auditWaiting");
    private Desk desk;
    private ProofDesk proofs;
    private Scheduler.Cancellable next;

    ServiceWatch(BackgroundRunner runner, Scheduler scheduler) {
        this.runner = runner;
        this.scheduler = scheduler;
    }

    /** Starts watching a newly wired desk (the previous one's polling stops). */
    void watch(Desk current, ProofDesk currentProofs) {
        if (next != null) {
            next.cancel();
        }
        desk = current;
        proofs = currentProofs;
        state.set(ServiceState.STARTING);
        freshness.set(null);
        auditWaiting.set(null);
        if (current != null) {
            // the spool's count comes from the desk's forwarder thread (or a check): each change is handed to the FX
            // thread by the runner
            runner.run(() -> {
                current.watchAudit(count -> runner.run(() -> count, n -> {
                    if (desk == current) {
                        auditWaiting.set(n);
                    }
                }, error -> { }));
                return null;
            }, started -> { }, error -> LOG.log(System.Logger.Level.WARNING, "watching the audit spool", error));
        }
        if (currentProofs != null) {
            // the lists are fetched on a timer thread of the desk's; each try updates the bar at once
            runner.run(() -> {
                currentProofs.watchLists(() -> readAges(current, currentProofs));
                return null;
            }, started -> { }, error -> LOG.log(System.Logger.Level.WARNING, "watching the e-certificate lists",
                    error));
        }
        poll();
    }

    void startupFailed() {
        state.set(ServiceState.NOT_STARTED);
        auditWaiting.set(null);
    }

    /** A check's outcome says whether the service answered, sooner than the next health check. */
    void note(CheckResult checked) {
        if (checked.outcome() == null) {
            return;
        }
        ServiceFailure failure = checked.outcome().failure();
        boolean unreachable = failure == ServiceFailure.UNREACHABLE || failure == ServiceFailure.TIMEOUT;
        state.set(unreachable ? ServiceState.UNREACHABLE : ServiceState.REACHABLE);
    }

    private void poll() {
        Desk current = desk;
        ProofDesk currentProofs = proofs;
        if (current == null) {
            return;
        }
        runner.run(current::checkHealth, health -> {
            if (desk == current) {
                state.set(health.up() ? ServiceState.REACHABLE : ServiceState.UNREACHABLE);
            }
        }, error -> {
            if (desk == current) {
                state.set(ServiceState.UNREACHABLE);
            }
        });
        if (currentProofs != null) {
            readAges(current, currentProofs);
        }
        next = scheduler.schedule(INTERVAL, this::poll);
    }

    /** May be called from any thread (the lists' timer): the runner hands the ages to the FX thread. */
    private void readAges(Desk current, ProofDesk currentProofs) {
        runner.run(currentProofs::listAges, ages -> {
            if (desk == current) {
                freshness.set(ages);
            }
        }, error -> LOG.log(System.Logger.Level.WARNING, "reading the e-certificate lists' ages", error));
    }

    ReadOnlyObjectProperty<ServiceState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** What the status bar says about the spool; the desk's forwarder sets it (and layout tests, to measure it). */
    void auditWaiting(Integer count) {
        auditWaiting.set(count);
    }

    ReadOnlyObjectProperty<Integer> auditWaitingProperty() {
        return auditWaiting.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<ListAges> freshnessProperty() {
        return freshness.getReadOnlyProperty();
    }
}
