package com.waiverdesk.audit;

/** Records who looked at what; an event that cannot be recorded stops the look (no unrecorded access). */
public interface AccessLog {
    /** Appends and commits the event; returns its sequence number in the access chain. */
    long record(AccessEvent event) throws AuditWriteException;
}
