package com.waiverdesk.ui.settings;

import com.waiverdesk.app.Config;
import com.waiverdesk.app.ConfigException;
import com.waiverdesk.app.Desk;
import com.waiverdesk.app.LoadedConfig;
import com.waiverdesk.app.SettingsStore;
import com.waiverdesk.ui.common.BackgroundRunner;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * IT's settings screen without a toolkit: each setting as typed text, which ones IT locked in the machine-wide file
 * (read-only, never saved), the problems of the typed values by field, whether a secret is stored, and the actions
 * load, test connection and save. Saving runs the desk's own reader on the would-be file, starts a desk with it,
 * and only then writes the file and hands the new desk over, so a setting that would stop the desk is not saved.
 * The secret never enters a property: the view hands it over as bytes for one action, and they are cleared.
 */
public final class SettingsViewModel {
    private static final System.Logger LOG = System.getLogger(SettingsViewModel.class.getName());
    static final String OS_USER = "os-user";
    static final String ASK = "ask";

    /** Starts a desk with the new configuration (Wiring in production). Blocking. */
    public interface DeskStarter {
        Desk start(Config config) throws Exception;
    }

    /** Records the save in the access log before it takes effect; throws if it cannot. Blocking. */
    public interface SaveRecorder {
        void record(String detail) throws Exception;
    }

    /** What a save produced: the configuration now in force and the desk running it. */
    public record Applied(LoadedConfig loaded, Desk desk) {
    }

    /** The typed secret would not be used: a secret file is still configured, and it wins over the store. */
    private static final class SecretFileWinsException extends Exception {
        SecretFileWinsException(java.nio.file.Path file) {
            super(String.valueOf(file));
        }
    }

    private final SettingsStore store;
    private final SecretSaver secrets;
    private final ConnectionTester tester;
    private final DeskStarter starter;
    private final SaveRecorder recorder;
    private final BackgroundRunner runner;
    private final Consumer<Applied> onApplied;

    private final Map<SettingsField, StringProperty> values = new EnumMap<>(SettingsField.class);
    private final Map<SettingsField, String> initial = new EnumMap<>(SettingsField.class);
    private final BooleanProperty newSecretEntered = new SimpleBooleanProperty(this, "newSecretEntered");
    private final ReadOnlyObjectWrapper<Set<SettingsField>> locked =
            new ReadOnlyObjectWrapper<>(this, "locked", Set.of());
    private final ReadOnlyObjectWrapper<Map<SettingsField, SettingsProblem>> problems =
            new ReadOnlyObjectWrapper<>(this, "problems", Map.of());
    private final ReadOnlyBooleanWrapper secretStored = new ReadOnlyBooleanWrapper(this, "secretStored");
    private final ReadOnlyObjectWrapper<SecretSaver.SecretStatus> secretStatus =
            new ReadOnlyObjectWrapper<>(this, "secretStatus");
    private final ReadOnlyObjectWrapper<ConnectionReport> testReport = new ReadOnlyObjectWrapper<>(this, "testReport");
    private boolean userFileNamesSecretFile;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyObjectWrapper<SettingsNotice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ReadOnlyObjectWrapper<LoadedConfig> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final BooleanBinding canAct;

    /**
     * @param onApplied receives the new desk after a save, on the FX thread; it owns the desk from then on
     */
    public SettingsViewModel(SettingsStore store, SecretSaver secrets, ConnectionTester tester, DeskStarter starter,
                             SaveRecorder recorder, BackgroundRunner runner, Consumer<Applied> onApplied) {
        this.store = store;
        this.secrets = secrets;
        this.tester = tester;
        this.starter = starter;
        this.recorder = recorder;
        this.runner = runner;
        this.onApplied = onApplied;
        for (SettingsField field : SettingsField.values()) {
            StringProperty value = new SimpleStringProperty(this, field.configName(), "");
            value.addListener((obs, old, now) -> revalidate());
            values.put(field, value);
            initial.put(field, "");
        }
        values.get(SettingsField.OPERATOR_MODE).set(OS_USER);
        initial.put(SettingsField.OPERATOR_MODE, OS_USER);
        newSecretEntered.addListener((obs, old, now) -> revalidate());
        canAct = Bindings.createBooleanBinding(() -> loaded.get() && !busy.get() && problems.get().isEmpty()
                        && secretStatus.get() != null, loaded, busy, problems, secretStatus);
    }

