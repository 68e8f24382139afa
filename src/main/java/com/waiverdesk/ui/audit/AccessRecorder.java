package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AccessLog;
import com.waiverdesk.audit.AuditWriteException;
import java.time.Clock;

/** Writes the access events of the supervisor's screen; runs on worker threads, like every store call. */
final class AccessRecorder {
    private static final System.Logger LOG = System.getLogger(AccessRecorder.class.getName());

    private final AccessLog log;
    private final Clock clock;
    private final String workstation;

    AccessRecorder(AccessLog log, Clock clock, String workstation) {
        this.log = log;
        this.clock = clock;
        this.workstation = workstation;
    }

    /** Records the event before the look it describes; if that fails, the look must not happen. */
    void recordOrRefuse(String supervisor, AccessEvent.Action action, String detail) throws NotRecorded {
        try {
            log.record(new AccessEvent(clock.instant(), supervisor, workstation, action, detail));
        } catch (AuditWriteException e) {
            LOG.log(System.Logger.Level.WARNING, "access event " + action + " not recorded: " + e.getMessage());
            throw new NotRecorded(action, e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "access event " + action + " not recorded", e);
            throw new NotRecorded(action, new AuditWriteException(AuditWriteException.Kind.UNAVAILABLE,
                    e.getClass().getSimpleName(), e));
        }
    }

    /** For events after the fact (a failed login): a failure to record is logged, and changes nothing else. */
    boolean recordAfter(String supervisor, AccessEvent.Action action, String detail) {
        try {
            recordOrRefuse(supervisor, action, detail);
            return true;
        } catch (NotRecorded e) {
            return false;
        }
    }

    /** The access event could not be written, so the action it describes did not run. */
    static final class NotRecorded extends Exception {
        private static final long serialVersionUID = 1L;
        private final AccessEvent.Action action;
        private final AuditWriteException.Kind kind;

        NotRecorded(AccessEvent.Action action, AuditWriteException cause) {
            super("access event " + action + " not recorded", cause);
            this.action = action;
            this.kind = cause.kind();
        }

        AccessEvent.Action action() {
            return action;
        }

        AuditWriteException.Kind kind() {
            return kind;
        }
    }
}
