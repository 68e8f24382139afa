package com.waiverdesk.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.ChainReport;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.InputProblem;
import com.waiverdesk.domain.MatchResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The supervisor's search without a toolkit: paging on demand, filters, the exact-ID hash, counts, access events. */
class AuditViewModelTest {
    private final AuditFixture fx = new AuditFixture();
    private final StepRunner runner = new StepRunner();
    private final List<Integer> pagesAskedWhenSearchRecorded = new ArrayList<>();
    private AuditViewModel model;

    @BeforeEach
    void signIn() {
        fx.accessLog = event -> {
            if (event.action() == AccessEvent.Action.SEARCH) {
                pagesAskedWhenSearchRecorded.add(fx.reader.pageFilters.size());
            }
            return fx.access.record(event);
        };
        model = fx.signedIn(runner);
    }

    private AuditFilter lastFilter() {
        return fx.reader.pageFilters.get(fx.reader.pageFilters.size() - 1);
    }

    @Test
    void signingInRecordsTheOpeningAndLoadsOnlyTheFirstPageNewestFirst() {
        assertThat(fx.access.actions()).containsExactly(AccessEvent.Action.OPEN_AUDIT);
        assertThat(fx.access.events.get(0).supervisor()).isEqualTo("Head nurse Zhou");
        assertThat(fx.access.events.get(0).workstation()).isEqualTo("ADM-SUP");
        assertThat(model.entries()).hasSize(AuditViewModel.PAGE_SIZE);
        assertThat(model.entries().get(0).seq()).isEqualTo(AuditFixture.ROWS);
        assertThat(model.entries()).isSortedAccordingTo((a, b) -> Long.compare(b.seq(), a.seq()));
        assertThat(fx.reader.rowsHandedOut).isEqualTo(AuditViewModel.PAGE_SIZE);
        assertThat(fx.reader.pageKeys).containsExactly(Long.MAX_VALUE);
        assertThat(model.matchCountProperty().get()).isEqualTo(AuditFixture.ROWS);
        assertThat(model.hasMoreProperty().get()).isTrue();
    }

    @Test
    void scrollingNearTheEndLoadsTheNextPageByKeyset() {
        model.loadMore();
        model.loadMore();
        assertThat(runner.size()).as("a second request while one is on its way is dropped").isEqualTo(1);
        runner.runAll();

        assertThat(model.entries()).hasSize(2 * AuditViewModel.PAGE_SIZE);
        assertThat(fx.reader.pageKeys).containsExactly(Long.MAX_VALUE, 201L);
        assertThat(model.entries().get(AuditViewModel.PAGE_SIZE).seq()).isEqualTo(200);
        assertThat(fx.reader.rowsHandedOut).isEqualTo(2 * AuditViewModel.PAGE_SIZE);
    }

    @Test
    void stopsAskingAtTheLastPage() {
        model.loadMore();
        runner.runAll();
        model.loadMore();
        runner.runAll();
        assertThat(model.entries()).hasSize(AuditFixture.ROWS);
        assertThat(model.hasMoreProperty().get()).isFalse();

        model.loadMore();

        assertThat(runner.size()).isZero();
        assertThat(fx.reader.pageKeys).hasSize(3);
    }

    @Test
    void theCountArrivesAfterTheFirstPageAndMatchesTheFilter() {
        model.form().decisions().add(DecisionKind.WAIVE);
        model.search();

        runner.runNext();
        assertThat(model.entries()).isNotEmpty();
        assertThat(model.matchCountProperty().get()).as("still counting").isNull();
        runner.runAll();
        long waived = fx.rows.stream().filter(r -> r.entry().decision() == DecisionKind.WAIVE).count();
        assertThat(model.matchCountProperty().get()).isEqualTo(waived);
    }

