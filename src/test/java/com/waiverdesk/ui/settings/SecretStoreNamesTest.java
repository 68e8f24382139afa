package com.waiverdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.app.secret.SecretStore;
import com.waiverdesk.ui.common.Texts;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretStoreNamesTest {
    private static final Path FILE = Path.of("/home/clerk/.local/share/waiverdesk/secrets.json");

    /** A store of a kind, with an English description the screen must not show in Chinese. */
    private static SecretStore store(SecretStore.Kind kind, Path file, SecretStore alsoReads) {
        return new SecretStore() {
            @Override
            public String description() {
                return "English description of " + kind;
            }

            @Override
            public Kind kind() {
                return kind;
            }

            @Override
            public Path file() {
                return file;
            }

            @Override
            public Optional<SecretStore> alsoReads() {
                return Optional.ofNullable(alsoReads);
            }

            @Override
            public Optional<byte[]> read(String accountKey) {
                return Optional.empty();
            }

            @Override
            public void write(String accountKey, byte[] secret) {
            }

            @Override
            public boolean delete(String accountKey) {
                return false;
            }
        };
    }

    @Test
    void namesTheOsStoreAndItsFallbackFileInChinese() {
        SecretStore layered = store(SecretStore.Kind.SECRET_SERVICE, null,
                store(SecretStore.Kind.ENCRYPTED_FILE, FILE, null));

        String name = SecretStoreNames.describe(layered, new Texts(Locale.SIMPLIFIED_CHINESE));

        assertThat(name).contains("系统密钥库", "本机加密文件 " + FILE, "也读取").doesNotContain("English", "also");
    }

    @Test
    void namesEachKindInEnglishToo() {
        Texts en = new Texts(Locale.ENGLISH);

        assertThat(SecretStoreNames.describe(store(SecretStore.Kind.WINDOWS_CREDENTIAL_MANAGER, null, null), en))
                .isEqualTo("Windows Credential Manager");
        assertThat(SecretStoreNames.describe(store(SecretStore.Kind.MACOS_KEYCHAIN, null, null), en))
                .isEqualTo("macOS Keychain");
        assertThat(SecretStoreNames.describe(store(SecretStore.Kind.ENCRYPTED_FILE, FILE, null), en))
                .contains(FILE.toString());
    }

    @Test
    void anUnknownKindFallsBackToItsOwnDescription() {
        assertThat(SecretStoreNames.describe(store(SecretStore.Kind.OTHER, null, null),
                new Texts(Locale.SIMPLIFIED_CHINESE))).isEqualTo("English description of OTHER");
    }
}
