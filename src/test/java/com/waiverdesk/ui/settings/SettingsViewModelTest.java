package com.waiverdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.app.AppPaths;
import com.waiverdesk.app.Config;
import com.waiverdesk.app.ConfigException;
import com.waiverdesk.app.ConfigOptions;
import com.waiverdesk.app.Desk;
import com.waiverdesk.app.SettingsStore;
import com.waiverdesk.app.secret.EncryptedFileStore;
import com.waiverdesk.ui.common.Texts;
import com.waiverdesk.app.secret.SecretStore;
import com.waiverdesk.app.secret.SecretStoreException;
import com.waiverdesk.ui.common.BackgroundRunner;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.value.ObservableValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings screen without a window: real files in a temporary folder, a same-thread runner, fake desk start. */
class SettingsViewModelTest {
    private static final Texts TEXTS = new Texts(java.util.Locale.ENGLISH);
    private static final String HTTPS = "https://verify.example.gov.cn/gw/";
    private static final String SECRET = "synthetic-secret-4711";

    @TempDir
    Path dir;

    private AppPaths paths;
    private Path machineFile;
    private Path secretFile;
    private final List<Config> started = new ArrayList<>();
    private final List<String> recorded = new ArrayList<>();
    private final AtomicReference<SettingsViewModel.Applied> applied = new AtomicReference<>();
    private final AtomicReference<SettingsDraft> tested = new AtomicReference<>();
    private final AtomicReference<String> testedSecret = new AtomicReference<>();
    private SettingsViewModel.DeskStarter starter = config -> {
        started.add(config);
        return new Desk(config, null, null, null, List.of());
    };
    private SettingsViewModel.SaveRecorder recorder = recorded::add;
    private ConnectionReport testAnswer = ConnectionReport.sentence(ConnectionReport.Outcome.OK, "fine");
    private SecretStoreSession secrets;
    private BackgroundRunner runner = BackgroundRunner.sameThread();

    @BeforeEach
    void setUp() {
        machineFile = dir.resolve("etc/config.json");
        paths = new AppPaths(dir.resolve("config"), dir.resolve("data"), dir.resolve("logs"), machineFile);
        secretFile = dir.resolve("config/account.secret");
        secrets = SecretStoreSession.start(() -> new EncryptedFileStore(dir.resolve("data")));
    }

    @AfterEach
    void closeStore() {
        secrets.close();
    }

    private String stored(String endpoint) throws SecretStoreException {
        return secrets.store().read(SecretStore.accountKey("H310104-0001", endpoint))
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse(null);
    }

    private SettingsViewModel model() {
        SettingsStore store = new SettingsStore(new ConfigOptions(), paths, Map.of("HOSTNAME", "ADM-W03"));
        ConnectionTester tester = (draft, secret) -> {
            tested.set(draft);
            testedSecret.set(secret == null ? null : new String(secret, StandardCharsets.UTF_8));
            return testAnswer;
        };
        SettingsViewModel model = new SettingsViewModel(store, new SecretStoreSaver(secrets, TEXTS), tester,
                config -> starter.start(config), detail -> recorder.record(detail), runner,
                applied::set);
        model.load();
        return model;
    }

    private void machine(String json) throws IOException {
        Files.createDirectories(machineFile.getParent());
        Files.writeString(machineFile, json.replace('\'', '"'));
    }

    private void user(String json) throws IOException {
        Files.createDirectories(paths.configFile().getParent());
        Files.writeString(paths.configFile(), json.replace('\'', '"'));
    }

    private void deployLocked() throws IOException {
        Files.createDirectories(machineFile.getParent());
        Files.writeString(machineFile.resolveSibling("account.secret"), SECRET);
        machine("{'endpoint': '" + HTTPS + "', 'accountId': 'H310104-0001', 'secretFile': 'account.secret',"
                + " 'autoClearSeconds': 20, 'locked': ['endpoint', 'accountId', 'secretFile']}");
    }

