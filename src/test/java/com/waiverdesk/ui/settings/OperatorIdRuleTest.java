package com.waiverdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OperatorIdRuleTest {
    @ParameterizedTest
    @CsvSource({"w03-li, w03-li", "'  w03-li  ', w03-li", "李明, 李明", "abcdefghijklmnopqrstuvwxyz012345, abcdefghijklmnopqrstuvwxyz012345"})
    void acceptsUpTo32CharactersTrimmed(String typed, String id) {
        assertThat(OperatorIdRule.accept(typed)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "abcdefghijklmnopqrstuvwxyz0123456", "w03\tli", "w03\nli"})
    void refusesEmptyTooLongOrControlCharacters(String typed) {
        assertThat(OperatorIdRule.accept(typed)).isNull();
    }

    @org.junit.jupiter.api.Test
    void countsCharactersNotUtf16Units() {
        assertThat(OperatorIdRule.accept("𠀀".repeat(32))).isNotNull();
        assertThat(OperatorIdRule.accept("𠀀".repeat(33))).isNull();
    }
}
