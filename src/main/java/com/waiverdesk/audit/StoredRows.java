package com.waiverdesk.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.waiverdesk.audit.AuditWriteException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads stored entries back for the reader, and tells a row this program cannot have written (edited outside it)
 * from a database that failed, naming the entry but never its content.
 */
final class StoredRows {
    /**
     * A row as its seq and one JSON array of the stored values and both hashes: sqlite-jdbc spends about 250 ns on
     * each column it hands over, so one text per row reads a million entries (an export) in half the time.
     */
    static final String COLUMNS = "seq, json_array(" + String.join(", ", EntryColumns.NAMES)
            + ", prev_hash, entry_hash)";
    /**
     * Keeps the default of canonicalizing field names although the array has none: without it Jackson reads bytes
     * through a {@code String} and its char parser, the very copies reading bytes is for.
     */
    private static final JsonFactory JSON = new JsonFactory();

    private StoredRows() {
    }

    static List<StoredEntry> read(PreparedStatement ps) throws SQLException {
        List<StoredEntry> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(stored(rs));
            }
        }
        return rows;
    }

    /**
     * Maps a row of {@link #COLUMNS}; the values come out as {@link EntryColumns#read} gives them. The array is parsed
     * from the UTF-8 bytes SQLite holds: as a {@code String}, sqlite-jdbc copies them twice more and decodes them
     * first. Bytes that are not UTF-8 (an edit outside the program), which Jackson's byte parser refuses, are read as
     * they always were: decoded with U+FFFD in their place, then parsed.
     */
    static StoredEntry stored(ResultSet rs) throws SQLException {
        long seq = rs.getLong(1);
        byte[] json = rs.getBytes(2);
        List<Object> values;
        try {
            values = values(JSON.createParser(json));
        } catch (IOException notUtf8) {
            try {
                values = values(JSON.createParser(new String(json, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new DamagedRow(seq, e);
            }
        }
        int hashes = EntryColumns.NAMES.size();
        try {
            return new StoredEntry(seq, EntryColumns.fromColumns(values.subList(0, hashes)),
                    (String) values.get(hashes), (String) values.get(hashes + 1));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new DamagedRow(seq, e);
        }
    }

    private static List<Object> values(JsonParser parser) throws IOException {
        List<Object> values = new ArrayList<>(EntryColumns.NAMES.size() + 2);
        try (JsonParser p = parser) {
            p.nextToken();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                values.add(t == JsonToken.VALUE_NULL ? null : t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue()
                        : t == JsonToken.VALUE_NUMBER_FLOAT ? (Object) p.getDoubleValue() : p.getText());
            }
        }
        return values;
    }

    /** A row whose stored values this program cannot have written: edited outside it. */
    private static final class DamagedRow extends SQLException {
        private static final long serialVersionUID = 1L;

        DamagedRow(long seq, Throwable cause) {
            super("Could not read audit entry " + seq + ": it holds a value this program never writes (edited"
                    + " outside WaiverDesk?); verify the audit log.", null, 11, cause);
        }
    }

    /** The message names the damaged entry but never its content. */
    static AuditReadException failure(SQLException e, String action) {
        if (e instanceof DamagedRow) {
            return new AuditReadException(Kind.CORRUPT, e.getMessage(), e);
        }
        if (String.valueOf(e.getMessage()).contains("JSON cannot hold BLOB")) {
            return new AuditReadException(Kind.CORRUPT, "Could not " + action + ": an entry holds a binary value this"
                    + " program never writes (edited outside WaiverDesk?); verify the audit log.", e);
        }
        return SqliteErrors.read(e, action);
    }
}
