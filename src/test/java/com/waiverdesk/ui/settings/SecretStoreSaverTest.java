package com.waiverdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.waiverdesk.app.secret.EncryptedFileStore;
import com.waiverdesk.ui.common.Texts;
import com.waiverdesk.app.secret.SecretStore;
import com.waiverdesk.app.secret.SecretStoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings screen's secret goes into the workstation's secret store, keyed by account and host, never a file. */
class SecretStoreSaverTest {
    private static final Texts TEXTS = new Texts(java.util.Locale.ENGLISH);
    private static final String HTTPS = "https://verify.example.gov.cn/gw/";
    private static final String ACCOUNT = "H310104-0001";
    private static final String SECRET = "synthetic-secret-4711";

    @TempDir
    Path dir;

    private SecretStoreSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private SecretStoreSaver saver() {
        session = SecretStoreSession.start(() -> new EncryptedFileStore(dir.resolve("data")));
        return new SecretStoreSaver(session, TEXTS);
    }

    @Test
    void savesUnderTheAccountAndHostKeyAndSaysWhereWithoutTheSecret() throws Exception {
        SecretStoreSaver saver = saver();
        assertThat(saver.status(ACCOUNT, HTTPS, null).stored()).isFalse();

        saver.save(ACCOUNT, HTTPS, SECRET.getBytes(StandardCharsets.UTF_8));

        try (SecretStore store = new EncryptedFileStore(dir.resolve("data"))) {
            assertThat(store.read("waiverdesk:" + ACCOUNT + "@verify.example.gov.cn"))
                    .hasValueSatisfying(bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8))
                            .isEqualTo(SECRET));
        }
        SecretSaver.SecretStatus status = saver.status(ACCOUNT, HTTPS, null);
        assertThat(status.stored()).isTrue();
        assertThat(status.inFile()).isFalse();
        assertThat(status.where()).isEqualTo(SecretStoreNames.describe(session.store(), TEXTS)).doesNotContain(SECRET);
        assertThat(saver.status(ACCOUNT, "https://other.example.gov.cn/", null).stored()).isFalse();
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).allSatisfy(file ->
                    assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET));
        }
    }

    @Test
    void aConfiguredSecretFileIsWhereTheSecretIsRead() throws Exception {
        Path file = Files.writeString(dir.resolve("account.secret"), SECRET);
        SecretStoreSaver saver = saver();

        SecretSaver.SecretStatus status = saver.status(ACCOUNT, HTTPS, file);

        assertThat(status).isEqualTo(new SecretSaver.SecretStatus(true, file.toString(), true));
        assertThat(saver.status(ACCOUNT, HTTPS, dir.resolve("missing.secret")).stored()).isFalse();
    }

    @Test
    void theDemoHasNoSecretButTheScreenStillSaysWhereOneWouldGo() throws Exception {
        SecretStoreSaver saver = saver();

        SecretSaver.SecretStatus status = saver.status(null, null, null);

        assertThat(status.stored()).isFalse();
        assertThat(status.where()).isEqualTo(SecretStoreNames.describe(session.store(), TEXTS));
    }

    @Test
    void theStoreOpensOnItsOwnThreadAndIsClosedWithTheWindowEvenWhenItOpensLate() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicBoolean openedOnCaller = new AtomicBoolean();
        Thread caller = Thread.currentThread();
        SecretStoreSession late = SecretStoreSession.start(() -> {
            openedOnCaller.set(Thread.currentThread() == caller);
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            SecretStore file = new EncryptedFileStore(dir.resolve("data"));
            return new SecretStore() {
                @Override
                public String description() {
                    return file.description();
                }

                @Override
                public java.util.Optional<byte[]> read(String key) throws SecretStoreException {
                    return file.read(key);
                }

                @Override
                public void write(String key, byte[] secret) throws SecretStoreException {
                    file.write(key, secret);
                }

                @Override
                public boolean delete(String key) throws SecretStoreException {
                    return file.delete(key);
                }

                @Override
                public void close() {
                    closed.countDown();
                }
            };
        });

        late.close();
        release.countDown();

        assertThat(closed.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(openedOnCaller).isFalse();
        assertThatThrownBy(late::store).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStoreThatCannotOpenIsReportedByName() {
        session = SecretStoreSession.start(() -> {
            throw new SecretStoreException("Secret Service (D-Bus) cannot be used: simulated");
        });

        assertThatThrownBy(() -> new SecretStoreSaver(session, TEXTS).save(ACCOUNT, HTTPS, new byte[] {1}))
                .isInstanceOf(SecretStoreException.class).hasMessageContaining("simulated");
    }
}