    @Test
    void showsTheFilesValuesWhichFieldsItLockedAndWhetherASecretIsStored() throws IOException {
        deployLocked();
        user("{'workstation': 'ADM-W09'}");

        SettingsViewModel model = model();

        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.valueProperty(SettingsField.ENDPOINT).get()).isEqualTo(HTTPS);
        assertThat(model.valueProperty(SettingsField.WORKSTATION).get()).isEqualTo("ADM-W09");
        assertThat(model.valueProperty(SettingsField.AUTO_CLEAR).get()).isEqualTo("20");
        assertThat(model.valueProperty(SettingsField.OPERATOR_MODE).get()).isEqualTo("os-user");
        assertThat(model.lockedProperty().get()).containsExactlyInAnyOrder(SettingsField.ENDPOINT,
                SettingsField.ACCOUNT, SettingsField.SECRET);
        assertThat(model.secretStoredProperty().get()).isTrue();
        assertThat(model.problemsProperty().get()).isEmpty();
    }

    @Test
    void theFieldsShowBeforeTheSecretStoreAnswersAndNothingCanBeDoneUntilItDoes() throws IOException {
        user("{'endpoint': '" + HTTPS + "', 'accountId': 'H310104-0001'}");
        Deque<Runnable> held = new ArrayDeque<>();
        runner = new BackgroundRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                held.add(() -> BackgroundRunner.sameThread().run(work, onSuccess, onFailure));
            }
        };
        SettingsViewModel model = model();

        held.poll().run();

        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.valueProperty(SettingsField.ACCOUNT).get()).isEqualTo("H310104-0001");
        assertThat(model.secretStatusProperty().get()).isNull();
        assertThat(model.problemsProperty().get()).isEmpty();
        assertThat(model.canActBinding().get()).isFalse();
        assertThat(held).hasSize(1);

        held.poll().run();

        assertThat(model.secretStatusProperty().get().stored()).isFalse();
        assertThat(model.problemsProperty().get()).containsOnlyKeys(SettingsField.SECRET);
        assertThat(model.canActBinding().get()).isFalse();
    }

    @Test
    void savesOnlyWhatChangedAndNeverALockedField() throws IOException {
        deployLocked();
        SettingsViewModel model = model();
        model.valueProperty(SettingsField.ENDPOINT).set("https://elsewhere.example.com/");
        model.valueProperty(SettingsField.WORKSTATION).set("ADM-W77");

        model.save(null);

        String saved = Files.readString(paths.configFile());
        assertThat(saved).contains("\"workstation\" : \"ADM-W77\"").doesNotContain("endpoint")
                .doesNotContain("autoClearSeconds");
        assertThat(model.noticeProperty().get().kind()).isEqualTo(SettingsNotice.Kind.SAVED);
        assertThat(applied.get().desk().config().endpoint()).isEqualTo(HTTPS);
        assertThat(applied.get().desk().config().workstation()).isEqualTo("ADM-W77");
        assertThat(recorded).containsExactly("changed: workstation");
    }

    @Test
    void aFirstRunSavesTheNewSettingsAndHandsOverADeskRunningThem() throws IOException {
        SettingsViewModel model = model();
        assertThat(model.valueProperty(SettingsField.ENDPOINT).get()).isEmpty();
        model.valueProperty(SettingsField.AUTO_CLEAR).set("45");
        model.valueProperty(SettingsField.DEPOSIT).set("5000.50");
        model.valueProperty(SettingsField.OPERATOR_MODE).set("ask");

        model.save(null);

        assertThat(Files.readString(paths.configFile())).contains("\"autoClearSeconds\" : 45")
                .contains("\"standardDeposit\" : 5000.5").contains("\"operatorIdMode\" : \"ask\"");
        Config running = applied.get().desk().config();
        assertThat(running.autoClear()).hasSeconds(45);
        assertThat(running.standardDeposit()).isEqualByComparingTo("5000.50");
        assertThat(running.askOperator()).isTrue();
        assertThat(started).hasSize(1);
    }

    @Test
    void withoutAnyMachineFileItReadsSavesAndReadsAgain() {
        paths = new AppPaths(dir.resolve("config"), dir.resolve("data"));
        SettingsViewModel model = model();
        model.valueProperty(SettingsField.WORKSTATION).set("ADM-W77");

        model.save(null);

        assertThat(model.noticeProperty().get().kind()).isEqualTo(SettingsNotice.Kind.SAVED);
        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.valueProperty(SettingsField.WORKSTATION).get()).isEqualTo("ADM-W77");
        assertThat(model.currentProperty().get().machineFile()).isNull();
    }

    @Test
    void emptyingAFieldGoesBackToTheDefault() throws IOException {
        user("{'autoClearSeconds': 45, 'language': 'en'}");
        SettingsViewModel model = model();
        model.valueProperty(SettingsField.AUTO_CLEAR).set("");

        model.save(null);

        assertThat(Files.readString(paths.configFile())).doesNotContain("autoClearSeconds").contains("language");
        assertThat(applied.get().desk().config().autoClear()).hasSeconds(30);
    }

    @Test
    void checksAsTypedNamingTheFieldAndNothingCanBeSavedMeanwhile() throws IOException {
        SettingsViewModel model = model();

        model.valueProperty(SettingsField.ENDPOINT).set("http://10.1.2.3/");
        model.valueProperty(SettingsField.AUTO_CLEAR).set("0");
        model.valueProperty(SettingsField.DEPOSIT).set("-1");
        model.valueProperty(SettingsField.PINS).set("sha256/tooShort");
        model.valueProperty(SettingsField.AUDIT_DB).set("jdbc:sqlite:/a.db?mode=ro");

        assertThat(model.problemsProperty().get()).containsEntry(SettingsField.ENDPOINT,
                SettingsProblem.ENDPOINT_INVALID).containsEntry(SettingsField.AUTO_CLEAR,
                SettingsProblem.WHOLE_NUMBER_INVALID).containsEntry(SettingsField.DEPOSIT,
                SettingsProblem.DEPOSIT_INVALID).containsEntry(SettingsField.PINS, SettingsProblem.PIN_INVALID)
                .containsEntry(SettingsField.AUDIT_DB, SettingsProblem.AUDIT_DB_INVALID)
                .containsEntry(SettingsField.ACCOUNT, SettingsProblem.REQUIRED)
                .containsEntry(SettingsField.SECRET, SettingsProblem.REQUIRED);
        assertThat(model.canActBinding().get()).isFalse();
        model.save(null);
        assertThat(model.noticeProperty().get().kind()).isEqualTo(SettingsNotice.Kind.NOT_VALID);
        assertThat(paths.configFile()).doesNotExist();
    }

    @Test
    void anAccountWithoutAnEndpointIsRefusedAsTheReaderWould() {
        SettingsViewModel model = model();

        model.valueProperty(SettingsField.ACCOUNT).set("H310104-0001");

        assertThat(model.problemsProperty().get()).containsEntry(SettingsField.ENDPOINT,
                SettingsProblem.ENDPOINT_NEEDED);
    }

    @Test
    void aTypedSecretWithoutAnEndpointAsksForTheEndpoint() {
        SettingsViewModel model = model();

        model.newSecretEnteredProperty().set(true);

        assertThat(model.problemsProperty().get()).containsOnlyKeys(SettingsField.ENDPOINT);
        assertThat(model.canActBinding().get()).isFalse();
    }

    @Test
    void aTypedSecretSatisfiesTheRequirementAndGoesIntoTheSecretStoreNeverAFileOrAProperty() throws Exception {
        SettingsViewModel model = model();
        model.valueProperty(SettingsField.ENDPOINT).set(HTTPS);
        model.valueProperty(SettingsField.ACCOUNT).set("H310104-0001");
        assertThat(model.problemsProperty().get()).containsKey(SettingsField.SECRET);
        model.newSecretEnteredProperty().set(true);
        assertThat(model.problemsProperty().get()).isEmpty();
        byte[] typed = SECRET.getBytes(StandardCharsets.UTF_8);

        model.save(typed);

        assertThat(typed).containsOnly(0);
        assertThat(stored(HTTPS)).isEqualTo(SECRET);
        assertThat(secretFile).doesNotExist();
        assertThat(Files.readString(paths.configFile())).doesNotContain(SECRET).doesNotContain("secretFile");
        assertThat(applied.get().desk().config().secretFile()).isNull();
        assertThat(model.secretStoredProperty().get()).isTrue();
        assertThat(model.secretStatusProperty().get().where()).isEqualTo(SecretStoreNames.describe(secrets.store(), TEXTS));
        assertThat(model.secretStatusProperty().get().inFile()).isFalse();
        assertThat(recorded).containsExactly("changed: accountId, endpoint, secret");
        assertThat(recorded.get(0)).doesNotContain(SECRET);
        assertNoPropertyHolds(model, SECRET);
    }

    @Test
    void aSettingTheDeskWouldRefuseIsNotSavedAndTheMessageNamesTheField() throws Exception {
        user("{'workstation': 'ADM-W09'}");
        String before = Files.readString(paths.configFile());
        SettingsViewModel model = model();
        model.valueProperty(SettingsField.ENDPOINT).set(HTTPS);
        model.valueProperty(SettingsField.ACCOUNT).set("H310104-0001");
        model.valueProperty(SettingsField.CA_BUNDLE).set(dir.resolve("missing.pem").toString());
        model.newSecretEnteredProperty().set(true);

        model.save(SECRET.getBytes(StandardCharsets.UTF_8));

        assertThat(model.noticeProperty().get().kind()).isEqualTo(SettingsNotice.Kind.SAVE_FAILED);
        assertThat(model.noticeProperty().get().detail()).contains("caBundle").contains(paths.configFile().toString())
                .doesNotContain(SECRET);
        assertThat(Files.readString(paths.configFile())).isEqualTo(before);
        assertThat(applied.get()).isNull();
        assertThat(started).isEmpty();
        assertThat(recorded).isEmpty();
        assertThat(stored(HTTPS)).isNull();
    }

    @Test
    void aTypedSecretReplacesTheSecretFileOfTheUsersFileWhichWouldOtherwiseWin() throws Exception {
        Files.createDirectories(secretFile.getParent());
        Files.writeString(secretFile, "synthetic-old-secret");
        user("{'endpoint': '" + HTTPS + "', 'accountId': 'H310104-0001', 'secretFile': 'account.secret'}");
        SettingsViewModel model = model();
        assertThat(model.secretStatusProperty().get()).isEqualTo(
                new SecretSaver.SecretStatus(true, secretFile.toString(), true));
        model.newSecretEnteredProperty().set(true);

        model.save(SECRET.getBytes(StandardCharsets.UTF_8));

        assertThat(model.noticeProperty().get().kind()).isEqualTo(SettingsNotice.Kind.SAVED);
        assertThat(Files.readString(paths.configFile())).doesNotContain("secretFile").contains("H310104-0001");
        assertThat(stored(HTTPS)).isEqualTo(SECRET);
        assertThat(applied.get().desk().config().secretFile()).isNull();
        assertThat(recorded).containsExactly("changed: secretFile, secret");
        assertThat(model.secretStatusProperty().get().inFile()).isFalse();
        assertThat(model.secretStoredProperty().get()).isTrue();
    }

    @Test
    void aSecretCannotBeSavedWhenItLockedTheSecretFileAndTheNoticeSaysWhy() throws Exception {
        deployLocked();
        SettingsViewModel model = model();
        byte[] typed = SECRET.getBytes(StandardCharsets.UTF_8);

        model.save(typed);

        assertThat(model.noticeProperty().get()).isEqualTo(new SettingsNotice(SettingsNotice.Kind.SECRET_LOCKED,
                machineFile.resolveSibling("account.secret").toString()));
        assertThat(typed).containsOnly(0);
        assertThat(stored(HTTPS)).isNull();
        assertThat(paths.configFile()).doesNotExist();
        assertThat(recorded).isEmpty();
    }

    @Test
    void lockingTheSecretFileWithoutNamingOneKeepsTheSecretInTheStoreAndATypedOneIsStoredThere() throws Exception {
        machine("{'endpoint': '" + HTTPS + "', 'accountId': 'H310104-0001',"
                + " 'locked': ['endpoint', 'accountId', 'secretFile']}");
        Files.createDirectories(secretFile.getParent());
        Files.writeString(secretFile, "synthetic-ignored-secret");
        user("{'secretFile': 'account.secret', 'workstation': 'ADM-W09'}");
        SettingsViewModel model = model();
        assertThat(model.lockedProperty().get()).containsExactlyInAnyOrder(SettingsField.ENDPOINT,
                SettingsField.ACCOUNT);
        model.newSecretEnteredProperty().set(true);

        model.save(SECRET.getBytes(StandardCharsets.UTF_8));

        assertThat(model.noticeProperty().get().kind()).isEqualTo(SettingsNotice.Kind.SAVED);
        assertThat(stored(HTTPS)).isEqualTo(SECRET);
        assertThat(applied.get().desk().config().secretFile()).isNull();
        // the user's file keeps its (ignored) line: a locked field is never written
        assertThat(Files.readString(paths.configFile())).contains("secretFile").doesNotContain(SECRET);
        assertThat(recorded).containsExactly("changed: secret");
    }

    @Test
    void aSecretFileTheMachineFileStillNamesWinsSoTheTypedSecretIsNotStored() throws Exception {
        Files.createDirectories(machineFile.getParent());
        Files.writeString(machineFile.resolveSibling("account.secret"), "synthetic-machine-secret");
        machine("{'endpoint': '" + HTTPS + "', 'accountId': 'H310104-0001', 'secretFile': 'account.secret'}");
        SettingsViewModel model = model();
        model.newSecretEnteredProperty().set(true);

        model.save(SECRET.getBytes(StandardCharsets.UTF_8));

        assertThat(model.noticeProperty().get()).isEqualTo(new SettingsNotice(SettingsNotice.Kind.SECRET_FILE_WINS,
                machineFile.resolveSibling("account.secret").toString()));
        assertThat(stored(HTTPS)).isNull();
        assertThat(paths.configFile()).doesNotExist();
        assertThat(started).isEmpty();
        assertThat(recorded).isEmpty();
    }

    @Test
    void aDeskThatCannotStartLeavesTheFileAsItWas() throws IOException {
        starter = config -> {
            throw new ConfigException("Deposit policy: simulated broken policy");
        };
        SettingsViewModel model = model();
        model.valueProperty(SettingsField.POLICY).set(dir.resolve("policy.json").toString());

        model.save(null);

        assertThat(model.noticeProperty().get().kind()).isEqualTo(SettingsNotice.Kind.SAVE_FAILED);
        assertThat(model.noticeProperty().get().detail()).contains("Deposit policy");
        assertThat(paths.configFile()).doesNotExist();
        assertThat(applied.get()).isNull();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void whenTheSaveCannotBeRecordedNothingIsSaved() {
        recorder = detail -> {
            throw new IOException("simulated: audit database read-only");
        };
        SettingsViewModel model = model();
        model.valueProperty(SettingsField.WORKSTATION).set("ADM-W77");

        model.save(null);

        assertThat(model.noticeProperty().get().kind()).isEqualTo(SettingsNotice.Kind.SAVE_FAILED);
        assertThat(paths.configFile()).doesNotExist();
        assertThat(started).isEmpty();
    }

    @Test
    void testConnectionGetsTheDraftAndTheTypedSecretWhichIsClearedAfter() throws Exception {
        SettingsViewModel model = model();
        model.valueProperty(SettingsField.ENDPOINT).set(HTTPS);
        model.valueProperty(SettingsField.ACCOUNT).set("H310104-0001");
        model.newSecretEnteredProperty().set(true);
        byte[] typed = SECRET.getBytes(StandardCharsets.UTF_8);

        model.testConnection(typed);

        assertThat(tested.get().changes()).containsEntry("endpoint", HTTPS).containsEntry("accountId", "H310104-0001");
        assertThat(testedSecret.get()).isEqualTo(SECRET);
        assertThat(typed).containsOnly(0);
        assertThat(model.noticeProperty().get()).isEqualTo(new SettingsNotice(SettingsNotice.Kind.TEST_OK, "fine"));
        assertThat(model.testReportProperty().get()).isSameAs(testAnswer);
        assertThat(paths.configFile()).doesNotExist();
        assertThat(stored(HTTPS)).isNull();
    }

    @Test
    void aTestThatWorksWithAWarningOrFailsIsToldApartAndTheNextTestStartsClean() {
        testAnswer = new ConnectionReport(ConnectionReport.Outcome.WARNING, "clock near the limit", "set the clock",
                List.of("step 1"));
        SettingsViewModel model = model();

        model.testConnection(null);

        assertThat(model.noticeProperty().get())
                .isEqualTo(new SettingsNotice(SettingsNotice.Kind.TEST_WARNING, "clock near the limit"));
        assertThat(model.noticeProperty().get().kind().isProblem()).isFalse();
        testAnswer = new ConnectionReport(ConnectionReport.Outcome.FAILED, "bad signature", "re-enter it", List.of());

        model.testConnection(null);

        assertThat(model.noticeProperty().get())
                .isEqualTo(new SettingsNotice(SettingsNotice.Kind.TEST_FAILED, "bad signature"));
        assertThat(model.noticeProperty().get().kind().isProblem()).isTrue();
        assertThat(model.testReportProperty().get().action()).isEqualTo("re-enter it");
    }

    @Test
    void nothingChangedSavesNothing() {
        SettingsViewModel model = model();

        model.save(null);

        assertThat(model.noticeProperty().get().kind()).isEqualTo(SettingsNotice.Kind.NOTHING_CHANGED);
        assertThat(paths.configFile()).doesNotExist();
    }

    /** Every observable the view could show (and a log could print) is free of the secret. */
    private static void assertNoPropertyHolds(SettingsViewModel model, String secret) throws Exception {
        for (Method method : SettingsViewModel.class.getMethods()) {
            if (method.getName().endsWith("Property") && method.getParameterCount() == 0) {
                Object property = method.invoke(model);
                assertThat(String.valueOf(((ObservableValue<?>) property).getValue())).doesNotContain(secret);
                assertThat(property.toString()).doesNotContain(secret);
            }
        }
        for (SettingsField field : SettingsField.values()) {
            assertThat(model.valueProperty(field).get()).doesNotContain(secret);
        }
    }
}
