package com.waiverdesk.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the audit server recorded about an entry beside the workstation's fields: a supervisor sees a forwarded entry
 * with both its decision time and the time it reached the server.
 *
 * @param entryId  the id the desk gave the entry when it decided (forwarding is idempotent by it)
 * @param received the server's clock when it took the entry (microsecond precision)
 * @param writer   the login that appended it (the server's session_user, never the desk's word)
 * @param spooled  when (workstation clock) the desk spooled it because the server did not answer; {@code null} for an
 *                 entry that reached the server at decision time
 */
public record ServerFacts(UUID entryId, Instant received, String writer, Instant spooled) {
    public ServerFacts {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(writer, "writer");
    }

    /** True when the entry waited in the desk's spool and was forwarded later. */
    public boolean forwarded() {
        return spooled != null;
    }
}
