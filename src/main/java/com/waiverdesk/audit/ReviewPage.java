package com.waiverdesk.audit;

import java.util.List;

/**
 * One page of the review queue, oldest first, with the key of the next (keyset paging on {@code seq}): a supervisor
 * with sixty thousand paper certificates waiting holds the pages they looked at, never the whole queue.
 *
 * @param nextAfterSeq pass as {@code afterSeq} for the next page; {@code 0} when there is none
 */
public record ReviewPage(List<StoredEntry> entries, long nextAfterSeq) {
    /** The most entries one page holds: the audit server returns at most 1,000 rows a call, one of them to look ahead. */
    public static final int MAX_SIZE = 999;

    public ReviewPage {
        entries = List.copyOf(entries);
    }

    public boolean hasMore() {
        return nextAfterSeq > 0;
    }

    /** The first {@code size} of {@code rows} (read with one row more to know whether more follow). */
    public static ReviewPage of(List<StoredEntry> rows, int size) {
        boolean more = rows.size() > size;
        List<StoredEntry> entries = more ? rows.subList(0, size) : rows;
        return new ReviewPage(entries, more ? entries.get(size - 1).seq() : 0);
    }

    /** Refuses a page size outside 1 to {@link #MAX_SIZE}. */
    public static void check(int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("a review page holds 1 to " + MAX_SIZE + " entries: " + size);
        }
    }
}