    /**
     * Reads both files on a worker and fills the fields, then asks the secret store whether a secret is stored: the
     * store may still be opening (seconds, on a slow keyring), and IT need not wait for it to read the settings.
     */
    public void load() {
        busy.set(true);
        secretStatus.set(null);
        runner.run(store::read, snapshot -> {
            show(snapshot);
            Config config = snapshot.loaded().config();
            runner.run(() -> secrets.status(config.accountId(), config.endpoint(), config.secretFile()), status -> {
                secretStatus.set(status);
                secretStored.set(!config.isDemo() && status.stored());
                revalidate();
            }, error -> {
                LOG.log(System.Logger.Level.WARNING, "the secret store could not be asked: " + error.getMessage());
                secretStatus.set(new SecretSaver.SecretStatus(false, "", false));
                secretStored.set(false);
                revalidate();
                notice.set(new SettingsNotice(SettingsNotice.Kind.LOAD_FAILED, error.getMessage()));
            });
        }, error -> {
            busy.set(false);
            LOG.log(System.Logger.Level.WARNING, "settings could not be read", error);
            notice.set(new SettingsNotice(SettingsNotice.Kind.LOAD_FAILED, error.getMessage()));
        });
    }

    private void show(SettingsStore.Snapshot snapshot) {
        Set<SettingsField> lockedFields = EnumSet.noneOf(SettingsField.class);
        for (SettingsField field : SettingsField.values()) {
            // a locked secretFile with no file named means "the secret store only": a typed secret still goes there
            if (snapshot.loaded().locked().contains(field.configName())
                    && (field != SettingsField.SECRET || snapshot.loaded().config().secretFile() != null)) {
                lockedFields.add(field);
            }
            String text = field == SettingsField.SECRET ? "" : text(snapshot.fileValue(field.configName()));
            if (field == SettingsField.OPERATOR_MODE && text.isEmpty()) {
                text = OS_USER;
            }
            initial.put(field, text);
        }
        locked.set(Set.copyOf(lockedFields));
        userFileNamesSecretFile = snapshot.user().containsKey(SettingsField.SECRET.configName());
        current.set(snapshot.loaded());
        initial.forEach((field, text) -> values.get(field).set(text));
        busy.set(false);
        loaded.set(true);
        revalidate();
    }

    /** Tests the typed settings (and the typed secret, if any) on a worker; the secret bytes are cleared after. */
    public void testConnection(byte[] newSecret) {
        if (!canAct.get()) {
            clear(newSecret);
            return;
        }
        SettingsDraft draft = draft();
        byte[] secret = newSecret == null || newSecret.length == 0 ? null : newSecret;
        busy.set(true);
        notice.set(null);
        testReport.set(null);
        runner.run(() -> {
            try {
                return tester.test(draft, secret);
            } finally {
                clear(secret);
            }
        }, report -> {
            busy.set(false);
            testReport.set(report);
            SettingsNotice.Kind kind = report.outcome() == ConnectionReport.Outcome.OK ? SettingsNotice.Kind.TEST_OK
                    : report.works() ? SettingsNotice.Kind.TEST_WARNING : SettingsNotice.Kind.TEST_FAILED;
            notice.set(new SettingsNotice(kind, report.diagnosis()));
        }, error -> {
            busy.set(false);
            LOG.log(System.Logger.Level.WARNING, "connection test failed to run: " + error.getClass().getSimpleName());
            notice.set(new SettingsNotice(SettingsNotice.Kind.TEST_FAILED, error.getClass().getSimpleName()));
        });
    }

