package com.waiverdesk.app.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real OS store on Linux: a private D-Bus session ({@code dbus-run-session}) with GNOME Keyring unlocked by a
 * known password in a throw-away home, and the desk's store writing, reading and deleting through it. Skipped where
 * those programs are missing ({@code .ci/run} installs them: gnome-keyring, dbus-daemon).
 */
@EnabledOnOs(OS.LINUX)
class SecretServiceRoundTripTest {
    @TempDir
    Path home;

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(":")).anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    private Map<String, String> inKeyringSession(String mode) throws Exception {
        assumeTrue(onPath("dbus-run-session") && onPath("gnome-keyring-daemon"), "no real Secret Service here:"
                + " install gnome-keyring and dbus-daemon (apt) to run this test");
        List<String> command = new ArrayList<>(List.of("dbus-run-session", "--", "sh", "-c",
                "printf %s \"$KEYRING_PASSWORD\" | gnome-keyring-daemon --unlock --components=secrets >/dev/null"
                        + " && exec \"$@\"", "keyring-session"));
        command.addAll(ChildJvm.javaCommand(mode, home.resolve("data").toString(), "roundtrip"));
        return ChildJvm.run(command, home, Map.of("KEYRING_PASSWORD", "synthetic-keyring-password"));
    }

    @Test
    void storesReadsAndDeletesThroughGnomeKeyring() throws Exception {
        Map<String, String> child = inKeyringSession("os");

        assertThat(child.get("class")).as(child.get("output")).isEqualTo("OsSecretStore");
        assertThat(child.get("store")).isEqualTo("Secret Service (D-Bus)");
        assertThat(child.get("readBack")).isEqualTo("true");
        assertThat(child.get("deleted")).isEqualTo("true");
        assertThat(child.get("afterDelete")).isEqualTo("false");
        assertThat(Files.exists(home.resolve("data").resolve(EncryptedFileStore.SECRETS_FILE)))
                .as("nothing went to the fallback file").isFalse();
    }

    @Test
    void autoPrefersTheKeyringOverTheFile() throws Exception {
        Map<String, String> child = inKeyringSession("auto");

        assertThat(child.get("class")).as(child.get("output")).isEqualTo("LayeredStore");
        assertThat(child.get("store")).startsWith("Secret Service (D-Bus)");
        assertThat(child.get("readBack")).isEqualTo("true");
    }
}
