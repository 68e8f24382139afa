package com.waiverdesk.ui.settings;

/**
 * The "test connection" button's engine, as a port: the lead wires the full diagnosis
 * ({@code com.waiverdesk.verification.ConnectionTest} and its report formatter) here when it lands;
 * {@link HealthCheckTester} runs the desk's own signed health check until then. Blocking: network.
 */
public interface ConnectionTester {
    /**
     * @param draft     the settings as typed, not saved
     * @param newSecret the secret typed now, or {@code null} to use the stored one; the caller clears it afterwards
     */
    ConnectionReport test(SettingsDraft draft, byte[] newSecret) throws Exception;
}
