package com.waiverdesk.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.ChainReport;
import com.waiverdesk.domain.DecisionKind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Export, verify and purge: recorded first, refused when that fails, with progress, cancel and their reports. */
class AuditJobsTest {
    @TempDir
    Path dir;
    private final AuditFixture fx = new AuditFixture();
    private final StepRunner runner = new StepRunner();
    private final List<Integer> jobCallsWhenRecorded = new ArrayList<>();
    private AuditViewModel model;

    @BeforeEach
    void signIn() {
        fx.accessLog = event -> {
            jobCallsWhenRecorded.add(fx.actions.calls.size());
            return fx.access.record(event);
        };
        model = fx.signedIn(runner);
        jobCallsWhenRecorded.clear();
    }

    private AuditNotice notice() {
        return model.noticeProperty().get();
    }

    @Test
    void csvExportOfTheSearchedFilterIsRecordedFirstAndShowsProgress() {
        model.form().decisions().add(DecisionKind.CANNOT_VERIFY);
        model.search();
        runner.runAll();
        List<Double> progress = new ArrayList<>();
        model.jobs().progress().progressProperty().addListener((obs, old, now) -> progress.add(now.doubleValue()));
        Path target = dir.resolve("audit.csv");

        model.jobs().exportCsv(target, Locale.ENGLISH);
        assertThat(model.jobs().progress().runningProperty().get()).isTrue();
        assertThat(model.jobs().progress().jobProperty().get()).isEqualTo(JobProgress.Job.EXPORT_CSV);
        runner.runAll();

        assertThat(fx.access.actions()).endsWith(AccessEvent.Action.EXPORT_CSV);
        assertThat(fx.access.events.get(fx.access.events.size() - 1).detail())
                .isEqualTo("decision=CANNOT_VERIFY to audit.csv");
        assertThat(jobCallsWhenRecorded).last().isEqualTo(0);
        assertThat(fx.actions.exportFilters).containsExactly(model.appliedFilterProperty().get());
        assertThat(progress).contains(0.5, 1.0);
        assertThat(model.jobs().progress().runningProperty().get()).isFalse();
        assertThat(notice()).isEqualTo(AuditNotice.of(AuditNotice.Kind.EXPORTED, target.toString()));
        assertThat(target).exists();
    }

    @Test
    void fhirExportIsRecordedAsSuch() {
        Path target = dir.resolve("audit.json");

        model.jobs().exportFhir(target);
        runner.runAll();

        assertThat(fx.access.actions()).endsWith(AccessEvent.Action.EXPORT_FHIR);
        assertThat(fx.actions.calls).containsExactly("fhir");
        assertThat(notice().kind()).isEqualTo(AuditNotice.Kind.EXPORTED);
    }

    @Test
    void verifyReportsAnIntactChain() {
        model.jobs().verify();
        runner.runAll();

        assertThat(fx.access.actions()).endsWith(AccessEvent.Action.VERIFY);
        assertThat(notice()).isEqualTo(AuditNotice.of(AuditNotice.Kind.VERIFY_INTACT, 300L));
        assertThat(model.jobs().chainReportProperty().get().intact()).isTrue();
    }

    @Test
    void verifyReportsTheFirstBadEntryAndItsKind() {
        fx.actions.report = new ChainReport(120, 117, "b".repeat(64),
                new ChainReport.Break(118, ChainReport.BreakKind.DELETED, "seq 118 follows 116"));

        model.jobs().verify();
        runner.runAll();

        assertThat(notice()).isEqualTo(AuditNotice.of(AuditNotice.Kind.VERIFY_BROKEN, 118L,
                ChainReport.BreakKind.DELETED));
    }

