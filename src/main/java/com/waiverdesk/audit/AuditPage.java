package com.waiverdesk.audit;

import java.util.List;

/**
 * One page of entries, newest first, with the key of the next page (keyset paging on {@code seq}, so page 10,000
 * costs what page 1 costs).
 *
 * @param nextBeforeSeq pass as {@code beforeSeq} for the next page; {@code 0} when there is none
 */
public record AuditPage(List<StoredEntry> entries, long nextBeforeSeq) {
    public AuditPage {
        entries = List.copyOf(entries);
    }

    public boolean hasMore() {
        return nextBeforeSeq > 0;
    }
}
