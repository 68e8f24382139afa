package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configured endpoint whose CA bundle cannot be used stops the start instead of falling back to system trust. */
class WiringTlsTest {
    @TempDir
    Path dir;

    @Test
    void refusesToStartWithACaBundleThatHoldsNoCertificate() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "not-a-real-secret");
        Path bundle = Files.writeString(dir.resolve("hospital-ca.pem"), "not a certificate\n");
        Config config = new Config("https://verify.example.gov.cn/", "H310104-0001", secret, "w03-li", "ADM-W03",
                dir.resolve("audit.db"), null, Duration.ofSeconds(3), null, null, Duration.ofSeconds(30),
                Locale.ENGLISH, bundle, List.of());

        assertThatThrownBy(() -> Wiring.start(config).close())
                .isInstanceOf(ConfigException.class).hasMessageContaining(bundle.toString());
    }
}
