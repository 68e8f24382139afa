package com.waiverdesk.ui.settings;

/** The settings IT edits on the settings screen, each with its field in the configuration file. */
public enum SettingsField {
    ENDPOINT("endpoint"),
    ACCOUNT("accountId"),
    /** The secret itself is never a field; what the file names is where it is kept. */
    SECRET("secretFile"),
    CA_BUNDLE("caBundle"),
    PINS("certificatePins"),
    OPERATOR_MODE("operatorIdMode"),
    WORKSTATION("workstation"),
    DEPOSIT("standardDeposit"),
    POLICY("policyFile"),
    AUDIT_DB("auditDatabase"),
    AUTO_CLEAR("autoClearSeconds");

    private final String configName;

    SettingsField(String configName) {
        this.configName = configName;
    }

    /** The field's name in the configuration file (and in a machine-wide file's {@code locked}). */
    public String configName() {
        return configName;
    }
}