    @Test
    void purgeBeforeTheRetentionPeriodIsRefusedWithoutRecordingOrRunning() {
        LocalDate today = LocalDate.now(fx.clock);

        model.jobs().purge(today.minusDays(179));

        assertThat(runner.size()).isZero();
        assertThat(fx.actions.calls).isEmpty();
        assertThat(notice()).isEqualTo(AuditNotice.of(AuditNotice.Kind.PURGE_TOO_RECENT, today.minusDays(180), 180));
    }

    @Test
    void purgeAtTheRetentionLimitRunsFromLocalMidnightAndReloads() {
        LocalDate limit = LocalDate.now(fx.clock).minusDays(180);
        assertThat(model.jobs().latestPurgeDate()).isEqualTo(limit);
        int pagesBefore = fx.reader.pageFilters.size();

        model.jobs().purge(limit);
        runner.runAll();

        assertThat(fx.access.actions()).endsWith(AccessEvent.Action.PURGE);
        assertThat(fx.access.events.get(fx.access.events.size() - 1).detail()).isEqualTo("entries before " + limit);
        assertThat(fx.actions.purgedBefore).isEqualTo(limit.atStartOfDay(AuditFixture.SHANGHAI).toInstant());
        assertThat(notice()).isEqualTo(AuditNotice.of(AuditNotice.Kind.PURGED, 42L, limit));
        assertThat(fx.reader.pageFilters).as("the list is read again").hasSize(pagesBefore + 1);
    }

    @ParameterizedTest
    @EnumSource(JobProgress.Job.class)
    void aJobThatCannotBeRecordedDoesNotRun(JobProgress.Job job) {
        fx.access.failWith(AuditWriteException.Kind.DISK_FULL);

        start(job);
        runner.runAll();

        assertThat(fx.actions.calls).isEmpty();
        assertThat(notice().kind()).isEqualTo(AuditNotice.Kind.NOT_RECORDED);
        assertThat(notice().arg(1)).isEqualTo(AuditWriteException.Kind.DISK_FULL);
        assertThat(model.jobs().progress().runningProperty().get()).isFalse();
    }

    @Test
    void cancelStopsTheJobAndSaysSo() {
        model.jobs().verify();
        model.jobs().progress().cancel();
        runner.runAll();

        assertThat(notice()).isEqualTo(AuditNotice.of(AuditNotice.Kind.CANCELLED, JobProgress.Job.VERIFY));
        assertThat(model.jobs().chainReportProperty().get()).isNull();
        assertThat(model.jobs().progress().runningProperty().get()).isFalse();
    }

    @Test
    void oneJobAtATime() {
        model.jobs().verify();
        model.jobs().exportCsv(dir.resolve("x.csv"), Locale.ENGLISH);

        assertThat(runner.size()).isEqualTo(1);
        runner.runAll();
        assertThat(fx.actions.calls).containsExactly("verify");
    }

    @Test
    void aFailedFileWriteIsReported() {
        Path target = dir.resolve("missing-folder/audit.csv");

        model.jobs().exportCsv(target, Locale.ENGLISH);
        runner.runAll();

        assertThat(notice()).isEqualTo(AuditNotice.of(AuditNotice.Kind.JOB_FAILED, JobProgress.Job.EXPORT_CSV, "FILE"));
    }

    @Test
    void suggestsATimeStampedFileName() {
        assertThat(model.jobs().suggestedFileName("csv")).isEqualTo("waiverdesk-audit-20250301-1100.csv");
    }

    private void start(JobProgress.Job job) {
        Consumer<AuditJobs> action;
        switch (job) {
            case EXPORT_CSV:
                action = jobs -> jobs.exportCsv(dir.resolve("a.csv"), Locale.ENGLISH);
                break;
            case EXPORT_FHIR:
                action = jobs -> jobs.exportFhir(dir.resolve("a.json"));
                break;
            case VERIFY:
                action = AuditJobs::verify;
                break;
            default:
                action = jobs -> jobs.purge(LocalDate.now(fx.clock).minusYears(1));
                break;
        }
        action.accept(model.jobs());
    }
}
