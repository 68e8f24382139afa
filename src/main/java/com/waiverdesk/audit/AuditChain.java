package com.waiverdesk.audit;

import java.util.List;

/**
 * The two hash chains of the audit database: the checks themselves, and who looked at them. Each has its own table,
 * sequence, genesis and format tag, so neither can be spliced into the other.
 */
public enum AuditChain {
    /** Every admission check ({@link AuditEntry}). */
    CHECKS("audit_entry", EntryColumns.NAMES, HashChain.FORMAT),
    /** Every opening, search, export, verification and purge of the log ({@link AccessEvent}). */
    ACCESS("access_entry", AccessColumns.NAMES, HashChain.ACCESS_FORMAT);

    private final String table;
    private final List<String> columns;
    private final String format;

    AuditChain(String table, List<String> columns, String format) {
        this.table = table;
        this.columns = columns;
        this.format = format;
    }

    String table() {
        return table;
    }

    /** The value columns, in hash order (without seq, prev_hash and entry_hash). */
    List<String> columns() {
        return columns;
    }

    String format() {
        return format;
    }

    /** {@code seq, <columns>, prev_hash, entry_hash}: the shape every chain query selects. */
    String selectLinks() {
        return "SELECT seq, " + String.join(", ", columns) + ", prev_hash, entry_hash FROM " + table;
    }

    String insert() {
        return "INSERT INTO " + table + " (seq, " + String.join(", ", columns) + ", prev_hash, entry_hash) VALUES (?"
                + ", ?".repeat(columns.size() + 2) + ")";
    }

    /** How reports name one row of this chain. */
    String noun() {
        return this == CHECKS ? "entry" : "access event";
    }

    String plural() {
        return this == CHECKS ? "entries" : "access events";
    }

    /** Column index (1-based) of prev_hash in {@link #selectLinks()}; entry_hash follows it. */
    int prevHashColumn() {
        return columns.size() + 2;
    }
}
