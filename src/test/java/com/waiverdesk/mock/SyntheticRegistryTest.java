package com.waiverdesk.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.waiverdesk.domain.AssistanceGrant;
import com.waiverdesk.domain.InvalidInputException;
import com.waiverdesk.domain.MatchResult;
import com.waiverdesk.domain.ResidentId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped synthetic registry is valid, covers every shape the desk must handle, and reads other files too. */
class SyntheticRegistryTest {
    private static final SyntheticRegistry REGISTRY = MockFixture.REGISTRY;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final Set<String> KNOWN = Set.of("SUBSISTENCE_ALLOWANCE", "EXTREME_POVERTY_SUPPORT",
            "LOW_INCOME_FAMILY", "EXPENDITURE_POVERTY");

    @Test
    void holdsAtLeastAThousandSyntheticPeopleBesideTheDemoOnes() {
        assertThat(REGISTRY.size()).isGreaterThanOrEqualTo(1000 + REGISTRY.demoQueries().size());
    }

    @Test
    void everyIdIsValidAndFromAShanghaiDistrictWithABirthYearFrom1930To2020() throws InvalidInputException {
        for (RegistryPerson person : REGISTRY.people()) {
            String id = person.idNumber();
            assertThat(id).as(person.toString()).matches("\\d{17}[\\dX]");
            assertThat(ResidentId.checkCharacter(id.substring(0, 17))).as(person.toString()).isEqualTo(id.charAt(17));
            ResidentId parsed = ResidentId.parse(id, TODAY);
            assertThat(parsed.value()).isEqualTo(id);
            assertThat(RegistryGenerator.DISTRICTS).contains(parsed.regionCode());
            assertThat(parsed.birthDate().getYear()).isBetween(1930, 2020);
        }
    }

