package com.waiverdesk.ui.settings;

import com.waiverdesk.app.Config;
import com.waiverdesk.app.ConfigException;
import com.waiverdesk.app.ConnectionTexts;
import com.waiverdesk.app.DemoConnection;
import com.waiverdesk.app.SettingsStore;
import com.waiverdesk.app.Wiring;
import com.waiverdesk.app.secret.SecretStoreException;
import com.waiverdesk.ui.common.Texts;
import com.waiverdesk.verification.ConnectionTest;
import com.waiverdesk.verification.Diagnosis;
import com.waiverdesk.verification.ServiceAccount;
import com.waiverdesk.verification.StepResult;
import com.waiverdesk.verification.TlsSettings;
import com.waiverdesk.verification.VerificationHttp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * "Test connection" with the connection-test engine: the typed settings go through the desk's own reader (as a save
 * would), the secret is the one typed now (kept in memory only, never written for the test) or else the stored one
 * (secret file or secret store, as the desk would read it), and the engine's steps and diagnosis come back in the
 * desk's language, worded exactly as {@code waiverdesk test-connection} words them. With no service URL both test the
 * built-in demo the desk would run ({@link DemoConnection}).
 */
public final class ServiceConnectionTester implements ConnectionTester {
    private final SettingsStore settings;
    private final SecretStoreSession secrets;
    private final Texts texts;
    private final ConnectionTexts words;
    private final ConnectionTest engine;

    public ServiceConnectionTester(SettingsStore settings, SecretStoreSession secrets, Texts texts,
                                   ConnectionTest engine) {
        this.settings = settings;
        this.secrets = secrets;
        this.texts = texts;
        this.words = new ConnectionTexts(texts.locale());
        this.engine = engine;
    }

    @Override
    public ConnectionReport test(SettingsDraft draft, byte[] newSecret) {
        Config config;
        ServiceAccount account;
        TlsSettings tls;
        try {
            config = settings.trial(draft.changes()).config();
            if (config.isDemo()) {
                return demo();
            }
            account = newSecret != null ? new ServiceAccount(config.endpoint(), config.accountId(), newSecret)
                    : Wiring.serviceAccount(config, config.secretFile() != null ? null : secrets.store());
            tls = new TlsSettings(config.caBundle(), config.certificatePins(),
                    VerificationHttp.parseBaseUrl(config.endpoint()).host());
        } catch (ConfigException | SecretStoreException | IllegalArgumentException e) {
            return ConnectionReport.sentence(ConnectionReport.Outcome.FAILED,
                    texts.get("settings.test.badSettings", e.getMessage()));
        }
        return words(engine.run(account, tls));
    }

    /** No service URL: the built-in demo is tested, as {@code test-connection} does, and the report says so first. */
    private ConnectionReport demo() {
        DemoConnection.Tested tested;
        try {
            tested = DemoConnection.test(engine);
        } catch (IOException e) {
            return ConnectionReport.sentence(ConnectionReport.Outcome.FAILED,
                    texts.get("settings.test.demoNotStarted", e.getMessage()));
        }
        ConnectionReport found = words(tested.report());
        // the demo's sentence leads the notice, as it leads test-connection's output; amber even when it answers,
        // since a desk on the demo is not ready for real admissions
        return new ConnectionReport(found.works() ? ConnectionReport.Outcome.WARNING : found.outcome(),
                words.demoLine(tested.baseUrl()) + "\n" + found.diagnosis(), found.action(), found.details());
    }

    private ConnectionReport words(com.waiverdesk.verification.ConnectionReport found) {
        List<String> details = new ArrayList<>();
        for (StepResult step : found.steps()) {
            details.add(words.stepLine(step));
        }
        details.add(words.clockOffset(found));
        Diagnosis diagnosis = found.diagnosis();
        ConnectionReport.Outcome outcome = diagnosis == Diagnosis.OK ? ConnectionReport.Outcome.OK
                : diagnosis.works() ? ConnectionReport.Outcome.WARNING : ConnectionReport.Outcome.FAILED;
        return new ConnectionReport(outcome, words.diagnosisLine(found), words.actionLine(diagnosis), details);
    }
}
