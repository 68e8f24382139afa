package com.waiverdesk.audit.spool;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditWriteException;
import java.time.Instant;
import java.util.UUID;

/** The audit server as the spool sees it. Both calls are idempotent by entryId. */
public interface EntrySink {
    /**
     * Commits the entry on the server (or finds it there already) and returns its server seq.
     *
     * @param spooledMs {@code null} when appended directly at decision time; else the workstation epoch ms when it
     *                  was spooled
     */
    long append(UUID entryId, AuditEntry entry, Long spooledMs) throws AuditWriteException;

    /** Records that the decision of the entry was never shown. Idempotent by entryId (the server ignores a second mark). */
    void markNotShown(UUID entryId, Instant time, String operator, String workstation) throws AuditWriteException;

    /**
     * The server's housekeeping on the forwarding tick: links what it holds into its chain (migration V5). Nothing
     * depends on it having run; a failure is only logged.
     */
    default void seal() throws AuditWriteException {
    }
}