    @Test
    void mixesSexesAndUsesEveryDistrict() {
        List<ResidentId.Sex> sexes = REGISTRY.people().stream().map(p -> parse(p).sex()).collect(Collectors.toList());
        long male = sexes.stream().filter(s -> s == ResidentId.Sex.MALE).count();

        assertThat(male).isBetween(sexes.size() * 3L / 10, sexes.size() * 7L / 10);
        assertThat(REGISTRY.people().stream().map(p -> p.idNumber().substring(0, 6)).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(RegistryGenerator.DISTRICTS);
    }

    /** The coverage list: each shape of record the desk must be shown at least once. */
    static Stream<Arguments> requiredShapes() {
        return Stream.of(
                shape("SUBSISTENCE_ALLOWANCE", p -> has(p, g -> g.category().equals("SUBSISTENCE_ALLOWANCE"))),
                shape("EXTREME_POVERTY_SUPPORT", p -> has(p, g -> g.category().equals("EXTREME_POVERTY_SUPPORT"))),
                shape("LOW_INCOME_FAMILY", p -> has(p, g -> g.category().equals("LOW_INCOME_FAMILY"))),
                shape("EXPENDITURE_POVERTY", p -> has(p, g -> g.category().equals("EXPENDITURE_POVERTY"))),
                shape("unknown category only", p -> !p.assistance().isEmpty()
                        && p.assistance().stream().noneMatch(g -> KNOWN.contains(g.category()))),
                shape("expired in 2024 or 2025", p -> has(p, g -> g.validUntil() != null
                        && (g.validUntil().getYear() == 2024 || g.validUntil().getYear() == 2025))),
                shape("open-ended and valid now", p -> has(p, g -> g.validUntil() == null && g.isValidOn(TODAY))),
                shape("valid until 2035 or later", p -> has(p, g -> g.validUntil() != null
                        && g.validUntil().getYear() >= 2035 && g.isValidOn(TODAY))),
                shape("not valid before 2030", p -> has(p, g -> g.validFrom().getYear() == 2030)),
                shape("several categories", p -> p.assistance().stream().map(AssistanceGrant::category).distinct()
                        .count() >= 2),
                shape("no assistance", p -> p.assistance().isEmpty()),
                shape("minority name with a middle dot", p -> p.name().contains("\u00B7")),
                shape("Latin name", p -> p.name().matches("[A-Za-z]+( [A-Za-z]+)+")));
    }

    private static Arguments shape(String name, Predicate<RegistryPerson> test) {
        return Arguments.of(name, test);
    }

    private static boolean has(RegistryPerson person, Predicate<AssistanceGrant> test) {
        return person.assistance().stream().anyMatch(test);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requiredShapes")
    void coversShapeAmongRandomAndDemoPeople(String shape, Predicate<RegistryPerson> test) {
        List<RegistryPerson> people = REGISTRY.people();
        int demo = (int) people.stream().takeWhile(p -> REGISTRY.demoQueries().stream()
                .anyMatch(q -> q.idNumber().equals(p.idNumber()))).count();

        assertThat(people.subList(demo, people.size())).as(shape).anyMatch(test);
    }

    @Test
    void nothingStillValidExpiresBefore2035() {
        for (RegistryPerson person : REGISTRY.people()) {
            for (AssistanceGrant grant : person.assistance()) {
                assertThat(grant.validUntil() == null || grant.validUntil().getYear() <= 2025
                        || grant.validUntil().getYear() >= 2035).as(person.toString()).isTrue();
                assertThat(grant.validFrom().getYear() <= 2025 || grant.validFrom().getYear() == 2030)
                        .as(person.toString()).isTrue();
                assertThat(grant.validUntil() == null || grant.validUntil().isAfter(grant.validFrom())).isTrue();
            }
        }
    }

    @Test
    void shippedFileStaysSmall() throws IOException {
        try (InputStream in = SyntheticRegistry.class.getResourceAsStream(SyntheticRegistry.BUILT_IN)) {
            assertThat(in.readAllBytes().length).isLessThan(300 * 1024);
        }
    }

    @Test
    void demoNoRecordIdIsValidButAbsent() {
        DemoQuery noRecord = REGISTRY.demoQueries().stream().filter(q -> q.note().contains("not in the registry"))
                .findFirst().orElseThrow();

        assertThat(parse(noRecord.idNumber()).value()).isEqualTo(noRecord.idNumber());
        assertThat(REGISTRY.find(noRecord.idNumber())).isEmpty();
    }

    @Test
    void answersNoRecordForAKnownIdWithoutAssistanceWhateverTheName() {
        assertThat(REGISTRY.verify("310116197004180071", "郑国华").result()).isEqualTo(MatchResult.NO_RECORD);
        assertThat(REGISTRY.verify("310116197004180071", "某某某").result()).isEqualTo(MatchResult.NO_RECORD);
    }

    @Test
    void readsADataFileWithTheSameSchema(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("people.json");
        Files.writeString(file, "{\"format\": \"waiverdesk-registry/1\", \"people\": [{\"idNumber\": "
                + "\"11010519491231002X\", \"name\": \"测试者\", \"assistance\": [{\"category\": \"LOW_INCOME_FAMILY\", "
                + "\"validFrom\": \"2020-01-01\", \"validUntil\": null}], \"extra\": 1}]}");

        SyntheticRegistry registry = SyntheticRegistry.load(file);

        assertThat(registry.demoQueries()).isEmpty();
        SyntheticRegistry.Verdict verdict = registry.verify("11010519491231002X", "测试者");
        assertThat(verdict.result()).isEqualTo(MatchResult.MATCH);
        assertThat(verdict.assistance()).containsExactly(new AssistanceGrant("LOW_INCOME_FAMILY",
                LocalDate.of(2020, 1, 1), null));
    }

    @Test
    void rejectsDataFileWithABadIdWithoutPrintingIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"format\": \"waiverdesk-registry/1\", \"people\": [{\"idNumber\": "
                + "\"110105194912310021\", \"name\": \"测试者\", \"assistance\": []}]}");

        assertThatThrownBy(() -> SyntheticRegistry.load(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("people[0]").hasMessageContaining("110105********0021")
                .hasMessageNotContaining("110105194912310021").hasMessageNotContaining("测试者");
    }

    @Test
    void rejectsDataFileWithoutTheFormatOrWithAnIdTwice(@TempDir Path dir) throws IOException {
        Path noFormat = Files.writeString(dir.resolve("a.json"), "{\"people\": []}");
        String person = "{\"idNumber\": \"11010519491231002X\", \"name\": \"测试者\", \"assistance\": []}";
        Path twice = Files.writeString(dir.resolve("b.json"), "{\"format\": \"waiverdesk-registry/1\", \"people\": ["
                + person + ", " + person + "]}");

        assertThatThrownBy(() -> SyntheticRegistry.load(noFormat)).hasMessageContaining("format");
        assertThatThrownBy(() -> SyntheticRegistry.load(twice)).hasMessageContaining("twice")
                .hasMessageNotContaining("11010519491231002X");
    }

    private static ResidentId parse(RegistryPerson person) {
        return parse(person.idNumber());
    }

    private static ResidentId parse(String id) {
        try {
            return ResidentId.parse(id, TODAY);
        } catch (InvalidInputException e) {
            throw new AssertionError(ResidentId.mask(id), e);
        }
    }
}
