package com.waiverdesk.app;

/** The configuration cannot be used; the message names the file and the field and says what is wrong. */
public class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
