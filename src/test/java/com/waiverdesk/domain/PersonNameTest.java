package com.waiverdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNameTest {

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "张三|张三",
        "  张三  |张三",
        "\u3000张三\u3000|张三",
        "Ｊｏｈｎ　Ｓｍｉｔｈ|John Smith",
        "John    Smith|John Smith",
        "John\t\u2003 Smith|John Smith",
        "John\u00A0Smith|John Smith",
        "Jose\u0301 Garci\u0301a|José García",
        "ﾏｲｸ|マイク",
    })
    void normalizesWidthSpacesAndComposition(String raw, String expected) throws InvalidInputException {
        assertThat(PersonName.normalize(raw)).isEqualTo(expected);
        assertThat(PersonName.parse(raw).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00B7", "\u2022", "\u2027", "\u30FB", "\uFF65", "\u2219", "\u22C5", "\u0387"})
    void foldsEveryMiddleDotLookAlikeToU00B7(String dot) throws InvalidInputException {
        assertThat(PersonName.parse("阿依古丽" + dot + "买买提").value()).isEqualTo("阿依古丽\u00B7买买提");
    }

    @ParameterizedTest
    @ValueSource(strings = {"María José García", "O'Brien", "Nguyễn Văn An", "Jean-Luc Picard", "mary smith",
        "扎西顿珠", "阿依古丽·买买提", "欧阳娜娜", "爱新觉罗·文华", "Ng Kwok-wai", "Müller", "Ólafur Þórsson", "𠀀三"})
    void keepsRealNamesExactlyAsTyped(String name) throws InvalidInputException {
        assertThat(PersonName.parse(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n", "\u3000\u3000", "\u00A0"})
    void rejectsEmptyOrBlank(String raw) {
        assertRejected(raw, InputProblem.NAME_EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"张3", "张三1", "１张三", "John Smith 2nd", "张\u0663"})
    void rejectsDigits(String raw) {
        assertRejected(raw, InputProblem.NAME_HAS_DIGITS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"张\u0007三", "张\u0000三", "张\u001B三", "张\u007F三", "张\u200B三", "张\u200E三",
        "\uFEFF张三", "张\uE000三", "张\uD800三", "张\u0085\u0001三", "张\u001D三",
        "张\u000B三", "张\f三"})
    void rejectsControlAndInvisibleCharacters(String raw) {
        assertRejected(raw, InputProblem.NAME_HAS_CONTROL_CHARACTERS);
    }

    /**
     * What a name may hold, written by hand from the domain brief: letters of any script (Han, Latin with accents,
     * Cyrillic, Uyghur …), 〇, combining marks after a letter, single spaces, the middle dot (look-alikes folded),
     * hyphens and apostrophes. Emoji, symbols and other punctuation are refused before anything is sent.
     */
    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "王秀英|ACCEPTED",
        "欧阳娜娜|ACCEPTED",
        "阿依古丽·买买提|ACCEPTED",
        "阿依古丽•买买提|ACCEPTED",
        "爱新觉罗・文华|ACCEPTED",
        "李〇|ACCEPTED",
        "𠀀三|ACCEPTED",
        "Maria Garcia|ACCEPTED",
        "José García|ACCEPTED",
        "Jose\u0301|ACCEPTED",
        "Ólafur Þórsson|ACCEPTED",
        "Nguyễn Văn An|ACCEPTED",
        "O'Brien|ACCEPTED",
        "O’Brien|ACCEPTED",
        "Jean-Luc Picard|ACCEPTED",
        "Anne\u2010Marie|ACCEPTED",
        "Сергей Иванов|ACCEPTED",
        "ئابدۇراخمان|ACCEPTED",
        "สมชาย|ACCEPTED",
        "देव|ACCEPTED",
        "王秀英😀|NAME_HAS_SYMBOLS",
        "😀|NAME_HAS_SYMBOLS",
        "王秀英❤️|NAME_HAS_SYMBOLS",
        "王秀英👍🏻|NAME_HAS_SYMBOLS",
        "王秀英🇨🇳|NAME_HAS_SYMBOLS",
        "王★英|NAME_HAS_SYMBOLS",
        "王秀英!|NAME_HAS_SYMBOLS",
        "王秀英？|NAME_HAS_SYMBOLS",
        "王秀英.|NAME_HAS_SYMBOLS",
        "阿依古丽.买买提|NAME_HAS_SYMBOLS",
        "王、英|NAME_HAS_SYMBOLS",
        "王,英|NAME_HAS_SYMBOLS",
        "王。英|NAME_HAS_SYMBOLS",
        "王@英|NAME_HAS_SYMBOLS",
        "王#英|NAME_HAS_SYMBOLS",
        "王*英|NAME_HAS_SYMBOLS",
        "王(英)|NAME_HAS_SYMBOLS",
        "《王英》|NAME_HAS_SYMBOLS",
        "王+英|NAME_HAS_SYMBOLS",
        "王$英|NAME_HAS_SYMBOLS",
        "王¥英|NAME_HAS_SYMBOLS",
        "王_英|NAME_HAS_SYMBOLS",
        "王/英|NAME_HAS_SYMBOLS",
        "王~英|NAME_HAS_SYMBOLS",
        "\"王\"\"英\"|NAME_HAS_SYMBOLS",
        "·|NAME_HAS_SYMBOLS",
        "- '|NAME_HAS_SYMBOLS",
        "\u0301王|NAME_HAS_SYMBOLS",
        "王 \u0301|NAME_HAS_SYMBOLS",
        "王秀英\u20E3|NAME_HAS_SYMBOLS",
        "王\uFE0F秀英|NAME_HAS_CONTROL_CHARACTERS",
        "王\u200D秀英|NAME_HAS_CONTROL_CHARACTERS",
        "王\u202E秀英|NAME_HAS_CONTROL_CHARACTERS",
        "王\u2066秀英|NAME_HAS_CONTROL_CHARACTERS",
        "王\u061C秀英|NAME_HAS_CONTROL_CHARACTERS",
        "王秀英1️\u20E3|NAME_HAS_DIGITS",
    })
    void acceptsTheCharactersOfNamesAndRefusesEmojiAndSymbols(String raw, String expected) {
        if (expected.equals("ACCEPTED")) {
            assertThatCode(() -> PersonName.parse(raw)).doesNotThrowAnyException();
        } else {
            assertRejected(raw, InputProblem.valueOf(expected));
        }
    }

    @Test
    void acceptsSixtyFourCodePointsAndRejectsSixtyFive() throws InvalidInputException {
        assertThat(PersonName.parse("a".repeat(64)).value()).hasSize(64);
        assertRejected("a".repeat(65), InputProblem.NAME_TOO_LONG);
    }

    @Test
    void countsLengthInCodePointsNotChars() throws InvalidInputException {
        String wide = "\uD840\uDC00";
        assertThat(PersonName.parse(wide.repeat(64)).value()).hasSize(128);
        assertRejected(wide.repeat(65), InputProblem.NAME_TOO_LONG);
    }

    @Test
    void countsLengthAfterCollapsingSpaces() throws InvalidInputException {
        assertThat(PersonName.parse("  " + "a".repeat(32) + "     " + "b".repeat(31) + "  ").value()).hasSize(64);
    }

    @ParameterizedTest
    @CsvSource({"张三, 张*", "阿依古丽·买买提, 阿*******", "John Smith, J*********", "张, *"})
    void masksAllButTheFirstCharacter(String name, String masked) throws InvalidInputException {
        PersonName parsed = PersonName.parse(name);
        assertThat(parsed.masked()).isEqualTo(masked);
        assertThat(parsed.toString()).isEqualTo(masked);
    }

    @Test
    void masksSupplementaryCharactersWhole() throws InvalidInputException {
        assertThat(PersonName.parse("𠀀三").masked()).isEqualTo("𠀀*");
    }

    @Test
    void equalsByNormalizedValue() throws InvalidInputException {
        assertThat(PersonName.parse(" 阿依古丽・买买提 ")).isEqualTo(PersonName.parse("阿依古丽·买买提"))
                .hasSameHashCodeAs(PersonName.parse("阿依古丽·买买提"))
                .isNotEqualTo(PersonName.parse("阿依古丽"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"张3", "张\u0007三", "  "})
    void exceptionMessagesNeverContainTheName(String raw) {
        assertThatThrownBy(() -> PersonName.parse(raw))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).isEqualTo(e.problem().name()).doesNotContain("张"));
    }

    private static void assertRejected(String raw, InputProblem expected) {
        assertThatThrownBy(() -> PersonName.parse(raw))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problem()).isEqualTo(expected));
    }
}
