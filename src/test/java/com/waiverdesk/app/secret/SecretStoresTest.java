package com.waiverdesk.app.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.waiverdesk.app.AppPaths;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** How the store is chosen, and that an unusable OS store never holds up the start. */
class SecretStoresTest {
    /** Loading a JVM and the D-Bus library on a loaded 2-core machine, on top of the probe's own limit. */
    private static final long SLACK_MS = 6_000;
    /** The probe's limit in the silent-bus test: shorter than the desk's, the same mechanism. */
    private static final long SILENT_LIMIT_MS = 1_500;

    @TempDir
    Path dir;

    private AppPaths paths() {
        return new AppPaths(dir.resolve("config"), dir.resolve("data"));
    }

    @Test
    void modeComesFromThePropertyThenTheEnvironmentElseAuto() throws Exception {
        Map<String, String> env = Map.of(SecretStores.MODE_ENV, "file");

        assertThat(SecretStores.mode("os", env)).isEqualTo(SecretStores.Mode.OS);
        assertThat(SecretStores.mode(null, env)).isEqualTo(SecretStores.Mode.FILE);
        assertThat(SecretStores.mode(null, Map.of())).isEqualTo(SecretStores.Mode.AUTO);
        assertThat(SecretStores.mode(" Auto ", Map.of())).isEqualTo(SecretStores.Mode.AUTO);
    }

    @Test
    void anUnknownModeNamesTheChoices() {
        assertThatThrownBy(() -> SecretStores.mode("keychain", Map.of()))
                .isInstanceOf(SecretStoreException.class)
                .hasMessageContaining("keychain")
                .hasMessageContaining("auto, os, file")
                .hasMessageContaining(SecretStores.MODE_ENV);
    }

    @Test
    void fileModeUsesTheEncryptedFileInTheDataFolder() throws Exception {
        try (SecretStore store = SecretStores.open(paths(), SecretStores.Mode.FILE, "Linux", Duration.ofSeconds(1))) {
            assertThat(store).isInstanceOf(EncryptedFileStore.class);
            assertThat(store.description()).contains(dir.resolve("data").resolve(EncryptedFileStore.SECRETS_FILE)
                    .toString());
            assertThat(store.kind()).isEqualTo(SecretStore.Kind.ENCRYPTED_FILE);
            assertThat(store.file()).isEqualTo(dir.resolve("data").resolve(EncryptedFileStore.SECRETS_FILE));
            assertThat(store.alsoReads()).isEmpty();
        }
    }

    @Test
    void aSystemWithoutAKnownStoreFallsBackUnlessTheOsStoreIsDemanded() throws Exception {
        try (SecretStore store = SecretStores.open(paths(), SecretStores.Mode.AUTO, "Plan 9", Duration.ofSeconds(1))) {
            assertThat(store).isInstanceOf(EncryptedFileStore.class);
        }
        assertThatThrownBy(() -> SecretStores.open(paths(), SecretStores.Mode.OS, "Plan 9", Duration.ofSeconds(1)))
                .isInstanceOf(SecretStoreException.class)
                .hasMessageContaining("Plan 9");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aBusAddressPointingNowhereFallsBackToTheFileQuickly() throws Exception {
        Map<String, String> child = ChildJvm.run(ChildJvm.javaCommand("auto", dir.resolve("data").toString()), dir,
                Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + dir.resolve("no-such-bus")));

        assertThat(child.get("class")).as(child.get("output")).isEqualTo("EncryptedFileStore");
        assertThat(Long.parseLong(child.get("elapsedMs"))).as("failed without waiting for the limit")
                .isLessThan(SecretStores.LIMIT.toMillis());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aBusThatNeverAnswersCostsAtMostTheProbeLimit() throws Exception {
        Path socket = dir.resolve("silent-bus");
        List<SocketChannel> accepted = new ArrayList<>();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(server.accept());
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            }, "silent-bus");
            acceptor.setDaemon(true);
            acceptor.start();
            Map<String, String> env = Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + socket);

            String limit = "limitMs=" + SILENT_LIMIT_MS;
            Map<String, String> auto = ChildJvm.run(ChildJvm.javaCommand("auto", dir.resolve("data").toString(),
                    limit), dir, env);
            Map<String, String> demanded = ChildJvm.run(ChildJvm.javaCommand("os", dir.resolve("data").toString(),
                    limit), dir, env);

            assertThat(auto.get("class")).as(auto.get("output")).isEqualTo("EncryptedFileStore");
            assertThat(Long.parseLong(auto.get("elapsedMs")))
                    .as("it waited for the silent bus, but no longer than the limit")
                    .isBetween(SILENT_LIMIT_MS, SILENT_LIMIT_MS + SLACK_MS);
            assertThat(demanded.get("error")).as(demanded.get("output")).contains("did not answer within");
            assertThat(accepted).as("the child did try the silent bus").isNotEmpty();
        } finally {
            for (SocketChannel channel : accepted) {
                channel.close();
            }
        }
    }

    @Test
    void readsFallBackToTheFileAndAWriteMovesTheSecretToThePrimary() throws Exception {
        EncryptedFileStore primary = new EncryptedFileStore(dir.resolve("primary"), MachineBinding.NONE);
        EncryptedFileStore file = new EncryptedFileStore(dir.resolve("file"), MachineBinding.NONE);
        String key = "waiverdesk:H310104-0001@verify.example.gov.cn";
        byte[] secret = "synthetic-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        file.write(key, secret);
        LayeredStore layered = new LayeredStore(primary, file);

        assertThat(layered.read(key)).hasValueSatisfying(read -> assertThat(read).isEqualTo(secret));
        layered.write(key, secret);
        assertThat(primary.read(key)).isPresent();
        assertThat(file.read(key)).as("moved out of the file").isEmpty();
        assertThat(layered.delete(key)).isTrue();
        assertThat(layered.read(key)).isEmpty();
    }
}
