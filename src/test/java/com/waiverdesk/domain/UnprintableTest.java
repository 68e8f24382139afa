package com.waiverdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnprintableTest {

    @ParameterizedTest(name = "[{index}] U+{0} {2}")
    @CsvSource({
        "0000, true, NUL (Cc)",
        "0007, true, bell (Cc)",
        "001B, true, escape (Cc)",
        "007F, true, delete (Cc)",
        "0085, true, next line (Cc)",
        "009B, true, C1 control sequence introducer (Cc)",
        "200B, true, zero-width space (Cf)",
        "200D, true, zero-width joiner (Cf)",
        "200E, true, left-to-right mark (Cf)",
        "202A, true, left-to-right embedding (Cf)",
        "202E, true, right-to-left override (Cf)",
        "2066, true, left-to-right isolate (Cf)",
        "2069, true, pop directional isolate (Cf)",
        "061C, true, Arabic letter mark (Cf)",
        "FEFF, true, byte order mark (Cf)",
        "E0041, true, tag letter A (Cf)",
        "E000, true, private use (Co)",
        "F0000, true, supplementary private use (Co)",
        "D800, true, lone surrogate (Cs)",
        "0378, true, unassigned (Cn)",
        "2028, true, line separator (Zl)",
        "2029, true, paragraph separator (Zp)",
        "0020, false, space",
        "3000, false, ideographic space",
        "00B7, false, middle dot",
        "738B, false, 王",
        "20000, false, Han extension B",
        "0301, false, combining acute accent",
        "1F600, false, emoji (refused in names, but visible)",
        "FFFD, false, replacement character",
    })
    void tellsInvisibleAndReorderingCharactersApart(String hex, boolean unprintable, String what) {
        assertThat(Unprintable.is(Integer.parseInt(hex, 16))).as(what).isEqualTo(unprintable);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "王秀英|王秀英",
        "王\u202E秀英|王\uFFFD秀英",
        "\u0000王\u0000|\uFFFD王\uFFFD",
        "王\u200B\u200D英|王\uFFFD\uFFFD英",
        "王\uD800英|王\uFFFD英",
        "\uD840\uDC00三|\uD840\uDC00三",
    })
    void replacesEachInvisibleCharacterByOneVisibleMark(String raw, String expected) {
        assertThat(Unprintable.replace(raw)).isEqualTo(expected);
    }
}
