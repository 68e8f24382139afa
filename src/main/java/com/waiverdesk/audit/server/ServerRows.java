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
    /**
     * The columns of {@code waiverdesk.export_open_csv}'s cursor (schema version 8), which {@link #csvRow} reads: what
     * a CSV file shows, without the ID hash, the previous link's hash and the server's facts.
     */
    static final String CSV_COLUMNS = "seq, " + String.join(", ", EntryColumns.NAMES.stream()
            .filter(name -> !name.equals("id_hash")).toList()) + ", entry_hash, review_action, review_detail,"
            + " review_time_ms, review_supervisor, review_workstation";
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

    /** Reads the row a result set is on. */
    @FunctionalInterface
    interface Reader {
        Row read(ResultSet rs) throws SQLException;
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
        List<Object> values = values(rs, FIRST_VALUE, null);
        int i = AFTER_VALUES;
        long receivedUs = rs.getLong(i);
        String writer = rs.getString(i + 1);
        long spooledMs = rs.getLong(i + 2);
        Instant spooled = rs.wasNull() ? null : Instant.ofEpochMilli(spooledMs);
        ServerFacts facts = new ServerFacts((UUID) rs.getObject(2), Instant.EPOCH.plus(receivedUs, ChronoUnit.MICROS),
                writer, spooled);
        StoredEntry stored = stored(seq, values, rs.getString(i + 3), rs.getString(i + 4), facts);
        return new Row(stored, review(rs, i + 5, seq), withNotShown ? rs.getBoolean(i + 10) : null);
    }

    /**
     * One row of {@link #CSV_COLUMNS}: the entry without its ID hash (null), previous hash (null) or server facts
     * (null), which a CSV file does not show.
     */
    static Row csvRow(ResultSet rs) throws SQLException {
        long seq = rs.getLong(1);
        List<Object> values = values(rs, 2, "id_hash");
        int i = 2 + EntryColumns.NAMES.size() - 1;
        return new Row(stored(seq, values, null, rs.getString(i), null), review(rs, i + 1, seq), null);
    }

    /**
     * The entry's stored values from column {@code first} on, in {@link EntryColumns#NAMES} order; {@code absent} (a
     * name, or null) is not among the row's columns and is null in the list.
     */
    private static List<Object> values(ResultSet rs, int first, String absent) throws SQLException {
        List<Object> values = new ArrayList<>(EntryColumns.NAMES.size());
        int column = first;
        for (String name : EntryColumns.NAMES) {
            if (name.equals(absent)) {
                values.add(null);
                continue;
            }
            Object v = rs.getObject(column++);
            values.add(v instanceof Integer n ? Long.valueOf(n) : v);
        }
        return values;
    }

    private static StoredEntry stored(long seq, List<Object> values, String prevHash, String entryHash,
                                      ServerFacts facts) throws DamagedRow {
        try {
            return new StoredEntry(seq, EntryColumns.fromColumns(values), prevHash, entryHash, facts);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new DamagedRow(seq, e);
        }
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
