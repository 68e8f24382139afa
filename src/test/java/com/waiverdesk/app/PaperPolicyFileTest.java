package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.domain.PaperPolicy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The policy file's {@code paperCertificates} section (docs/policy-file.md). */
class PaperPolicyFileTest {
    private static final String BASE = "{'schemaVersion': 1, 'id': 'h-2026', 'effectiveFrom': '2026-01-01',"
            + " 'source': 'board', 'categories': [{'code': 'SUBSISTENCE_ALLOWANCE', 'depositPercent': 0},"
            + " {'code': 'LOW_INCOME_FAMILY', 'depositPercent': 50}]";
    private static final String PAPER = "'paperCertificates': {'accepted': true, 'maxAgeDays': 60,"
            + " 'whenServiceCannotVerify': [{'category': 'SUBSISTENCE_ALLOWANCE', 'depositPercent': 0},"
            + " {'category': 'LOW_INCOME_FAMILY', 'depositPercent': 80}], 'whenServiceSaysNo': 'CHARGE_REFUND_AFTER_REVIEW'}";
    private final PolicyLoader loader = new PolicyLoader(new ObjectMapper());

    private PaperPolicy load(String json) throws PolicyException {
        return loader.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8), "test.json").paper();
    }

    @Test
    void readsTheSection() throws PolicyException {
        PaperPolicy paper = load(BASE + ", " + PAPER + "}");
        assertThat(paper.accepted()).isTrue();
        assertThat(paper.maxAgeDays()).isEqualTo(60);
        assertThat(paper.provisionalPercent()).isEqualTo(Map.of("SUBSISTENCE_ALLOWANCE", 0, "LOW_INCOME_FAMILY", 80));
    }

    @Test
    void withoutTheSectionPaperIsNotAccepted() throws PolicyException {
        assertThat(load(BASE + "}").accepted()).isFalse();
    }

    @Test
    void theMaximumAgeDefaultsTo90Days() throws PolicyException {
        assertThat(load(BASE + ", 'paperCertificates': {'accepted': true}}").maxAgeDays()).isEqualTo(90);
    }

    @Test
    void theBundledPolicyAcceptsPaperFor90Days() throws PolicyException {
        PaperPolicy paper = loader.loadDefault().paper();
        assertThat(paper.accepted()).isTrue();
        assertThat(paper.maxAgeDays()).isEqualTo(90);
        assertThat(paper.provisionalPercent()).isEqualTo(Map.of("SUBSISTENCE_ALLOWANCE", 0,
                "EXTREME_POVERTY_SUPPORT", 0, "LOW_INCOME_FAMILY", 50));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "'accepted': true              | 'accepted': 'yes'          | paperCertificates.accepted | must be true or false",
        "'maxAgeDays': 60              | 'maxAgeDays': -1           | paperCertificates.maxAgeDays | whole number of days",
        "'maxAgeDays': 60              | 'maxAgeDays': 4000         | paperCertificates.maxAgeDays | whole number of days",
        "'maxAgeDays': 60              | 'maxAgeDays': 60.5         | paperCertificates.maxAgeDays | whole number of days",
        "'CHARGE_REFUND_AFTER_REVIEW'  | 'WAIVE'                    | paperCertificates.whenServiceSaysNo | can only be",
        "'depositPercent': 80          | 'depositPercent': 40       | paperCertificates.whenServiceCannotVerify[1].depositPercent | never grants more",
        "'depositPercent': 80          | 'depositPercent': 101      | paperCertificates.whenServiceCannotVerify[1].depositPercent | integer 0..100",
        "'category': 'LOW_INCOME_FAMILY' | 'category': 'OTHER'      | paperCertificates.whenServiceCannotVerify[1].category | one of the categories",
        "'category': 'LOW_INCOME_FAMILY' | 'category': 'SUBSISTENCE_ALLOWANCE' | paperCertificates.whenServiceCannotVerify[1].category | listed twice",
        "'accepted': true              | 'accepted': true, 'grace': 1 | paperCertificates.grace | unknown field",
    })
    void namesTheFaultyField(String replace, String with, String field, String problem) {
        String json = (BASE + ", " + PAPER + "}");
        String changed = json.replace(replace, with);
        assertThat(changed).as("the row must change the file").isNotEqualTo(json);
        PolicyException e = catchThrowableOfType(PolicyException.class, () -> load(changed));
        assertThat(e).as("no exception for " + changed).isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).contains(problem);
    }
}
