package com.waiverdesk.audit.server;

import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AuditReadException;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.EntryColumns;
import com.waiverdesk.audit.Review;
import com.waiverdesk.audit.ServerFacts;
import com.waiverdesk.audit.StoredEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the rows of the server's {@code waiverdesk.entry_view} (what the supervisor's functions return) into the
 * objects the workstation's reader gives, plus what the server knows beside them.
 */
final class ServerRows {
    /** The columns in the order {@link #row} reads them; the export's cursor selects them without not_shown. */
    static final String COLUMNS = "seq, entry_id, " + String.join(", ", EntryColumns.NAMES)
            + ", received_us, writer, spooled_ms, prev_hash, entry_hash, review_action, review_detail,"
            + " review_time_ms, review_supervisor, review_workstation, not_shown";
    private static final int FIRST_VALUE = 3;
    private static final int AFTER_VALUES = FIRST_VALUE + EntryColumns.NAMES.size();

    /**
     * One row.
     *
     * @param review   the entry's review; {@code null} when it has none
     * @param notShown whether its decision never showed at the desk; {@code null} when the row did not say (export)
     */
    record Row(StoredEntry stored, Review review, Boolean notShown) {
    }

    private ServerRows() {
    }

    static List<Row> all(ResultSet rs, boolean withNotShown) throws SQLException {
        List<Row> rows = new ArrayList<>();
        while (rs.next()) {
            rows.add(row(rs, withNotShown));
        }
        return rows;
    }

    static Row row(ResultSet rs, boolean withNotShown) throws SQLException {
        long seq = rs.getLong(1);
        List<Object> values = new ArrayList<>(EntryColumns.NAMES.size());
        for (int i = FIRST_VALUE; i < AFTER_VALUES; i++) {
            Object v = rs.getObject(i);
            values.add(v instanceof Integer n ? Long.valueOf(n) : v);
        }
        int i = AFTER_VALUES;
        long receivedUs = rs.getLong(i);
        String writer = rs.getString(i + 1);
        long spooledMs = rs.getLong(i + 2);
        Instant spooled = rs.wasNull() ? null : Instant.ofEpochMilli(spooledMs);
        ServerFacts facts = new ServerFacts((UUID) rs.getObject(2), Instant.EPOCH.plus(receivedUs, ChronoUnit.MICROS),
                writer, spooled);
        StoredEntry stored;
        try {
            stored = new StoredEntry(seq, EntryColumns.fromColumns(values), rs.getString(i + 3), rs.getString(i + 4),
                    facts);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new DamagedRow(seq, e);
        }
        return new Row(stored, review(rs, i + 5, seq), withNotShown ? rs.getBoolean(i + 10) : null);
    }

    private static Review review(ResultSet rs, int first, long seq) throws SQLException {
        String action = rs.getString(first);
        if (action == null) {
            return null;
        }
        String detail = rs.getString(first + 1);
        String prefix = AccessEvent.reviewPrefix(seq);
        return new Review(AccessEvent.Action.REVIEW_APPROVED.name().equals(action),
                detail.startsWith(prefix) ? detail.substring(prefix.length()) : detail, rs.getString(first + 3),
                Instant.ofEpochMilli(rs.getLong(first + 2)), rs.getString(first + 4));
    }

    /** The failure in words for the supervisor's screen; the SQL state decides, never the server's message. */
    static AuditReadException failure(SQLException e, ServerUrl url, String action) {
        if (e instanceof DamagedRow) {
            return new AuditReadException(AuditWriteException.Kind.CORRUPT, e.getMessage(), e);
        }
        return new AuditReadException(AuditWriteException.Kind.UNAVAILABLE,
                "Could not " + action + ": " + ServerConnections.describe(e, url) + ".", e);
    }

    /** A row whose values this program cannot have written. */
    private static final class DamagedRow extends SQLException {
        private static final long serialVersionUID = 1L;

        DamagedRow(long seq, Throwable cause) {
            super("Could not read audit entry " + seq + " of the audit server: it holds a value this program never"
                    + " writes; run `audit verify`.", "XX001", cause);
        }
    }
}
