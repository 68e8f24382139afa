package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AuditCharts;
import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.AuditPage;
import com.waiverdesk.audit.AuditReadException;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.ui.common.BackgroundRunner;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Executor;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The supervisor's screen without a toolkit: sign-in, the search and its keyset-paged results (a page at a time, as
 * the table scrolls; never the whole log), the match count, the selected entry and its chain status, the charts, and
 * the long jobs of {@link AuditJobs}. Every store call runs through the {@link BackgroundRunner}; every look at the
 * entries is recorded in the access log before it runs.
 */
public final class AuditViewModel {
    private static final System.Logger LOG = System.getLogger(AuditViewModel.class.getName());
    static final int PAGE_SIZE = 100;

    private final AuditServices services;
    private final BackgroundRunner runner;
    private final Clock clock;
    private final AccessRecorder recorder;
    private final LoginViewModel login;
    private final AuditJobs jobs;
    private final AuditFilterForm form = new AuditFilterForm();

    private final ObservableList<StoredEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<StoredEntry> readOnlyEntries = FXCollections.unmodifiableObservableList(entries);
    private final ReadOnlyObjectWrapper<AuditFilter> appliedFilter = new ReadOnlyObjectWrapper<>(this, "appliedFilter");
    private final ReadOnlyObjectWrapper<Long> matchCount = new ReadOnlyObjectWrapper<>(this, "matchCount");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    /** The entry table's selection and what is read about it. */
    private final EntryFocus focus;
    private final ReviewQueue reviewQueue;
    private final ReadOnlyObjectWrapper<AuditCharts> charts = new ReadOnlyObjectWrapper<>(this, "charts");
    private final BooleanProperty chartsShown = new SimpleBooleanProperty(this, "chartsShown");
    private final ReadOnlyObjectWrapper<AuditNotice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ReadOnlyObjectWrapper<AuditNotice> rejected = new ReadOnlyObjectWrapper<>(this, "rejected");
    private final ObservableList<String> errorKeys = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyErrorKeys = FXCollections.unmodifiableObservableList(errorKeys);

    /** Bumped by every new search, so a late page or count of an older one is dropped. */
    private int generation;
    private long nextBeforeSeq;
    private boolean chartsStale = true;
    private boolean errorKeysAsked;

    /**
     * @param fxThread where progress of a long job is handed back (the FX thread; the calling thread in tests)
     */
    public AuditViewModel(AuditServices services, BackgroundRunner runner, Executor fxThread, Clock clock) {
        this.services = services;
        this.runner = runner;
        this.clock = clock;
        this.recorder = new AccessRecorder(services.accessLog(), clock, services.workstation());
        this.login = new LoginViewModel(services.gate(), recorder, runner);
        this.jobs = new AuditJobs(services, runner, new JobProgress(fxThread), recorder, clock, this);
        this.focus = new EntryFocus(services.reader(), runner, jobs.chainReportProperty());
        this.reviewQueue = new ReviewQueue(services, runner, recorder, this::supervisor, this::show,
                new EntryFocus(services.reader(), runner, jobs.chainReportProperty()), focus::reread);
        login.signedInAsProperty().addListener((obs, old, who) -> {
            if (who != null) {
                load(AuditFilter.all(), false);
                // its count shows in the tab at once: a supervisor sees there is work without opening it
                reviewQueue.load(false);
            }
        });
        chartsShown.addListener((obs, was, shown) -> {
            if (shown) {
                loadChartsIfStale();
            }
        });
    }

    /** Opens the gate: asks for the passphrase; the entries load once signed in. */
    public void start() {
        login.start();
    }

    /** Applies the filter fields (Enter or the Search button); recorded before it runs. */
    public void search() {
        if (!isSignedIn()) {
            return;
        }
        AuditFilterForm.Built built = form.build(clock.getZone(), LocalDate.now(clock), services.idHasher());
        if (built.problem() != null) {
            reject(built.problem());
            return;
        }
        load(built.filter(), true);
    }

    /**
     * A filter that cannot be applied empties the table instead of leaving the previous search's rows under fields
     * that no longer describe them; late pages of that search are dropped, and nothing can be exported until a
     * search succeeds.
     */
    private void reject(AuditNotice problem) {
        generation++;
        showNothing(null);
        loading.set(false);
        rejected.set(problem);
        notice.set(problem);
    }

    /** Empties the table and the charts under {@code filter} ({@code null}: no filter applies). */
    private void showNothing(AuditFilter filter) {
        appliedFilter.set(filter);
        entries.clear();
        focus.selectedProperty().set(null);
        matchCount.set(null);
        charts.set(null);
        chartsStale = true;
        nextBeforeSeq = 0;
        hasMore.set(false);
    }

    /** The error keys that occur in the log, for the error filter; a failure leaves the list as it was. */
    void loadErrorKeys() {
        runner.run(() -> services.reader().errorKeys(), errorKeys::setAll, error -> {
            LOG.log(System.Logger.Level.WARNING, "could not list the error codes of the audit log", error);
        });
    }

    /** Shows the applied filter's entries again from the newest (after a purge), without a new search event. */
    void reload() {
        errorKeysAsked = false;
        reviewQueue.load(false);
        if (appliedFilter.get() != null) {
            load(appliedFilter.get(), false);
        }
    }

