package com.waiverdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.waiverdesk.cli.Cli;
import com.waiverdesk.ui.DeskLauncher;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a clerk runs holds no benchmark or training code (issue 11): those live in src/bench/java and the bench jar,
 * and watch the desk from outside; the window prints nothing for them.
 */
class ShippedCodeTest {
    @Test
    void theProgramsClassesHoldNoBenchmarkOrTrainingCode() throws IOException, URISyntaxException {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes).as("the program's classes").isDirectory();
        try (Stream<Path> files = Files.walk(classes)) {
            List<String> found = files.map(classes::relativize).map(Path::toString)
                    .filter(name -> name.startsWith("com/waiverdesk/bench") || name.contains("Bench")
                            || name.contains("BareWindow") || name.contains("DeskProbe")
                            || name.contains("SyntheticAuditLog"))
                    .collect(Collectors.toList());
            assertThat(found).isEmpty();
        }
    }

    @Test
    void theWindowPrintsNoMarkersAndKnowsNoTrainingProperties() throws IOException {
        JavaClasses window = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.waiverdesk.ui");
        // DeskLauncher tells a terminal user why no window opened (or prints the usage): that is the CLI's output
        noClasses().that().doNotHaveFullyQualifiedName(DeskLauncher.class.getName())
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .because("start markers and benchmark hooks belong to the bench jar's DeskProbe, not to the window")
                .check(window);
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            List<String> hooked = sources.filter(Files::isRegularFile).filter(file -> {
                try {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    return text.contains("waiverdesk.reportShown") || text.contains("waiverdesk.closeWhenReady");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(Path::toString).collect(Collectors.toList());
            assertThat(hooked).isEmpty();
        }
    }

    @Test
    void benchIsNoCommandOfTheProgram() {
        assertThat(Cli.handles(new String[] {"bench", "client"})).isFalse();
        StringWriter err = new StringWriter();
        int status = Cli.run(new String[] {"bench", "client"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(status).isEqualTo(64);
        assertThat(err.toString()).contains("bench");
    }
}
