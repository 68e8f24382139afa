package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.waiverdesk.app.secret.EncryptedFileStore;
import com.waiverdesk.app.secret.SecretStore;
import com.waiverdesk.verification.ServiceAccount;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Wiring#serviceAccount}: where the secret comes from, and what is said when there is none. */
class ServiceAccountSecretTest {
    private static final String ENDPOINT = "https://verify.example.gov.cn/gw/";
    private static final String ACCOUNT = "H310104-0001";
    private static final byte[] STORED = "synthetic-stored-secret".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private SecretStore store;

    @BeforeEach
    void setUp() {
        store = new EncryptedFileStore(dir.resolve("data"));
    }

    private Config config(String endpoint, Path secretFile) {
        return new Config(endpoint, ACCOUNT, secretFile, "w03-li", "ADM-W03", dir.resolve("audit.db"), null,
                Duration.ofSeconds(3), null, null, Duration.ofSeconds(30), Locale.ENGLISH);
    }

    @Test
    void withoutASecretFileTheStoredSecretIsUsed() throws Exception {
        store.write(SecretStore.accountKey(ACCOUNT, ENDPOINT), STORED);

        ServiceAccount account = Wiring.serviceAccount(config(ENDPOINT, null), store);

        assertThat(account.secret()).isEqualTo(STORED);
        assertThat(account.accountId()).isEqualTo(ACCOUNT);
        assertThat(account.baseUrl()).isEqualTo(ENDPOINT);
    }

    @Test
    void aConfiguredSecretFileStillWinsOverTheStore() throws Exception {
        store.write(SecretStore.accountKey(ACCOUNT, ENDPOINT), STORED);
        Path file = Files.writeString(dir.resolve("account.secret"), "synthetic-file-secret\n");

        assertThat(Wiring.serviceAccount(config(ENDPOINT, file), store).secret())
                .isEqualTo("synthetic-file-secret".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSecretFileOtherUsersCanReadIsUsedButWarnedAboutWithoutItsContent() throws Exception {
        Path loose = Files.writeString(dir.resolve("loose.secret"), "synthetic-file-secret\n");
        Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rw-r--r--"));
        Path tight = Files.writeString(dir.resolve("tight.secret"), "synthetic-file-secret\n");
        Files.setPosixFilePermissions(tight, PosixFilePermissions.fromString("rw-------"));
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(new SimpleFormatter().formatMessage(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(Wiring.class.getName());
        logger.addHandler(capture);
        try {
            assertThat(Wiring.serviceAccount(config(ENDPOINT, tight), store).secret())
                    .isEqualTo("synthetic-file-secret".getBytes(StandardCharsets.UTF_8));
            assertThat(warnings).isEmpty();

            assertThat(Wiring.serviceAccount(config(ENDPOINT, loose), store).secret())
                    .isEqualTo("synthetic-file-secret".getBytes(StandardCharsets.UTF_8));
        } finally {
            logger.removeHandler(capture);
        }
        assertThat(warnings).singleElement().asString()
                .contains(loose.toString(), "rw-r--r--", "waiverdesk secret set")
                .doesNotContain("synthetic-file-secret");
        assertThat(Wiring.readableByOthers(tight)).isEmpty();
        assertThat(Wiring.readableByOthers(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void aSecretStoredForAnotherHostIsNotSentHere() throws Exception {
        store.write(SecretStore.accountKey(ACCOUNT, "https://test.verify.example.gov.cn/"), STORED);

        assertThatThrownBy(() -> Wiring.serviceAccount(config(ENDPOINT, null), store))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("No secret stored for account " + ACCOUNT + " at host verify.example.gov.cn")
                .hasMessageContaining("settings screen")
                .hasMessageContaining("waiverdesk secret set");
    }

    @Test
    void aStoreThatCannotBeReadIsAConfigurationErrorWithItsReason() throws Exception {
        store.write(SecretStore.accountKey(ACCOUNT, ENDPOINT), STORED);
        Files.writeString(dir.resolve("data").resolve("secrets.key"), "00".repeat(32));

        assertThatThrownBy(() -> Wiring.serviceAccount(config(ENDPOINT, null), store))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cannot be decrypted here")
                .hasMessageNotContaining(new String(STORED, StandardCharsets.UTF_8));
    }

    @Test
    void theDemoHasNoAccountToRead() {
        assertThatThrownBy(() -> Wiring.serviceAccount(config(null, null)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("demo");
    }
}
