package com.waiverdesk.ui.audit;

import com.waiverdesk.app.Supervision;
import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.AuditReadException;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.ChainReport;
import com.waiverdesk.audit.IntegrityReport;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.audit.Review;
import com.waiverdesk.audit.ReviewRefusedException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/** The screen's long jobs and reviews, done by the audit database's {@link Supervision}. */
public final class SupervisionActions implements AuditActions {
    private final Supervision supervision;
    private final String supervisor;

    private SupervisionActions(Supervision supervision, String supervisor) {
        this.supervision = supervision;
        this.supervisor = supervisor;
    }

    /** @param supervisor who is named in the purge record: the person signed in at this workstation */
    public static AuditActions forOperator(Supervision supervision, String supervisor) {
        return new SupervisionActions(supervision, supervisor);
    }

    @Override
    public Path exportCsv(AuditFilter filter, Path target, Locale language, ProgressListener progress)
            throws IOException, AuditReadException {
        try {
            return supervision.exportCsv(filter, target, language, progress).file();
        } catch (AuditWriteException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public Path exportFhir(AuditFilter filter, Path target, ProgressListener progress)
            throws IOException, AuditReadException {
        try {
            return supervision.exportFhir(filter, target, progress).file();
        } catch (AuditWriteException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Both chains and the anchors; the first problem found, wherever it is, is the one reported. */
    @Override
    public ChainReport verify(ProgressListener progress) throws AuditReadException {
        return firstProblem(supervision.verify(progress));
    }

    /** The check chain's report carrying the first problem found anywhere (either chain or the anchors). */
    static ChainReport firstProblem(IntegrityReport report) {
        ChainReport checks = report.checks();
        return report.firstProblem()
                .map(problem -> new ChainReport(checks.entriesChecked(), checks.lastGoodSeq(), checks.lastGoodHash(),
                        problem.found()))
                .orElse(checks);
    }

    @Override
    public long purge(Instant before, ProgressListener progress) throws AuditWriteException {
        return supervision.purge(before.atZone(ZoneId.systemDefault()).toLocalDate(), supervisor,
                Supervision.MIN_RETENTION_DAYS).purgedEntries();
    }

    @Override
    public Review review(long seq, boolean approve, String reason, String supervisor)
            throws ReviewRefusedException, AuditWriteException {
        return supervision.review(seq, approve, reason, supervisor);
    }
}
