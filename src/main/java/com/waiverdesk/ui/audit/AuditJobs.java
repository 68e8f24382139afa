package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.AuditReadException;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.ChainReport;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.ui.common.BackgroundRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The supervisor's long jobs through the {@link AuditActions} port: export (CSV, FHIR) of the applied filter, verify,
 * purge. One at a time, with progress and cancel; each is recorded in the access log first and does not run if that
 * fails.
 */
public final class AuditJobs {
    private static final System.Logger LOG = System.getLogger(AuditJobs.class.getName());
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private final AuditServices services;
    private final BackgroundRunner runner;
    private final JobProgress progress;
    private final AccessRecorder recorder;
    private final Clock clock;
    private final AuditViewModel owner;
    private final ReadOnlyObjectWrapper<ChainReport> chainReport = new ReadOnlyObjectWrapper<>(this, "chainReport");

    /** A job's work on the worker thread. */
    private interface Work<T> {
        T run(ProgressListener listener) throws Exception;
    }

    AuditJobs(AuditServices services, BackgroundRunner runner, JobProgress progress, AccessRecorder recorder,
              Clock clock, AuditViewModel owner) {
        this.services = services;
        this.runner = runner;
        this.progress = progress;
        this.recorder = recorder;
        this.clock = clock;
        this.owner = owner;
    }

    /**
     * Exports what the last search found (all entries before any search) as CSV to the chosen file, the codes also in
     * words of {@code language} (the screen's).
     */
    public void exportCsv(Path target, Locale language) {
        if (refusedFilter()) {
            return;
        }
        AuditFilter filter = filter();
        run(JobProgress.Job.EXPORT_CSV, AccessEvent.Action.EXPORT_CSV, exportDetail(filter, target),
                listener -> services.actions().exportCsv(filter, target, language, listener),
                file -> owner.show(AuditNotice.of(AuditNotice.Kind.EXPORTED, file.toString())));
    }

    /** Exports what the last search found as a FHIR R4 Bundle of AuditEvents. */
    public void exportFhir(Path target) {
        if (refusedFilter()) {
            return;
        }
        AuditFilter filter = filter();
        run(JobProgress.Job.EXPORT_FHIR, AccessEvent.Action.EXPORT_FHIR, exportDetail(filter, target),
                listener -> services.actions().exportFhir(filter, target, listener),
                file -> owner.show(AuditNotice.of(AuditNotice.Kind.EXPORTED, file.toString())));
    }

    /** Walks the whole chain; the report then colours every entry's chain status. */
    public void verify() {
        run(JobProgress.Job.VERIFY, AccessEvent.Action.VERIFY, "whole chain",
                listener -> services.actions().verify(listener), report -> {
                    chainReport.set(report);
                    owner.show(report.intact()
                            ? AuditNotice.of(AuditNotice.Kind.VERIFY_INTACT, report.entriesChecked())
                            : AuditNotice.of(AuditNotice.Kind.VERIFY_BROKEN, report.firstBreak().seq(),
                                    report.firstBreak().kind()));
                });
    }

    /** Removes the entries before the day; refused unless that day is at least the retention period ago. */
    public void purge(LocalDate before) {
        if (before.isAfter(latestPurgeDate())) {
            owner.show(AuditNotice.of(AuditNotice.Kind.PURGE_TOO_RECENT, latestPurgeDate(),
                    services.retentionDays()));
            return;
        }
        run(JobProgress.Job.PURGE, AccessEvent.Action.PURGE, "entries before " + before,
                listener -> services.actions().purge(before.atStartOfDay(clock.getZone()).toInstant(), listener),
                removed -> {
                    owner.reload();
                    owner.show(AuditNotice.of(AuditNotice.Kind.PURGED, removed, before));
                });
    }

    /** The latest day a purge may start from: the retention period before today. */
    public LocalDate latestPurgeDate() {
        return LocalDate.now(clock).minusDays(services.retentionDays());
    }

    /** Entries younger than this many days are kept. */
    public int retentionDays() {
        return services.retentionDays();
    }

    /** A file name for an export, e.g. {@code waiverdesk-audit-20250301-1015.csv}. */
    public String suggestedFileName(String extension) {
        return "waiverdesk-audit-" + FILE_STAMP.format(LocalDateTime.now(clock)) + "." + extension;
    }

    /** After a refused filter nothing is exported: not the whole log, which the fields do not describe. */
    private boolean refusedFilter() {
        AuditNotice refused = owner.rejectedProperty().get();
        if (refused != null) {
            owner.show(refused);
        }
        return refused != null;
    }

    private AuditFilter filter() {
        AuditFilter applied = owner.appliedFilterProperty().get();
        return applied == null ? AuditFilter.all() : applied;
    }

    private static String exportDetail(AuditFilter filter, Path target) {
        return filter.describe() + " to " + target.getFileName();
    }

    private <T> void run(JobProgress.Job job, AccessEvent.Action action, String detail, Work<T> work,
                         Consumer<T> done) {
        if (progress.runningProperty().get() || !owner.isSignedIn()) {
            return;
        }
        String who = owner.supervisor();
        ProgressListener listener = progress.start(job);
        owner.show(null);
        runner.run(() -> {
            recorder.recordOrRefuse(who, action, detail);
            return work.run(listener);
        }, result -> {
            progress.finish();
            done.accept(result);
        }, error -> {
            progress.finish();
            owner.show(failure(job, error));
        });
    }

    private static AuditNotice failure(JobProgress.Job job, Throwable error) {
        if (error instanceof AccessRecorder.NotRecorded) {
            return AuditViewModel.noticeFor(error);
        }
        if (error instanceof CancellationException) {
            return AuditNotice.of(AuditNotice.Kind.CANCELLED, job);
        }
        LOG.log(System.Logger.Level.ERROR, "audit job " + job + " failed", error);
        String why;
        if (error instanceof AuditReadException) {
            why = ((AuditReadException) error).kind().name();
        } else if (error instanceof AuditWriteException) {
            why = ((AuditWriteException) error).kind().name();
        } else if (error instanceof IOException) {
            why = "FILE";
        } else {
            why = "UNAVAILABLE";
        }
        return AuditNotice.of(AuditNotice.Kind.JOB_FAILED, job, why);
    }

    public JobProgress progress() {
        return progress;
    }

    /** The last verification's report, {@code null} before the first. */
    public ReadOnlyObjectProperty<ChainReport> chainReportProperty() {
        return chainReport.getReadOnlyProperty();
    }
}
