package com.waiverdesk.ui.settings;

import com.waiverdesk.app.secret.SecretStore;
import com.waiverdesk.ui.common.Texts;

/** Names a workstation's secret store in the screen's language (the store's own description is English, for logs). */
final class SecretStoreNames {
    private SecretStoreNames() {
    }

    static String describe(SecretStore store, Texts texts) {
        String name;
        switch (store.kind()) {
            case WINDOWS_CREDENTIAL_MANAGER:
                name = texts.get("settings.secret.kind.windows");
                break;
            case MACOS_KEYCHAIN:
                name = texts.get("settings.secret.kind.keychain");
                break;
            case SECRET_SERVICE:
                name = texts.get("settings.secret.kind.secretService");
                break;
            case ENCRYPTED_FILE:
                name = texts.get("settings.secret.kind.encryptedFile", String.valueOf(store.file()));
                break;
            default:
                name = store.description();
                break;
        }
        String primary = name;
        return store.alsoReads().map(fallback -> texts.get("settings.secret.kind.alsoReads", primary,
                describe(fallback, texts))).orElse(primary);
    }
}
