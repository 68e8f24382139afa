package com.waiverdesk.ui.admission;

import com.waiverdesk.app.ConfigException;
import com.waiverdesk.audit.AuditWriteException;

/**
 * A failure of the program (not of the service) that stops a decision from being shown; one place maps exceptions
 * to what the clerk reads.
 */
public enum DeskProblem {
    AUDIT_LOCKED, AUDIT_READ_ONLY, AUDIT_DISK_FULL, AUDIT_CORRUPT, AUDIT_UNAVAILABLE, CONFIGURATION, STARTUP, UNEXPECTED;

    /** Whether the desk could not start at all (as opposed to one check's result being withheld). */
    public boolean preventsStart() {
        return this == CONFIGURATION || this == STARTUP;
    }

    /** The bundle key of the sentence the clerk reads. */
    public String messageKey() {
        return "problem." + name();
    }

    public static DeskProblem of(Throwable error) {
        if (error instanceof AuditWriteException) {
            switch (((AuditWriteException) error).kind()) {
                case LOCKED:
                    return AUDIT_LOCKED;
                case READ_ONLY:
                    return AUDIT_READ_ONLY;
                case DISK_FULL:
                    return AUDIT_DISK_FULL;
                case CORRUPT:
                    return AUDIT_CORRUPT;
                default:
                    return AUDIT_UNAVAILABLE;
            }
        }
        if (error instanceof ConfigException) {
            return CONFIGURATION;
        }
        return UNEXPECTED;
    }
}
