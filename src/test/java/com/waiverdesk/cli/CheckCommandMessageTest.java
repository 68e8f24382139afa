package com.waiverdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckCommandMessageTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Could not open the audit database: full (SQLITE_FULL).  | Could not open the audit database: full (SQLITE_FULL).",
        "Could not use the audit key file /x/audit.key: No space | Could not use the audit key file /x/audit.key: No space.",
        "ends with two..                                         | ends with two.",
    })
    void aFailureIsOneSentenceWithOneFullStop(String message, String expected) {
        assertThat(CheckCommand.sentence(message)).isEqualTo(expected);
    }
}
