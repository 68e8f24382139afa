package com.waiverdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Check characters below were computed outside this code (by hand and a separate script), not by checkCharacter. */
class ResidentIdTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "440524188001010014", "310104198003071235", "310104188001010018"})
    void acceptsValidNumbers(String number) throws InvalidInputException {
        assertThat(ResidentId.parse(number, TODAY).value()).isEqualTo(number);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "  11010519491231002X  |11010519491231002X",
        "110105 1949 1231 002X|11010519491231002X",
        "11010519491231002x|11010519491231002X",
        "１１０１０５１９４９１２３１００２Ｘ|11010519491231002X",
        "１１０１０５１９４９１２３１００２ｘ|11010519491231002X",
        "110105-19491231-002X|11010519491231002X",
        "110105\u201319491231\u2014002X|11010519491231002X",
        "110105\uFF0D19491231\u2212002x|11010519491231002X",
        "110105\u300019491231\u00A0002X|11010519491231002X",
        "\t11010519491231002X\u2003|11010519491231002X",
        "4405 2418 8001 0100 14|440524188001010014",
    })
    void normalizesCopyPasteForms(String raw, String expected) throws InvalidInputException {
        assertThat(ResidentId.normalize(raw)).isEqualTo(expected);
        assertThat(ResidentId.parse(raw, TODAY).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n", "\u3000", "- -", "\u00A0"})
    void rejectsEmptyInput(String raw) {
        assertRejected(raw, InputProblem.ID_EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "11010519491231002",        // 17
        "110105194912310021X",      // 19, ending in X
        "1101051949123100200",      // 19
        "1101051949123100",         // 16
        "1101051949123100X",        // 17, ending in X
        "11010549123100X",          // 15, ending in X: legacy numbers have no check character
        "1",
        "1101051949123100201234567890",
    })
    void rejectsWrongLength(String raw) {
        assertRejected(raw, InputProblem.ID_WRONG_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "11010519491231002A",
        "1101051949123X002X",
        "X1010519491231002X",
        "1101051949123100XX",
        "11010519491231O02X",
        "110105194912310\u06602X",  // Arabic-Indic zero: a digit, but not one of ours
        "11010519491231002X.",
        "1101051949123100A",       // wrong length too, but the letter is the first thing to fix
    })
    void rejectsBadCharacters(String raw) {
        assertRejected(raw, InputProblem.ID_BAD_CHARACTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "110105194902300020",  // 30 February
        "110105194902290029",  // 29 February of a common year
        "110105194913310021",  // month 13
        "110105194901000026",  // day 0
        "11010519490001002X",  // month 0
        "110105187912310024",  // 1879: before any living person
        "310104801307123",     // legacy, month 13
    })
    void rejectsImpossibleDates(String raw) {
        assertRejected(raw, InputProblem.ID_IMPOSSIBLE_DATE);
    }

    @Test
    void acceptsLeapDay() throws InvalidInputException {
        assertThat(ResidentId.parse("110105194802290021", TODAY).birthDate()).isEqualTo(LocalDate.of(1948, 2, 29));
    }

    @Test
    void rejectsBirthDateAfterTheGivenToday() throws InvalidInputException {
        assertRejected("310104202611290027", InputProblem.ID_FUTURE_DATE);
        assertThat(ResidentId.parse("310104202611290027", TODAY.plusDays(1)).birthDate()).isEqualTo(TODAY.plusDays(1));
    }

    @Test
    void acceptsBirthOnTheGivenToday() throws InvalidInputException {
        assertThat(ResidentId.parse("310104202611280021", TODAY).birthDate()).isEqualTo(TODAY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "110105194912310021",  // 1 instead of X
        "440524188001010015",
        "110105194912310020",
        "101105194912310020",  // first two digits swapped
        "110105194912310030",  // last body digit changed
    })
    void rejectsWrongCheckDigit(String raw) {
        assertRejected(raw, InputProblem.ID_WRONG_CHECK_DIGIT);
    }

    @ParameterizedTest
    @CsvSource({
        "310104800307123, 310104198003071235",
        "440524800101001, 440524198001010013",
        "'310104 800307 123', 310104198003071235",
    })
    void upgradesLegacyFifteenDigitNumbers(String legacy, String expected) throws InvalidInputException {
        ResidentId id = ResidentId.parse(legacy, TODAY);
        assertThat(id.value()).isEqualTo(expected);
        assertThat(id).isEqualTo(ResidentId.parse(expected, TODAY));
    }

    @ParameterizedTest
    @CsvSource({
        "11010519491231002X, 110105, 1949-12-31, FEMALE",
        "440524188001010014, 440524, 1880-01-01, MALE",
        "310104198601010029, 310104, 1986-01-01, FEMALE",
        "310104198601010037, 310104, 1986-01-01, MALE",
        "310104198601010045, 310104, 1986-01-01, FEMALE",
    })
    void readsRegionBirthDateAndSex(String number, String region, LocalDate birth, ResidentId.Sex sex)
            throws InvalidInputException {
        ResidentId id = ResidentId.parse(number, TODAY);
        assertThat(id.regionCode()).isEqualTo(region);
        assertThat(id.birthDate()).isEqualTo(birth);
        assertThat(id.sex()).isEqualTo(sex);
    }

    @ParameterizedTest
    @CsvSource({
        "11010519491231002X, 110105********002X",
        "440524188001010014, 440524********0014",
        "310104198003071235, 310104********1235",
    })
    void masksAllButFirstSixAndLastFour(String number, String masked) throws InvalidInputException {
        ResidentId id = ResidentId.parse(number, TODAY);
        assertThat(id.masked()).isEqualTo(masked);
        assertThat(ResidentId.mask(number)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', nullValues = "NULL", emptyValue = "", value = {
        "NULL|''",
        "''|''",
        "1234|****",
        "11010519491231002|*****************",
        "11010519491231|**************",
        "310104800307123|***************",
        "1101051949123100201|110105*********0201",
        "１１０１０５１９４９１２３１００２ｘ|110105********002X",
        "11010A1949123100QX|11010A********00QX",
    })
    void masksShortOrInvalidInputWithoutRevealingTheBirthDate(String raw, String masked) {
        assertThat(ResidentId.mask(raw)).isEqualTo(masked == null ? "" : masked);
    }

    @ParameterizedTest(name = "[{index}] U+{0}")
    @ValueSource(strings = {
        "202E",  // right-to-left override (Cf, bidirectional)
        "2066",  // left-to-right isolate (Cf, bidirectional)
        "200F",  // right-to-left mark (Cf, bidirectional)
        "200B",  // zero-width space (Cf), from a web page
        "FEFF",  // byte order mark (Cf)
        "0000",  // NUL (Cc)
        "001B",  // escape (Cc), a terminal's control sequences
        "007F",  // delete (Cc)
        "0085",  // next line (Cc)
        "E000",  // private use (Co)
        "0378",  // unassigned (Cn)
    })
    void refusesInvisibleCharactersWithTheirOwnProblem(String hex) {
        String c = new String(Character.toChars(Integer.parseInt(hex, 16)));
        assertRejected("11010519491231002" + c + "X", InputProblem.ID_HAS_CONTROL_CHARACTERS);
        assertRejected(c + "11010519491231002X", InputProblem.ID_HAS_CONTROL_CHARACTERS);
        assertRejected("11010519491231002X" + c, InputProblem.ID_HAS_CONTROL_CHARACTERS);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "\u202E310104198003071235|\uFFFD31010*********1235",
        "310104198003071235\u0000|310104*********235\uFFFD",
        "310104198003071235\u200B|310104*********235\uFFFD",
        "3101041980\u202E03071235|310104*********1235",
        "31010419800307123\u0000|310104********123\uFFFD",
        "\uD800310104198003071235|\uFFFD31010*********1235",
    })
    void masksShowNoInvisibleCharacter(String raw, String masked) {
        assertThat(ResidentId.mask(raw)).isEqualTo(masked);
    }

    @Test
    void masksWholeCharactersNeverHalfASurrogatePair() {
        String emoji = "\uD83D\uDE00";
        assertThat(ResidentId.mask(emoji.repeat(20)))
                .isEqualTo(emoji.repeat(6) + "**********" + emoji.repeat(4));
    }

    @ParameterizedTest(name = "[{index}] {0} characters")
    @CsvSource({
        "32, 111111**********************1111",
        "33, 111111*************************\u2026",
        "10485760, 111111*************************\u2026",
    })
    void capsTheMaskAtThirtyTwoCharacters(int length, String masked) {
        assertThat(ResidentId.MAX_MASKED_LENGTH).isEqualTo(32);
        assertThat(masked).hasSize(32);
        assertThat(ResidentId.mask("1".repeat(length))).isEqualTo(masked);
    }

    @Test
    void toStringNeverRevealsTheNumber() throws InvalidInputException {
        ResidentId id = ResidentId.parse("11010519491231002X", TODAY);
        assertThat(id.toString()).isEqualTo("110105********002X").doesNotContain("19491231");
    }

    @Test
    void equalsByNormalizedValue() throws InvalidInputException {
        ResidentId a = ResidentId.parse("11010519491231002X", TODAY);
        ResidentId b = ResidentId.parse(" 110105 19491231 002x ", TODAY);
        ResidentId other = ResidentId.parse("440524188001010014", TODAY);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(other).isNotEqualTo("11010519491231002X");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002", "110105194912310021", "110105194902300020", "310104202611290027",
        "11010519491231002A", "  "})
    void exceptionMessagesNeverContainTheInput(String raw) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ResidentId.parse(raw, TODAY));
        assertThat(e.getMessage()).isEqualTo(e.problem().name());
        assertThat(e.getMessage()).doesNotContain("110105", "310104", "1949", "2026");
    }

    @Test
    void checkCharacterNeedsSeventeenDigitsAndDoesNotEchoThem() {
        assertThatThrownBy(() -> ResidentId.checkCharacter("1101051949123100"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("1101051949123100");
    }

    @Test
    void everyWrongCheckCharacterIsRejectedAndOnlyTheRightOneAccepted() throws InvalidInputException {
        Random random = new Random(20261128L);
        String checks = "0123456789X";
        for (int n = 0; n < 300; n++) {
            LocalDate birth = LocalDate.of(1900, 1, 1).plusDays(random.nextInt(45_000));
            String body = String.format("%06d%s%03d", 110000 + random.nextInt(800_000),
                    birth.toString().replace("-", ""), random.nextInt(1000));
            char right = ResidentId.checkCharacter(body);
            assertThat(ResidentId.parse(body + right, TODAY).birthDate()).isEqualTo(birth);
            for (char c : checks.toCharArray()) {
                if (c != right) {
                    assertRejected(body + c, InputProblem.ID_WRONG_CHECK_DIGIT);
                }
            }
        }
    }

    private static void assertRejected(String raw, InputProblem expected) {
        assertThatThrownBy(() -> ResidentId.parse(raw, TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problem()).isEqualTo(expected));
    }
}
