package com.waiverdesk.app;

import com.waiverdesk.mock.MockVerificationService;
import com.waiverdesk.verification.ConnectionReport;
import com.waiverdesk.verification.ConnectionTest;
import com.waiverdesk.verification.TlsSettings;
import java.io.IOException;

/**
 * The connection test when no service URL is configured, one rule for both faces ({@code test-connection} and the
 * settings screen's button): the desk would run the built-in demo, so the test starts a demo service as the desk
 * does, sends it the same signed health check, and reports every step, led by {@link ConnectionTexts#demoLine} so
 * that no one takes it for the municipal service. Blocking: starts a server on loopback.
 */
public final class DemoConnection {
    /** What the test found, and where the demo it tested listened. */
    public record Tested(String baseUrl, ConnectionReport report) {
    }

    private DemoConnection() {
    }

    public static Tested test(ConnectionTest engine) throws IOException {
        try (MockVerificationService demo = MockVerificationService.startDemo()) {
            return new Tested(demo.baseUrl(), engine.run(demo.serviceAccount(), TlsSettings.SYSTEM));
        }
    }
}
