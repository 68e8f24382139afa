package com.waiverdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.app.AppPaths;
import com.waiverdesk.app.ConfigOptions;
import com.waiverdesk.app.SettingsStore;
import com.waiverdesk.mock.MockAccount;
import com.waiverdesk.mock.MockVerificationService;
import com.waiverdesk.ui.common.Texts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interim "test connection": the desk's signed health check against the bundled mock, with typed settings. */
class HealthCheckTesterTest {
    private final Texts texts = new Texts(Locale.ENGLISH);

    @TempDir
    Path dir;

    private MockVerificationService mock;
    private HealthCheckTester tester;

    @BeforeEach
    void setUp() throws IOException {
        mock = MockVerificationService.startDemo();
        AppPaths paths = new AppPaths(dir.resolve("config"), dir.resolve("data"));
        tester = new HealthCheckTester(new SettingsStore(new ConfigOptions(), paths, Map.of()), texts);
    }

    @AfterEach
    void tearDown() {
        mock.close();
    }

    private SettingsDraft draft(String endpoint) {
        Map<String, Object> changes = new HashMap<>();
        changes.put("endpoint", endpoint);
        changes.put("accountId", MockAccount.DEMO_ID);
        return new SettingsDraft(changes);
    }

    @Test
    void theRightSecretPasses() throws IOException {
        byte[] secret = mock.serviceAccount().secret();

        ConnectionReport report = tester.test(draft(mock.baseUrl()), secret);

        assertThat(report.ok()).as(report.text()).isTrue();
        assertThat(report.text()).isEqualTo(texts.get("settings.test.ok", mock.baseUrl()));
        try (var left = Files.list(dir.resolve("config"))) {
            assertThat(left).noneMatch(path -> path.getFileName().toString().contains("trial"));
        }
    }

    @Test
    void aWrongSecretSaysTheServiceRefusedTheSignature() throws IOException {
        ConnectionReport report = tester.test(draft(mock.baseUrl()),
                "not-the-secret".getBytes(StandardCharsets.UTF_8));

        assertThat(report.ok()).isFalse();
        assertThat(report.text()).contains(texts.get("failure.AUTHENTICATION_FAILED")).doesNotContain("not-the-secret");
    }

    @Test
    void settingsTheReaderRefusesAreReportedNamingTheField() throws IOException {
        SettingsDraft draft = draft(mock.baseUrl());
        Map<String, Object> changes = new HashMap<>(draft.changes());
        changes.put("caBundle", dir.resolve("missing.pem").toString());

        ConnectionReport report = tester.test(new SettingsDraft(changes), "x".getBytes(StandardCharsets.UTF_8));

        assertThat(report.ok()).isFalse();
        assertThat(report.text()).contains("caBundle");
    }

    @Test
    void theDemoNeedsNoTest() throws IOException {
        ConnectionReport report = tester.test(new SettingsDraft(Map.of()), null);

        assertThat(report.ok()).isTrue();
        assertThat(report.text()).isEqualTo(texts.get("settings.test.demo"));
    }
}
