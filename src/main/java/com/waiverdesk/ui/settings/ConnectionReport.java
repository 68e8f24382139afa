package com.waiverdesk.ui.settings;

/**
 * What a connection test found, as IT reads it.
 *
 * @param ok   the service answered a signed health check
 * @param text one or more lines in the desk's language, saying what is wrong and where
 */
public record ConnectionReport(boolean ok, String text) {
}
