package com.waiverdesk.ui.settings;

/**
 * What the settings screen tells IT after an action, as a kind and a detail (a technical message naming the file and
 * field, or a connection report); the view turns the kind into a sentence.
 */
public record SettingsNotice(Kind kind, String detail) {
    public enum Kind {
        LOAD_FAILED, SAVED, NOTHING_CHANGED, SAVE_FAILED, NOT_VALID, TEST_OK, TEST_WARNING, TEST_FAILED,
        /** A secret was typed, but IT locked {@code secretFile} (the detail): it would never be used. */
        SECRET_LOCKED,
        /** A secret was typed, but the machine file or the command line names a secret file (the detail) that wins. */
        SECRET_FILE_WINS;

        public boolean isProblem() {
            return this == LOAD_FAILED || this == SAVE_FAILED || this == NOT_VALID || this == TEST_FAILED
                    || this == SECRET_LOCKED || this == SECRET_FILE_WINS;
        }
    }
}
