package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.AuditReadException;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.ChainReport;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.audit.Review;
import com.waiverdesk.audit.ReviewRefusedException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * The supervisor's long jobs on the audit log, as the screen needs them; the composition root adapts the store's
 * export, verification and purge to it. Every method blocks, reports progress now and then, and stops with a
 * {@link java.util.concurrent.CancellationException} when {@link ProgressListener#cancelled()} turns true. The screen
 * has already recorded the access event when it calls any of them. The review of a paper entry comes through here too.
 */
public interface AuditActions {
    /**
     * Writes the entries matching the filter as CSV (UTF-8 with BOM, masked IDs, RFC 4180), the codes also in words
     * of {@code language}; returns the file.
     */
    Path exportCsv(AuditFilter filter, Path target, Locale language, ProgressListener progress)
            throws IOException, AuditReadException;

    /** Writes the entries matching the filter as a FHIR R4 Bundle of AuditEvents; returns the file. */
    Path exportFhir(AuditFilter filter, Path target, ProgressListener progress) throws IOException, AuditReadException;

    /** Walks the whole hash chain (and the anchors). */
    ChainReport verify(ProgressListener progress) throws AuditReadException;

    /**
     * Writes an anchor, then deletes the entries older than {@code before}; the screen has checked that this is at
     * least the retention period ago. Returns how many entries were removed.
     */
    long purge(Instant before, ProgressListener progress) throws AuditWriteException;

    /**
     * Records the supervisor's review of a paper-certificate entry in the access chain (the record is the review);
     * refused, with nothing written, for an entry that is not paper, one already reviewed, or a rejection without a
     * reason. Quick: no progress, no access event before it.
     */
    Review review(long seq, boolean approve, String reason, String supervisor)
            throws ReviewRefusedException, AuditWriteException;
}
