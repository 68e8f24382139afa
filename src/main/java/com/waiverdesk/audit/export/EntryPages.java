package com.waiverdesk.audit.export;

import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.AuditPage;
import com.waiverdesk.audit.AuditReadException;
import com.waiverdesk.audit.AuditReader;
import com.waiverdesk.audit.ChainHead;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.audit.StoredEntry;
import java.io.IOException;
import java.util.concurrent.CancellationException;

/**
 * Feeds an exporter the entries of a filter page by page, so memory stays constant however long the log, and only
 * entries up to the chain head the export carries: entries appended meanwhile belong to the next export.
 */
final class EntryPages {
    /** Entries read per query; progress is reported after each page. */
    static final int PAGE_SIZE = 1_000;

    /** Writes one entry; may throw what writing a file throws. */
    interface Sink {
        void accept(StoredEntry entry) throws IOException;
    }

    private EntryPages() {
    }

    /**
     * Passes the entries with {@code seq <= head.seq()} matching the filter to {@code sink}, newest first, as on the
     * supervisor's screen.
     *
     * @return the number of entries passed
     * @throws CancellationException as soon as {@code progress} says cancelled (checked before each entry)
     */
    static long forEach(AuditReader reader, AuditFilter filter, ChainHead head, ProgressListener progress, Sink sink)
            throws AuditReadException, IOException {
        long total = reader.count(filter);
        long done = 0;
        progress.progress(0, total);
        long before = head.seq() + 1;
        while (before > 1) {
            AuditPage page = reader.page(filter, before, PAGE_SIZE);
            for (StoredEntry entry : page.entries()) {
                if (progress.cancelled()) {
                    throw new CancellationException("the export was cancelled after " + done + " entries");
                }
                sink.accept(entry);
                done++;
            }
            progress.progress(done, Math.max(total, done));
            before = page.nextBeforeSeq();
        }
        progress.progress(done, done);
        return done;
    }
}
