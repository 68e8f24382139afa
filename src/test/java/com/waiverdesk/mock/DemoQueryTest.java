package com.waiverdesk.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.domain.Decision;
import com.waiverdesk.domain.DepositPolicy;
import com.waiverdesk.domain.PolicyRule;
import com.waiverdesk.domain.VerificationAnswer;
import com.waiverdesk.domain.VerificationOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The named demo people lead to the decisions the docs promise, for years to come, and the docs list them all. */
class DemoQueryTest {
    /** The domain brief's rules, as a hospital's policy file would state them. */
    private static final DepositPolicy BRIEF_RULES = new DepositPolicy("domain-brief", LocalDate.of(2018, 1, 1),
            "domain.md", List.of(new PolicyRule("SUBSISTENCE_ALLOWANCE", 0, Map.of()),
            new PolicyRule("EXTREME_POVERTY_SUPPORT", 0, Map.of()), new PolicyRule("LOW_INCOME_FAMILY", 50, Map.of()),
            new PolicyRule("EXPENDITURE_POVERTY", 100, Map.of())));

    static Stream<Arguments> demoQueriesOnDays() {
        return MockFixture.REGISTRY.demoQueries().stream().flatMap(q -> Stream.of(
                Arguments.of(q, LocalDate.of(2026, 11, 28)), Arguments.of(q, LocalDate.of(2029, 12, 31))));
    }

    @ParameterizedTest
    @MethodSource("demoQueriesOnDays")
    void demoQueryLeadsToTheDocumentedDecision(DemoQuery demo, LocalDate day) {
        SyntheticRegistry.Verdict verdict = MockFixture.REGISTRY.verify(demo.idNumber(), demo.name());
        OffsetDateTime checkedAt = day.atTime(12, 0).atOffset(ZoneOffset.ofHours(8));
        VerificationAnswer answer = new VerificationAnswer("r-1", verdict.result(), verdict.assistance(), checkedAt);

        Decision decision = BRIEF_RULES.decide(VerificationOutcome.answered(answer, 1, 5));

        assertThat(verdict.result()).isEqualTo(demo.expectedResult());
        assertThat(decision.kind()).isEqualTo(demo.expectedDecision());
        assertThat(decision.depositPercent()).isEqualTo(demo.expectedDepositPercent());
    }

    @Test
    void coversEveryOutcomeTheBriefAsksFor() {
        assertThat(MockFixture.REGISTRY.demoQueries()).extracting(DemoQuery::note).anyMatch(n -> n.contains("低保"))
                .anyMatch(n -> n.contains("特困")).anyMatch(n -> n.contains("低收入")).anyMatch(n -> n.contains("支出型"))
                .anyMatch(n -> n.contains("expired")).anyMatch(n -> n.contains("not in the registry"))
                .anyMatch(n -> n.contains("another name")).anyMatch(n -> n.contains("middle dot"))
                .anyMatch(n -> n.contains("Latin")).anyMatch(n -> n.contains("unknown category"))
                .anyMatch(n -> n.contains("most favourable"));
    }

    @Test
    void docsListEveryDemoQueryWithItsOutcome() throws IOException {
        String docs = Files.readString(Path.of("docs", "mock-service.md"), StandardCharsets.UTF_8);

        for (DemoQuery demo : MockFixture.REGISTRY.demoQueries()) {
            String row = "| " + demo.name() + " | `" + demo.idNumber() + "` | " + demo.expectedResult() + " | "
                    + demo.expectedDecision() + " " + demo.expectedDepositPercent() + " % |";
            assertThat(docs).as(demo.toString()).contains(row);
        }
    }
}