    @Test
    void everyFieldMapsToTheFilterWithWholeLocalDays() {
        var form = model.form();
        form.fromProperty().set(LocalDate.of(2025, 2, 27));
        form.toProperty().set(LocalDate.of(2025, 2, 28));
        form.operatorProperty().set(" w02-li ");
        form.workstationProperty().set("ADM-W03");
        form.decisions().add(DecisionKind.CHARGE);
        form.serviceResultProperty().set(MatchResult.NO_RECORD);
        form.errorCodes().add(" rate_limited ");
        form.nameFragmentProperty().set(" 建国 ");

        model.search();
        runner.runAll();

        AuditFilter filter = lastFilter();
        assertThat(filter.fromMillis()).isEqualTo(LocalDate.of(2025, 2, 27).atStartOfDay(AuditFixture.SHANGHAI)
                .toInstant().toEpochMilli());
        assertThat(filter.toMillis()).as("the 'to' day is included")
                .isEqualTo(LocalDate.of(2025, 3, 1).atStartOfDay(AuditFixture.SHANGHAI).toInstant().toEpochMilli());
        assertThat(filter.operator()).isEqualTo("w02-li");
        assertThat(filter.workstation()).isEqualTo("ADM-W03");
        assertThat(filter.decisions()).containsExactly(DecisionKind.CHARGE);
        assertThat(filter.serviceResult()).isEqualTo("NO_RECORD");
        assertThat(filter.errorCodes()).containsExactly("RATE_LIMITED");
        assertThat(filter.nameFragment()).isEqualTo("建国");
        assertThat(filter.idHash()).isNull();
    }

    @Test
    void emptyFieldsDoNotFilter() {
        model.form().operatorProperty().set("   ");
        model.search();
        runner.runAll();

        assertThat(lastFilter()).isEqualTo(AuditFilter.all());
    }

