package com.waiverdesk.app.secret;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javakeyring.KeyringStorageType;
import org.junit.jupiter.api.Test;

class OsSecretStoreKindTest {
    @Test
    void eachPlatformsStoreHasItsKind() {
        assertThat(OsSecretStore.kindOf(KeyringStorageType.WINDOWS_CREDENTIAL_STORE))
                .isEqualTo(SecretStore.Kind.WINDOWS_CREDENTIAL_MANAGER);
        assertThat(OsSecretStore.kindOf(KeyringStorageType.OSX_KEYCHAIN)).isEqualTo(SecretStore.Kind.MACOS_KEYCHAIN);
        assertThat(OsSecretStore.kindOf(KeyringStorageType.GNOME_KEYRING)).isEqualTo(SecretStore.Kind.SECRET_SERVICE);
    }
}
