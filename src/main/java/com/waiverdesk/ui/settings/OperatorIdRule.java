package com.waiverdesk.ui.settings;

/**
 * What an operator id typed at the start of the desk must be: it goes into every query and every audit entry, so
 * not empty, at most {@value #MAX_LENGTH} characters, and no control characters that would garble a log line.
 */
public final class OperatorIdRule {
    public static final int MAX_LENGTH = 32;

    private OperatorIdRule() {
    }

    /** The id to use (trimmed), or {@code null} when the text is not one. */
    public static String accept(String text) {
        if (text == null) {
            return null;
        }
        String id = text.strip();
        if (id.isEmpty() || id.codePointCount(0, id.length()) > MAX_LENGTH
                || id.codePoints().anyMatch(Character::isISOControl)) {
            return null;
        }
        return id;
    }
}