    @Test
    void filtersCombineAndTheCountMatchesThem() {
        model.form().operatorProperty().set("w02-li");
        model.form().decisions().add(DecisionKind.WAIVE);
        model.search();
        runner.runAll();
        while (model.hasMoreProperty().get()) {
            model.loadMore();
            runner.runAll();
        }

        assertThat(model.entries()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.entry().operator()).isEqualTo("w02-li");
            assertThat(row.entry().decision()).isEqualTo(DecisionKind.WAIVE);
        });
        assertThat(model.matchCountProperty().get()).isEqualTo(model.entries().size());
    }

    @Test
    void exactIdIsHashedMaskedOnScreenAndNeverKeptOrRecordedRaw() {
        String id = SyntheticEntries.IDS[1];
        model.form().residentIdProperty().set(id);

        model.search();
        runner.runAll();

        assertThat(lastFilter().idHash()).isEqualTo(SyntheticEntries.HASHER.apply(id));
        assertThat(lastFilter().toString()).doesNotContain(id);
        assertThat(model.form().residentIdProperty().get()).isEqualTo("440524********0014");
        assertThat(fx.access.events).extracting(AccessEvent::detail).noneMatch(d -> d.contains(id))
                .anyMatch(d -> d.contains("(exact ID)"));
        assertThat(model.entries()).isNotEmpty()
                .allSatisfy(row -> assertThat(row.entry().maskedId()).isEqualTo("440524********0014"));

        model.search();
        runner.runAll();
        assertThat(lastFilter().idHash()).as("the masked field keeps the hash").isEqualTo(
                SyntheticEntries.HASHER.apply(id));
    }

    @Test
    void invalidIdIsRefusedBeforeAnyQueryOrRecord() {
        int pagesBefore = fx.reader.pageFilters.size();
        model.form().residentIdProperty().set("110105194912310021");

        model.search();

        assertThat(runner.size()).isZero();
        assertThat(model.noticeProperty().get())
                .isEqualTo(AuditNotice.of(AuditNotice.Kind.BAD_ID, InputProblem.ID_WRONG_CHECK_DIGIT));
        assertThat(fx.reader.pageFilters).hasSize(pagesBefore);
        assertThat(fx.access.actions()).doesNotContain(AccessEvent.Action.SEARCH);
    }

    @Test
    void backwardsDateRangeIsRefused() {
        model.form().fromProperty().set(LocalDate.of(2025, 3, 1));
        model.form().toProperty().set(LocalDate.of(2025, 2, 1));

        model.search();

        assertThat(runner.size()).isZero();
        assertThat(model.noticeProperty().get().kind()).isEqualTo(AuditNotice.Kind.DATES_BACKWARDS);
    }

    @Test
    void aRefusedFilterEmptiesTheTableInsteadOfLeavingThePreviousRowsUnderIt() {
        assertThat(model.entries()).isNotEmpty();
        model.form().fromProperty().set(LocalDate.of(2025, 3, 1));
        model.form().toProperty().set(LocalDate.of(2025, 2, 1));

        model.search();

        assertThat(model.entries()).isEmpty();
        assertThat(model.selectedProperty().get()).isNull();
        assertThat(model.matchCountProperty().get()).isNull();
        assertThat(model.appliedFilterProperty().get()).isNull();
        assertThat(model.rejectedProperty().get().kind()).isEqualTo(AuditNotice.Kind.DATES_BACKWARDS);
        assertThat(model.noticeProperty().get().kind()).isEqualTo(AuditNotice.Kind.DATES_BACKWARDS);
    }

    @Test
    void aLatePageOfTheSearchBeforeARefusedFilterIsDropped() {
        model.form().nameFragmentProperty().set("Maria");
        model.search();
        model.form().fromProperty().set(LocalDate.of(2025, 3, 1));
        model.form().toProperty().set(LocalDate.of(2025, 2, 1));
        model.search();

        runner.runAll();

        assertThat(model.entries()).isEmpty();
        assertThat(model.matchCountProperty().get()).isNull();
        assertThat(model.rejectedProperty().get()).isNotNull();
    }

    @Test
    void aSearchThatRunsAfterARefusedOneClearsTheRefusal() {
        model.form().fromProperty().set(LocalDate.of(2025, 3, 1));
        model.form().toProperty().set(LocalDate.of(2025, 2, 1));
        model.search();
        model.form().toProperty().set(LocalDate.of(2025, 3, 1));

        model.search();
        runner.runAll();

        assertThat(model.rejectedProperty().get()).isNull();
        assertThat(model.noticeProperty().get()).isNull();
        assertThat(model.entries()).isNotEmpty();
    }

    @Test
    void nothingIsExportedAfterARefusedFilterNotEvenTheWholeLog() {
        model.form().residentIdProperty().set("11010519491231002Y");
        model.search();

        model.jobs().exportCsv(java.nio.file.Path.of("never.csv"), java.util.Locale.ENGLISH);
        model.jobs().exportFhir(java.nio.file.Path.of("never.fhir.json"));
        runner.runAll();

        assertThat(fx.actions.calls).isEmpty();
        assertThat(fx.access.actions()).doesNotContain(AccessEvent.Action.EXPORT_CSV, AccessEvent.Action.EXPORT_FHIR);
        assertThat(model.noticeProperty().get().kind()).isEqualTo(AuditNotice.Kind.BAD_ID);
    }

    @Test
    void theErrorFilterOffersTheErrorsThatOccurInTheLog() {
        // SyntheticEntries: rate-limited checks (the service's code) and IDs of the wrong length (no code at all)
        assertThat(model.errorKeys()).containsExactly("INVALID_INPUT:ID_WRONG_LENGTH", "RATE_LIMITED");
    }

    @Test
    void searchingByAnErrorWithoutAServiceCodeFindsItsEntries() {
        model.form().errorCodes().add("INVALID_INPUT:ID_WRONG_LENGTH");

        model.search();
        runner.runAll();

        assertThat(lastFilter().errorCodes()).containsExactly("INVALID_INPUT:ID_WRONG_LENGTH");
        assertThat(model.entries()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.entry().decision()).isEqualTo(DecisionKind.INVALID_INPUT));
    }

    @Test
    void severalDecisionsAndErrorsAreAlternativesAndTheAccessLogSaysWhich() {
        model.form().decisions().addAll(List.of(DecisionKind.INVALID_INPUT, DecisionKind.CANNOT_VERIFY));
        model.form().errorCodes().addAll(List.of("RATE_LIMITED", "INVALID_INPUT:ID_WRONG_LENGTH"));

        model.search();
        runner.runAll();

        assertThat(lastFilter().decisions()).containsExactly(DecisionKind.CANNOT_VERIFY, DecisionKind.INVALID_INPUT);
        assertThat(model.matchCountProperty().get()).isEqualTo(fx.rows.stream()
                .filter(r -> r.entry().decision() == DecisionKind.CANNOT_VERIFY
                        || r.entry().decision() == DecisionKind.INVALID_INPUT).count());
        assertThat(fx.access.events.get(fx.access.events.size() - 1).detail())
                .isEqualTo("decision=CANNOT_VERIFY|INVALID_INPUT, error=INVALID_INPUT:ID_WRONG_LENGTH|RATE_LIMITED");
    }

    @Test
    void everySearchIsRecordedBeforeItRuns() {
        model.form().nameFragmentProperty().set("Maria");
        model.search();
        runner.runAll();
        model.search();
        runner.runAll();

        assertThat(fx.access.actions()).containsExactly(AccessEvent.Action.OPEN_AUDIT, AccessEvent.Action.SEARCH,
                AccessEvent.Action.SEARCH);
        assertThat(pagesAskedWhenSearchRecorded).containsExactly(1, 2);
        assertThat(fx.access.events.get(1).detail()).isEqualTo("name=(fragment of 5 characters)");
    }

    @Test
    void searchThatCannotBeRecordedDoesNotRunAndSaysWhy() {
        int pagesBefore = fx.reader.pageFilters.size();
        fx.access.failWith(AuditWriteException.Kind.READ_ONLY);

        model.search();
        runner.runAll();

        assertThat(fx.reader.pageFilters).hasSize(pagesBefore);
        assertThat(model.entries()).isEmpty();
        assertThat(model.noticeProperty().get()).isEqualTo(AuditNotice.of(AuditNotice.Kind.NOT_RECORDED,
                AccessEvent.Action.SEARCH, AuditWriteException.Kind.READ_ONLY));
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void aNewerSearchWinsOverALateOlderOne() {
        model.form().decisions().add(DecisionKind.WAIVE);
        model.search();
        model.form().decisions().clear();
        model.form().decisions().add(DecisionKind.REDUCE);
        model.search();
        runner.runAll();

        assertThat(model.entries()).isNotEmpty()
                .allSatisfy(row -> assertThat(row.entry().decision()).isEqualTo(DecisionKind.REDUCE));
    }

    @Test
    void readFailureIsShownAndNothingLoads() {
        fx.reader.failWith(AuditWriteException.Kind.LOCKED);

        model.search();
        runner.runAll();

        assertThat(model.noticeProperty().get())
                .isEqualTo(AuditNotice.of(AuditNotice.Kind.READ_FAILED, AuditWriteException.Kind.LOCKED));
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void chartsAreQueriedOnlyWhileShownAndAgainAfterASearch() {
        assertThat(fx.reader.chartCalls.get()).isZero();

        model.chartsShownProperty().set(true);
        runner.runAll();
        assertThat(fx.reader.chartCalls.get()).isEqualTo(1);
        assertThat(model.chartsProperty().get().perOperator()).hasSize(3);

        model.chartsShownProperty().set(false);
        model.chartsShownProperty().set(true);
        runner.runAll();
        assertThat(fx.reader.chartCalls.get()).as("still fresh").isEqualTo(1);

        model.search();
        runner.runAll();
        assertThat(fx.reader.chartCalls.get()).isEqualTo(2);
    }

    @Test
    void selectedEntryShowsItsChainStatusFromTheLastVerification() {
        StoredEntry newest = model.entries().get(0);
        StoredEntry older = model.entries().get(50);
        model.selectedProperty().set(older);
        assertThat(model.selectedChainStatusBinding().get()).isEqualTo(ChainStatus.NOT_VERIFIED);

        fx.actions.report = new ChainReport(300, 249, "a".repeat(64),
                new ChainReport.Break(newest.seq() - 50, ChainReport.BreakKind.EDITED, "hash differs"));
        model.jobs().verify();
        runner.runAll();

        assertThat(model.selectedChainStatusBinding().get()).isEqualTo(ChainStatus.FIRST_BREAK);
        model.selectedProperty().set(newest);
        assertThat(model.selectedChainStatusBinding().get()).isEqualTo(ChainStatus.AFTER_BREAK);
        model.selectedProperty().set(model.entries().get(99));
        assertThat(model.selectedChainStatusBinding().get()).isEqualTo(ChainStatus.VERIFIED);
    }

    @Test
    void closingDropsLateAnswers() {
        model.search();
        model.close();
        runner.runAll();

        assertThat(model.entries()).isEmpty();
    }
}
