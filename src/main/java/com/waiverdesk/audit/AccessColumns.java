package com.waiverdesk.audit;

import java.util.Arrays;
import java.util.List;

/** The stored form of an {@link AccessEvent}, in the column order its hash chain covers. */
final class AccessColumns {
    /** Column names in canonical (hash) order; changing this order or a conversion breaks every existing chain. */
    static final List<String> NAMES = List.of("time_ms", "supervisor", "workstation", "action", "detail");

    private AccessColumns() {
    }

    static List<Object> toColumns(AccessEvent e) {
        return Arrays.asList(e.time().toEpochMilli(), e.supervisor(), e.workstation(), e.action().name(), e.detail());
    }
}
