package com.waiverdesk.testing;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditLog;
import com.waiverdesk.audit.AuditWriteException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An audit log in memory that can be told to fail, for tests of what happens when the write fails. */
public final class MemoryAuditLog implements AuditLog {
    public final List<AuditEntry> entries = new CopyOnWriteArrayList<>();
    /** The sequence numbers marked {@link #markNotShown not shown}, in order. */
    public final List<Long> notShown = new CopyOnWriteArrayList<>();
    private volatile AuditWriteException failure;

    public void failWith(AuditWriteException.Kind kind) {
        failure = kind == null ? null : new AuditWriteException(kind, "simulated " + kind, null);
    }

    @Override
    public long append(AuditEntry entry) throws AuditWriteException {
        if (failure != null) {
            throw failure;
        }
        entries.add(entry);
        return entries.size();
    }

    @Override
    public long markNotShown(long seq, Instant time, String operator, String workstation)
            throws AuditWriteException {
        if (failure != null) {
            throw failure;
        }
        notShown.add(seq);
        return notShown.size();
    }

    @Override
    public void close() {
    }
}