    /**
     * Saves what changed: a trial of the new configuration, the secret (if typed) into the secret store, the access
     * event, a new desk started with it, then the per-user file; the new desk goes to {@code onApplied}. A typed
     * secret removes {@code secretFile} from the per-user file, since a configured secret file wins over the store;
     * if IT locked {@code secretFile}, or the machine file or the command line still names one, nothing is saved and
     * the notice says why, rather than storing a secret the desk would never use.
     */
    public void save(byte[] newSecret) {
        if (!canAct.get()) {
            clear(newSecret);
            if (loaded.get() && !problems.get().isEmpty()) {
                notice.set(new SettingsNotice(SettingsNotice.Kind.NOT_VALID, ""));
            }
            return;
        }
        byte[] secret = newSecret == null || newSecret.length == 0 ? null : newSecret;
        if (secret != null && locked.get().contains(SettingsField.SECRET)) {
            clear(secret);
            LoadedConfig now = current.get();
            notice.set(new SettingsNotice(SettingsNotice.Kind.SECRET_LOCKED,
                    now == null ? "" : String.valueOf(now.config().secretFile())));
            return;
        }
        Map<String, Object> changes = new LinkedHashMap<>(draft().changes());
        if (changes.isEmpty() && secret == null) {
            notice.set(new SettingsNotice(SettingsNotice.Kind.NOTHING_CHANGED, ""));
            return;
        }
        if (secret != null && userFileNamesSecretFile
                && !current.get().locked().contains(SettingsField.SECRET.configName())) {
            changes.put(SettingsField.SECRET.configName(), null);
        }
        busy.set(true);
        notice.set(null);
        runner.run(() -> {
            List<String> named = changes.keySet().stream().sorted().collect(Collectors.toList());
            LoadedConfig trial;
            try {
                trial = store.trial(changes);
                if (secret != null) {
                    if (trial.config().secretFile() != null) {
                        throw new SecretFileWinsException(trial.config().secretFile());
                    }
                    secrets.save(trial.config().accountId(), trial.config().endpoint(), secret);
                    named.add("secret");
                }
            } finally {
                clear(secret);
            }
            recorder.record("changed: " + String.join(", ", named));
            Desk desk = starter.start(trial.config());
            try {
                return new Applied(store.save(changes), desk);
            } catch (ConfigException | RuntimeException e) {
                desk.close();
                throw e;
            }
        }, applied -> {
            onApplied.accept(applied);
            newSecretEntered.set(false);
            notice.set(new SettingsNotice(SettingsNotice.Kind.SAVED, applied.loaded().userFile().toString()));
            load();
        }, error -> {
            busy.set(false);
            clear(secret);
            LOG.log(System.Logger.Level.WARNING, "settings not saved: " + error.getMessage());
            notice.set(new SettingsNotice(error instanceof SecretFileWinsException
                    ? SettingsNotice.Kind.SECRET_FILE_WINS : SettingsNotice.Kind.SAVE_FAILED, error.getMessage()));
        });
    }

    /** The typed values that differ from the files', as configuration values; locked fields never. */
    SettingsDraft draft() {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (SettingsField field : SettingsField.values()) {
            String text = values.get(field).get().strip();
            if (field == SettingsField.SECRET || locked.get().contains(field) || text.equals(initial.get(field))) {
                continue;
            }
            changes.put(field.configName(), text.isEmpty() ? null : value(field, text));
        }
        return new SettingsDraft(changes);
    }

    private static Object value(SettingsField field, String text) {
        switch (field) {
            case DEPOSIT:
                return SettingsRules.deposit(text);
            case AUTO_CLEAR:
                return SettingsRules.wholeNumber(text);
            case PINS:
                return SettingsRules.pins(text);
            default:
                return text;
        }
    }

    private void revalidate() {
        problems.set(Map.copyOf(SettingsRules.check(field -> values.get(field).get(), locked.get(),
                // while the store is still being asked, no "required" in red: the secret may well be there
                secretStored.get() || secretStatus.get() == null, newSecretEntered.get())));
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining("\n"));
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        return String.valueOf(value);
    }

    private static void clear(byte[] secret) {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** The typed text of a field; bind a control to it unless {@link #lockedProperty()} holds the field. */
    public StringProperty valueProperty(SettingsField field) {
        return values.get(field);
    }

    /** Set by the view when the secret field holds text (the text itself stays in the view). */
    public BooleanProperty newSecretEnteredProperty() {
        return newSecretEntered;
    }

    public ReadOnlyObjectProperty<Set<SettingsField>> lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Map<SettingsField, SettingsProblem>> problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** Whether a secret is stored for the account: all the screen ever shows of it. */
    public ReadOnlyBooleanProperty secretStoredProperty() {
        return secretStored.getReadOnlyProperty();
    }

    /**
     * Whether a secret is stored and where the desk reads it from (the store's name or the secret file); {@code null}
     * while the store is being asked, and nothing can be saved or tested until it answers.
     */
    public ReadOnlyObjectProperty<SecretSaver.SecretStatus> secretStatusProperty() {
        return secretStatus.getReadOnlyProperty();
    }

    /** The last connection test's report (steps, diagnosis, action), or {@code null} before a test. */
    public ReadOnlyObjectProperty<ConnectionReport> testReportProperty() {
        return testReport.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SettingsNotice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The configuration as last read: the files' places and what IT locked. */
    public ReadOnlyObjectProperty<LoadedConfig> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Save and test are possible: read, not busy, nothing invalid. */
    public BooleanBinding canActBinding() {
        return canAct;
    }
}
