package com.waiverdesk.ui.settings;

/** Why a typed setting cannot be saved; the screen shows it beside the field, in the desk's language. */
public enum SettingsProblem {
    /** Not an https URL (plain http only to this computer), or has a query, fragment or user name. */
    ENDPOINT_INVALID,
    /** An account, CA bundle or pins without an endpoint: the demo would answer in place of the service. */
    ENDPOINT_NEEDED,
    REQUIRED,
    PIN_INVALID,
    PATH_INVALID,
    AUDIT_DB_INVALID,
    DEPOSIT_INVALID,
    WHOLE_NUMBER_INVALID
}
