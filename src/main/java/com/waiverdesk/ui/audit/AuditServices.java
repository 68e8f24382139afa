package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.AccessLog;
import com.waiverdesk.audit.AuditReader;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything the supervisor's screen needs from the rest of the program, built by the composition root when the
 * screen opens (it opens the database, so on a worker thread).
 *
 * @param idHasher      the keyed hash of a normalized, validated resident ID (the audit log's {@code IdHasher})
 * @param workstation   this workstation's name, for the access events
 * @param retentionDays entries younger than this many days cannot be purged; at least 180
 * @param onClose       releases what the composition root opened for the screen (the reader is closed before it)
 */
public record AuditServices(AuditReader reader, AccessLog accessLog, AuditActions actions, SupervisorGate gate,
                            Function<String, String> idHasher, String workstation, int retentionDays,
                            Runnable onClose) implements AutoCloseable {
    public static final int MIN_RETENTION_DAYS = 180;

    public AuditServices {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(accessLog, "accessLog");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(idHasher, "idHasher");
        Objects.requireNonNull(workstation, "workstation");
        retentionDays = Math.max(retentionDays, MIN_RETENTION_DAYS);
        onClose = onClose == null ? () -> { } : onClose;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } finally {
            onClose.run();
        }
    }
}
