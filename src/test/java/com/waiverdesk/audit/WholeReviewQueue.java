package com.waiverdesk.audit;

import java.util.ArrayList;
import java.util.List;

/** The whole review queue read through its pages, for tests that state what it holds. */
public final class WholeReviewQueue {
    private WholeReviewQueue() {
    }

    /** Every page of {@code size} entries, in order; fails on a page larger than asked or out of order. */
    public static List<StoredEntry> of(AuditReader reader, int size) throws AuditReadException {
        List<StoredEntry> all = new ArrayList<>();
        long after = 0;
        do {
            ReviewPage page = reader.reviewQueue(after, size);
            if (page.entries().size() > size) {
                throw new AssertionError("a page of " + size + " held " + page.entries().size());
            }
            for (StoredEntry e : page.entries()) {
                if (e.seq() <= after) {
                    throw new AssertionError("entry " + e.seq() + " came after " + after);
                }
                after = e.seq();
                all.add(e);
            }
            after = page.hasMore() ? page.nextAfterSeq() : 0;
        } while (after > 0);
        return all;
    }

    public static List<Long> seqs(AuditReader reader, int size) throws AuditReadException {
        return of(reader, size).stream().map(StoredEntry::seq).toList();
    }
}
