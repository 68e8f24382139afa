package com.waiverdesk.app;

/**
 * A command-line option tries to change a setting hospital IT locked in the machine-wide configuration: a usage
 * error (exit 64), not a broken configuration, so the desk does not start as if nothing were wrong.
 */
public final class LockedSettingException extends ConfigException {
    private static final long serialVersionUID = 1L;

    public LockedSettingException(String message) {
        super(message);
    }
}
