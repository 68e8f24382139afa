package com.waiverdesk.ui.settings;

import com.waiverdesk.app.Config;
import com.waiverdesk.app.ConfigException;
import com.waiverdesk.app.LoadedConfig;
import com.waiverdesk.app.PrivateFiles;
import com.waiverdesk.app.SettingsStore;
import com.waiverdesk.app.Wiring;
import com.waiverdesk.ui.common.Texts;
import com.waiverdesk.verification.HealthStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * TO BE REPLACED by an adapter of the connection-test engine (com.waiverdesk.verification.ConnectionTest) when it is
 * merged. Until then: the desk's own reader checks the typed settings, then one signed health check runs with them,
 * and the report says OK, or the kind of failure the client saw (unreachable, TLS, clock skew, signature, disabled
 * account …) — no finer diagnosis than that.
 */
public final class HealthCheckTester implements ConnectionTester {
    private final SettingsStore store;
    private final Texts texts;

    public HealthCheckTester(SettingsStore store, Texts texts) {
        this.store = store;
        this.texts = texts;
    }

    @Override
    public ConnectionReport test(SettingsDraft draft, byte[] newSecret) throws IOException {
        Map<String, Object> changes = new HashMap<>(draft.changes());
        Path typed = null;
        try {
            if (newSecret != null) {
                // the typed secret is tried from a private temporary file, as the desk would read it after saving
                typed = Files.createTempFile("waiverdesk-trial", ".secret");
                PrivateFiles.replace(typed, ".secret", newSecret);
                changes.put("secretFile", typed.toString());
            }
            LoadedConfig trial = store.trial(changes);
            Config config = trial.config();
            if (config.isDemo()) {
                return new ConnectionReport(true, texts.get("settings.test.demo"));
            }
            byte[] secret = Files.readString(config.secretFile(), StandardCharsets.UTF_8).strip()
                    .getBytes(StandardCharsets.UTF_8);
            HealthStatus health = Wiring.checkHealth(config.endpoint(), config.accountId(), secret,
                    config.caBundle(), config.certificatePins(), config.timeout());
            java.util.Arrays.fill(secret, (byte) 0);
            if (health.up()) {
                return new ConnectionReport(true, texts.get("settings.test.ok", config.endpoint()));
            }
            String code = health.errorCode() == null ? "" : " (" + health.errorCode() + ")";
            return new ConnectionReport(false, texts.get("settings.test.failed", config.endpoint(),
                    texts.get("failure." + health.failure()) + code));
        } catch (ConfigException e) {
            return new ConnectionReport(false, texts.get("settings.test.badSettings", e.getMessage()));
        } finally {
            if (typed != null) {
                Files.deleteIfExists(typed);
            }
        }
    }
}
