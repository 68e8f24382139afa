package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AccessLog;
import com.waiverdesk.audit.AuditWriteException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Access events in memory; can be told to fail, to prove an unrecorded look does not happen. */
final class FakeAccessLog implements AccessLog {
    final List<AccessEvent> events = new CopyOnWriteArrayList<>();
    private volatile AuditWriteException.Kind failure;

    void failWith(AuditWriteException.Kind kind) {
        failure = kind;
    }

    @Override
    public long record(AccessEvent event) throws AuditWriteException {
        if (failure != null) {
            throw new AuditWriteException(failure, "simulated " + failure, null);
        }
        events.add(event);
        return events.size();
    }

    List<AccessEvent.Action> actions() {
        return events.stream().map(AccessEvent::action).toList();
    }
}
