package com.waiverdesk.ui.settings;

/**
 * The "test connection" button's engine, as a port: {@link ServiceConnectionTester} runs the connection-test engine
 * ({@code com.waiverdesk.verification.ConnectionTest}) with the typed settings. Blocking: network, disk, the secret
 * store.
 */
public interface ConnectionTester {
    /**
     * @param draft     the settings as typed, not saved
     * @param newSecret the secret typed now, or {@code null} to use the stored one; the caller clears it afterwards
     */
    ConnectionReport test(SettingsDraft draft, byte[] newSecret) throws Exception;
}
