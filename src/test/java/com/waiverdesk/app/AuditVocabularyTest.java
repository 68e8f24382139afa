package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.DecisionReason;
import com.waiverdesk.domain.InputProblem;
import com.waiverdesk.domain.ServiceFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The audit log's codes in the supervisor's words, against a table written by hand from the domain brief. */
class AuditVocabularyTest {
    private final AuditVocabulary zh = new AuditVocabulary(Locale.SIMPLIFIED_CHINESE);
    private final AuditVocabulary en = new AuditVocabulary(Locale.ENGLISH);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "WAIVED_BY_CATEGORY                  | 按救助类别免押金                 | Waived for the assistance category",
        "REDUCED_BY_CATEGORY                 | 按救助类别减押金                 | Reduced for the assistance category",
        "NO_RECORD                           | 平台无救助记录                   | No assistance record at the service",
        "NAME_MISMATCH                       | 身份证号与姓名不一致             | ID number and name do not match",
        "ELIGIBILITY_EXPIRED                 | 救助资格不在有效期内             | Assistance not valid on the day of the check",
        "NO_REDUCTION_FOR_CATEGORY           | 该救助类别按本院政策不减免       | No reduction for this category under the policy",
        "SERVICE_FAILED:TIMEOUT              | 平台未给出答复：超时             | 'The service gave no answer: Timed out'",
        "SERVICE_FAILED:RATE_LIMITED         | 平台未给出答复：平台繁忙（限流） | 'The service gave no answer: Service busy (rate limited)'",
        "INVALID_INPUT:ID_WRONG_CHECK_DIGIT  | 输入有误，未向平台查询：身份证号校验位不符 | 'Input error, not sent to the service: Wrong check digit in the ID number'",
        "INVALID_INPUT:NAME_EMPTY            | 输入有误，未向平台查询：未填姓名 | 'Input error, not sent to the service: Name missing'",
        "SERVICE_FAILED:STALE_ANSWER_NEW     | 平台未给出答复：STALE_ANSWER_NEW | 'The service gave no answer: STALE_ANSWER_NEW'",
        "SOME_FUTURE_REASON                  | SOME_FUTURE_REASON               | SOME_FUTURE_REASON",
        "SOME_FUTURE_REASON:X                | SOME_FUTURE_REASON:X             | SOME_FUTURE_REASON:X",
    })
    void reasonsInWords(String code, String chinese, String english) {
        assertThat(zh.reason(code)).isEqualTo(chinese);
        assertThat(en.reason(code)).isEqualTo(english);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SUBSISTENCE_ALLOWANCE   | 最低生活保障（低保） | Subsistence allowance (dibao)",
        "EXTREME_POVERTY_SUPPORT | 特困人员供养         | Extreme poverty support",
        "LOW_INCOME_FAMILY       | 低收入困难家庭       | Low-income family",
        "EXPENDITURE_POVERTY     | 支出型贫困家庭       | Expenditure-type poverty",
        "VETERAN_SUPPORT         | VETERAN_SUPPORT      | VETERAN_SUPPORT",
    })
    void categoriesInWordsAndUnknownOnesAsTheirCode(String code, String chinese, String english) {
        assertThat(zh.category(code)).isEqualTo(chinese);
        assertThat(en.category(code)).isEqualTo(english);
    }

    @Test
    void severalCategoriesAreListedAsEachLanguageLists() {
        List<String> two = List.of("SUBSISTENCE_ALLOWANCE", "NEW_CODE");
        assertThat(zh.categories(two)).isEqualTo("最低生活保障（低保）、NEW_CODE");
        assertThat(en.categories(two)).isEqualTo("Subsistence allowance (dibao), NEW_CODE");
        assertThat(zh.categories(List.of())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SERVICE_FAILED:TIMEOUT             | 超时                     | Timed out",
        "SERVICE_FAILED:UNREACHABLE         | 无法连接平台             | Service unreachable",
        "SERVICE_FAILED:MALFORMED_REPLY     | 答复无法识别             | Reply not understood",
        "INVALID_INPUT:ID_WRONG_CHECK_DIGIT | 身份证号校验位不符       | Wrong check digit in the ID number",
        "RATE_LIMITED                       | 平台繁忙（限流）         | Service busy (rate limited)",
        "BAD_SIGNATURE                      | 签名不被认可             | Signature refused",
        "CLOCK_SKEW                         | 本机与平台时钟相差过大   | Workstation and service clocks too far apart",
        "ACCOUNT_DISABLED                   | 查询账号已停用           | Query account disabled",
        "INTERNAL                           | INTERNAL                 | INTERNAL",
        "SERVICE_FAILED:SOMETHING_NEW       | SERVICE_FAILED:SOMETHING_NEW | SERVICE_FAILED:SOMETHING_NEW",
    })
    void errorsInWordsAndUnknownOnesAsTheirCode(String key, String chinese, String english) {
        assertThat(zh.error(key)).isEqualTo(chinese);
        assertThat(en.error(key)).isEqualTo(english);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "WAIVE         | 免押金   | Waived",
        "REDUCE        | 减押金   | Reduced",
        "CHARGE        | 收押金   | Charged",
        "CANNOT_VERIFY | 无法核验 | Could not verify",
        "INVALID_INPUT | 输入有误 | Input error",
    })
    void decisionsInWords(DecisionKind kind, String chinese, String english) {
        assertThat(zh.decision(kind)).isEqualTo(chinese);
        assertThat(en.decision(kind)).isEqualTo(english);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "MATCH         | 匹配     | Match",
        "NO_RECORD     | 无记录   | No record",
        "NAME_MISMATCH | 姓名不符 | Name mismatch",
    })
    void serviceResultsInWords(String result, String chinese, String english) {
        assertThat(zh.serviceResult(result)).isEqualTo(chinese);
        assertThat(en.serviceResult(result)).isEqualTo(english);
        assertThat(zh.serviceResult(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "LIVE_QUERY    | 平台实时核验           | Live query",
        "ECERT_ONLINE  | 电子证明（在线核验）   | E-certificate (checked online)",
        "ECERT_OFFLINE | 电子证明（离线核验）   | E-certificate (checked offline)",
        "PAPER         | 纸质证明               | Paper certificate",
    })
    void channelsInWords(Channel channel, String chinese, String english) {
        assertThat(zh.channel(channel)).isEqualTo(chinese);
        assertThat(en.channel(channel)).isEqualTo(english);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PENDING  | 待复核     | Pending review",
        "APPROVED | 复核通过   | Approved",
        "REJECTED | 复核未通过 | Rejected",
        "LATER    | LATER      | LATER",
    })
    void reviewStatesInWordsAndUnknownOnesAsTheirCode(String state, String chinese, String english) {
        assertThat(zh.reviewState(state)).isEqualTo(chinese);
        assertThat(en.reviewState(state)).isEqualTo(english);
    }

    @Test
    void everyCodeThisProgramRecordsHasWordsInBothLanguages() throws IOException {
        for (Properties bundle : List.of(bundle("auditwords.properties"), bundle("auditwords_en.properties"))) {
            for (DecisionKind kind : DecisionKind.values()) {
                assertThat(bundle).containsKey("decision." + kind);
            }
            for (DecisionReason reason : DecisionReason.values()) {
                assertThat(bundle).containsKey("reason." + reason);
            }
            for (ServiceFailure failure : ServiceFailure.values()) {
                assertThat(bundle).containsKey("failure." + failure);
            }
            for (InputProblem problem : InputProblem.values()) {
                assertThat(bundle).containsKey("input." + problem);
            }
            for (Channel channel : Channel.values()) {
                assertThat(bundle).containsKey("channel." + channel);
            }
        }
        assertThat(bundle("auditwords_en.properties").stringPropertyNames())
                .isEqualTo(bundle("auditwords.properties").stringPropertyNames());
    }

    private static Properties bundle(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = AuditVocabularyTest.class.getResourceAsStream("/com/waiverdesk/app/" + file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
