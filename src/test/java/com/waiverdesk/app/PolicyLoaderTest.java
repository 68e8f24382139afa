package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.domain.DepositPolicy;
import com.waiverdesk.domain.MatchResult;
import com.waiverdesk.domain.Outcomes;
import com.waiverdesk.domain.PolicyRule;
import com.waiverdesk.domain.VerificationOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyLoaderTest {
    private static final String CATEGORIES = "[{'code': 'SUBSISTENCE_ALLOWANCE', 'depositPercent': 0},"
            + " {'code': 'LOW_INCOME_FAMILY', 'depositPercent': 50, 'labels': {'zh': '低收入困难家庭', 'en': 'Low income'}}]";
    private static final String VALID = "{'schemaVersion': 1, 'id': 'h-2026', 'effectiveFrom': '2026-01-01',"
            + " 'source': 'board decision 2025-12', 'categories': " + CATEGORIES + "}";

    private final ObjectMapper mapper = new ObjectMapper();
    private final PolicyLoader loader = new PolicyLoader(mapper);

    @TempDir
    Path dir;

    @Test
    void bundledDefaultIsTheShanghaiRuleSince2018() throws PolicyException {
        DepositPolicy policy = loader.loadDefault();

        assertThat(policy.id()).isEqualTo("shanghai-medical-assistance-2018");
        assertThat(policy.effectiveFrom()).isEqualTo(LocalDate.of(2018, 1, 1));
        assertThat(policy.rules()).extracting(PolicyRule::category, PolicyRule::depositPercent)
                .containsExactlyElementsOf(Outcomes.shanghai2018().rules().stream()
                        .map(r -> tuple(r.category(), r.depositPercent())).toList());
        assertThat(policy.rules()).allSatisfy(rule -> assertThat(rule.labels()).containsOnlyKeys("zh", "en")
                .allSatisfy((lang, label) -> assertThat(label).isNotBlank()));
        assertThat(policy.source()).contains("2018", "低保", "特困", "支出型", "no published deposit rule");
    }

    @Test
    void bundledDefaultDecidesLikeTheDomainFixture() throws PolicyException {
        DepositPolicy bundled = loader.loadDefault();
        DepositPolicy fixture = Outcomes.shanghai2018();
        for (String grants : new String[] {"SUBSISTENCE_ALLOWANCE 2026-01-01..", "EXTREME_POVERTY_SUPPORT 2026-01-01..",
            "LOW_INCOME_FAMILY 2026-01-01..", "EXPENDITURE_POVERTY 2026-01-01..", "NEW_CODE 2026-01-01..", ""}) {
            VerificationOutcome outcome = Outcomes.answered(MatchResult.MATCH, grants);
            assertThat(bundled.decide(outcome)).as(grants).isEqualTo(fixture.decide(outcome));
        }
    }

    @Test
    void loadsAHospitalFile() throws IOException, PolicyException {
        DepositPolicy policy = loader.load(write(VALID));

        assertThat(policy.id()).isEqualTo("h-2026");
        assertThat(policy.effectiveFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(policy.source()).isEqualTo("board decision 2025-12");
        assertThat(policy.rule("SUBSISTENCE_ALLOWANCE")).hasValue(new PolicyRule("SUBSISTENCE_ALLOWANCE", 0, Map.of()));
        assertThat(policy.rule("LOW_INCOME_FAMILY").orElseThrow().labels())
                .containsExactlyInAnyOrderEntriesOf(Map.of("zh", "低收入困难家庭", "en", "Low income"));
    }

    @Test
    void loadsAFileSavedWithAByteOrderMark() throws IOException, PolicyException {
        Path file = dir.resolve("bom.json");
        byte[] json = VALID.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        Files.write(file, withBom);

        assertThat(loader.load(file).id()).isEqualTo("h-2026");
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "'schemaVersion': 1,      | 'schemaVersion': 2,         | schemaVersion | must be 1 (the only version this program reads), found 2",
        "'schemaVersion': 1,      | ``                          | schemaVersion | found nothing",
        "'schemaVersion': 1,      | 'schemaVersion': '1',       | schemaVersion | found \"1\"",
        "'schemaVersion': 1,      | 'schemaVersion': 1.0,       | schemaVersion | found 1.0",
        "'id': 'h-2026',          | ``                          | id            | must be a non-empty string, found nothing",
        "'id': 'h-2026',          | 'id': 5,                    | id            | must be a non-empty string, found 5",
        "'id': 'h-2026',          | 'id': '  ',                 | id            | must be a non-empty string",
        "'id': 'h-2026',          | 'id': null,                 | id            | found null",
        "'2026-01-01'             | '2026-13-01'                | effectiveFrom | must be a calendar date YYYY-MM-DD, found \"2026-13-01\"",
        "'2026-01-01'             | '2026-02-30'                | effectiveFrom | must be a calendar date YYYY-MM-DD",
        "'2026-01-01'             | '26-01-01'                  | effectiveFrom | must be a calendar date YYYY-MM-DD",
        "'2026-01-01'             | '2026-1-1'                  | effectiveFrom | must be a calendar date YYYY-MM-DD",
        "'2026-01-01'             | '2026-01-01T00:00:00+08:00' | effectiveFrom | must be a calendar date YYYY-MM-DD",
        "'2026-01-01'             | 20260101                    | effectiveFrom | found 20260101",
        "'source': 'board decision 2025-12',| ``                  | source        | must be a non-empty string, found nothing",
        "'source': 'board decision 2025-12',| 'source': [],      | source        | found an array of 0",
        "'depositPercent': 50     | 'depositPercent': 150       | categories[1].depositPercent | must be an integer 0..100, found 150",
        "'depositPercent': 50     | 'depositPercent': -1        | categories[1].depositPercent | must be an integer 0..100, found -1",
        "'depositPercent': 50     | 'depositPercent': 50.5      | categories[1].depositPercent | must be an integer 0..100, found 50.5",
        "'depositPercent': 50     | 'depositPercent': 50.0      | categories[1].depositPercent | must be an integer 0..100, found 50.0",
        "'depositPercent': 50     | 'depositPercent': 5e1       | categories[1].depositPercent | must be an integer 0..100",
        "'depositPercent': 50     | 'depositPercent': '50'      | categories[1].depositPercent | must be an integer 0..100, found \"50\"",
        "'depositPercent': 50     | 'depositPercent': null      | categories[1].depositPercent | must be an integer 0..100, found null",
        "'depositPercent': 50     | 'depositPercent': 4294967346| categories[1].depositPercent | must be an integer 0..100",
        ", 'depositPercent': 50   | ``                          | categories[1].depositPercent | must be an integer 0..100, found nothing",
        "'code': 'LOW_INCOME_FAMILY',| ``                       | categories[1].code | must be an upper-case code",
        "'LOW_INCOME_FAMILY'      | 'low_income_family'         | categories[1].code | found \"low_income_family\"",
        "'LOW_INCOME_FAMILY'      | 'LOW INCOME'                | categories[1].code | found \"LOW INCOME\"",
        "'LOW_INCOME_FAMILY'      | ''                          | categories[1].code | found \"\"",
        "'LOW_INCOME_FAMILY'      | 'SUBSISTENCE_ALLOWANCE'     | categories[1].code | SUBSISTENCE_ALLOWANCE is already listed at categories[0]",
        "'en': 'Low income'       | 'en': 5                     | categories[1].labels.en | must be a non-empty string, found 5",
        "'en': 'Low income'       | 'en': ''                    | categories[1].labels.en | must be a non-empty string",
        "'en': 'Low income'       | '': 'Low income'            | categories[1].labels | has an empty language tag",
        "{'zh': '低收入困难家庭', 'en': 'Low income'}| 'low income'| categories[1].labels | must be an object of language tag to name",
        "'schemaVersion': 1,      | 'schemaVersion': 1, 'colour': 'red', | colour | unknown field (misspelt?)",
        "'depositPercent': 0}     | 'depositPercent': 0, 'percent': 0}   | categories[0].percent | unknown field",
        "'categories': [          | 'categories': ['SUBSISTENCE_ALLOWANCE', | categories[0] | must be an object with code, depositPercent and labels, found \"SUBSISTENCE_ALLOWANCE\"",
        "'categories': " + CATEGORIES + "| 'categories': {} | categories | must be an array of at least one category, found an object",
        "'categories': " + CATEGORIES + "| 'categories': [] | categories | must be an array of at least one category, found an array of 0",
        ", 'categories': " + CATEGORIES + "| ``             | categories | must be an array of at least one category, found nothing",
    })
    void namesTheFaultyFieldAndTheFile(String replace, String with, String field, String problem) throws IOException {
        String json = VALID.replace(replace, with);
        assertThat(json).as("the table row must change the file").isNotEqualTo(VALID);
        Path file = write(json);

        PolicyException e = catchThrowableOfType(PolicyException.class, () -> loader.load(file));

        assertThat(e).as("no exception for " + json).isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.file()).isEqualTo(file.toString());
        assertThat(e.getMessage()).startsWith(file + ": " + field + ": ").contains(problem);
    }

    @Test
    void matchesTheExampleMessageForAPercentOutOfRange() throws IOException {
        String json = VALID.replace(CATEGORIES, "[{'code': 'A', 'depositPercent': 0}, {'code': 'B', 'depositPercent': 0},"
                + " {'code': 'C', 'depositPercent': 101}]");
        Path file = write(json);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(PolicyException.class)
                .hasMessage(file + ": categories[2].depositPercent: must be an integer 0..100, found 101");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                                       | must hold one JSON object, found nothing",
        "' '                                      | must hold one JSON object, found \" \"",
        "[]                                       | must hold one JSON object, found an array of 0",
        "null                                     | must hold one JSON object, found null",
        "42                                       | must hold one JSON object, found 42",
        "{'schemaVersion': 1, 'id': 'a', 'id': 'b'} | not valid JSON at line 1",
        "{'schemaVersion': 1}  x                  | not valid JSON at line 1",
        "{'schemaVersion': 1,                     | not valid JSON at line 1",
        "{schemaVersion: 1}                       | not valid JSON at line 1",
    })
    void refusesAFileThatIsNotOnePolicyObject(String json, String problem) throws IOException {
        Path file = write(json);

        PolicyException e = catchThrowableOfType(PolicyException.class, () -> loader.load(file));

        assertThat(e.field()).isNull();
        assertThat(e.getMessage()).startsWith(file + ": ").contains(problem);
    }

    @Test
    void reportsAMissingOrUnreadableFile() throws IOException {
        Path missing = dir.resolve("nope.json");
        Path directory = Files.createDirectory(dir.resolve("policy.json"));
        Path huge = dir.resolve("huge.json");
        Files.write(huge, new byte[(1 << 20) + 1]);

        assertThatThrownBy(() -> loader.load(missing)).isInstanceOf(PolicyException.class)
                .hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> loader.load(directory)).isInstanceOf(PolicyException.class)
                .hasMessageStartingWith(directory + ": cannot be read");
        assertThatThrownBy(() -> loader.load(huge)).isInstanceOf(PolicyException.class)
                .hasMessage(huge + ": larger than 1 MiB, so not a policy file");
    }

    @Test
    void neverCrashesOnADamagedCopyOfTheBundledFile() throws IOException {
        byte[] original;
        try (InputStream in = PolicyLoader.class.getResourceAsStream(PolicyLoader.DEFAULT_RESOURCE)) {
            original = in.readAllBytes();
        }
        String damage = "{}[]\",:0129xX- \n";
        Random random = new Random(7);
        int refused = 0;
        for (int n = 0; n < 400; n++) {
            byte[] damaged = n < 200 ? Arrays.copyOf(original, random.nextInt(original.length)) : original.clone();
            if (n >= 200) {
                damaged[random.nextInt(damaged.length)] = (byte) damage.charAt(random.nextInt(damage.length()));
            }
            try {
                loader.parse(damaged, "damaged.json");
            } catch (PolicyException expected) {
                refused++;
            }
        }
        assertThat(refused).isGreaterThan(200);
    }

    @Test
    void leavesTheSharedMapperAsItWas() {
        assertThat(mapper.isEnabled(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)).isFalse();
    }

    private Path write(String json) throws IOException {
        Path file = dir.resolve("policy-" + Integer.toHexString(json.hashCode()) + ".json");
        Files.writeString(file, json.replace('\'', '"'), StandardCharsets.UTF_8);
        return file;
    }
}