    private void load(AuditFilter filter, boolean recordSearch) {
        int search = ++generation;
        String who = supervisor();
        showNothing(filter);
        loading.set(true);
        rejected.set(null);
        notice.set(null);
        runner.run(() -> {
            if (recordSearch) {
                recorder.recordOrRefuse(who, AccessEvent.Action.SEARCH, filter.describe());
            }
            return services.reader().page(filter, Long.MAX_VALUE, PAGE_SIZE);
        }, page -> {
            if (search == generation) {
                addPage(page);
                count(filter, search);
                if (chartsShown.get()) {
                    loadChartsIfStale();
                }
            }
        }, error -> failed(search, error));
    }

    /** The table scrolled near its end: fetch the next page, if there is one and none is on its way. */
    public void loadMore() {
        if (loading.get() || nextBeforeSeq <= 0 || appliedFilter.get() == null) {
            return;
        }
        int search = generation;
        long before = nextBeforeSeq;
        AuditFilter filter = appliedFilter.get();
        loading.set(true);
        runner.run(() -> services.reader().page(filter, before, PAGE_SIZE), page -> {
            if (search == generation) {
                addPage(page);
            }
        }, error -> failed(search, error));
    }

    private void addPage(AuditPage page) {
        loading.set(false);
        entries.addAll(page.entries());
        nextBeforeSeq = page.nextBeforeSeq();
        hasMore.set(page.hasMore());
    }

    private void count(AuditFilter filter, int search) {
        runner.run(() -> services.reader().count(filter), n -> {
            if (search == generation) {
                matchCount.set(n);
            }
            if (!errorKeysAsked) {
                // after the first page and its count, which the supervisor waits for: the list reads the whole log
                errorKeysAsked = true;
                loadErrorKeys();
            }
        }, error -> failed(search, error));
    }

    private void loadChartsIfStale() {
        AuditFilter filter = appliedFilter.get();
        if (!chartsStale || filter == null) {
            return;
        }
        chartsStale = false;
        int search = generation;
        runner.run(() -> services.reader().charts(filter, clock.getZone()), series -> {
            if (search == generation) {
                charts.set(series);
            }
        }, error -> {
            chartsStale = true;
            failed(search, error);
        });
    }

    private void failed(int search, Throwable error) {
        if (search != generation) {
            return;
        }
        loading.set(false);
        notice.set(noticeFor(error));
    }

    static AuditNotice noticeFor(Throwable error) {
        if (error instanceof AccessRecorder.NotRecorded) {
            AccessRecorder.NotRecorded refused = (AccessRecorder.NotRecorded) error;
            return AuditNotice.of(AuditNotice.Kind.NOT_RECORDED, refused.action(), refused.kind());
        }
        if (error instanceof AuditReadException) {
            return AuditNotice.of(AuditNotice.Kind.READ_FAILED, ((AuditReadException) error).kind());
        }
        return AuditNotice.of(AuditNotice.Kind.READ_FAILED, (Object) null);
    }

    void show(AuditNotice news) {
        notice.set(news);
    }

    /** Now, on the screen's clock: the offset of the screen's zone is the one in force now. */
    java.time.Instant now() {
        return clock.instant();
    }

    String supervisor() {
        return login.signedInAsProperty().get();
    }

    boolean isSignedIn() {
        return supervisor() != null;
    }

    /** Stops a running job and drops late answers; the window then closes the services. */
    public void close() {
        generation++;
        jobs.progress().cancel();
    }

    public LoginViewModel login() {
        return login;
    }

    public AuditFilterForm form() {
        return form;
    }

    public AuditJobs jobs() {
        return jobs;
    }

    /** The paper entries waiting for the supervisor's review. */
    public ReviewQueue reviewQueue() {
        return reviewQueue;
    }

    /** The loaded entries, newest first; grows a page at a time. */
    public ObservableList<StoredEntry> entries() {
        return readOnlyEntries;
    }

    public ReadOnlyObjectProperty<AuditFilter> appliedFilterProperty() {
        return appliedFilter.getReadOnlyProperty();
    }

    /** The number of matches, {@code null} while it is being counted. */
    public ReadOnlyObjectProperty<Long> matchCountProperty() {
        return matchCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    /** The entry in the detail pane; the view binds the table's selection to it. */
    public ObjectProperty<StoredEntry> selectedProperty() {
        return focus.selectedProperty();
    }

    /** The selected entry with what the access chain says of it, for the detail pane. */
    public EntryFocus focus() {
        return focus;
    }

    /** Whether the desk showed the selected entry's decision ({@code false}: the clerk moved on before it appeared). */
    public ReadOnlyObjectProperty<Boolean> selectedShownProperty() {
        return focus.shownProperty();
    }

    public ObjectBinding<ChainStatus> selectedChainStatusBinding() {
        return focus.chainStatusBinding();
    }

    public ReadOnlyObjectProperty<AuditCharts> chartsProperty() {
        return charts.getReadOnlyProperty();
    }

    /** Set while the charts tab shows: the series are only queried then. */
    public BooleanProperty chartsShownProperty() {
        return chartsShown;
    }

    /** Why the last search was refused, while the table is empty for that reason; {@code null} otherwise. */
    public ReadOnlyObjectProperty<AuditNotice> rejectedProperty() {
        return rejected.getReadOnlyProperty();
    }

    /** The error keys that occur in the log ({@link com.waiverdesk.audit.ErrorKeys}), sorted. */
    public ObservableList<String> errorKeys() {
        return readOnlyErrorKeys;
    }

    public ReadOnlyObjectProperty<AuditNotice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
