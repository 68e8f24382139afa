package com.waiverdesk.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PathChooserTest {
    @Test
    void aNameTypedWithoutTheExtensionGetsIt() {
        assertThat(PathChooser.withExtension(Path.of("/tmp/march"), "csv")).isEqualTo(Path.of("/tmp/march.csv"));
        assertThat(PathChooser.withExtension(Path.of("/tmp/march.CSV"), "csv")).isEqualTo(Path.of("/tmp/march.CSV"));
        assertThat(PathChooser.withExtension(Path.of("/tmp/w.fhir.json"), "json"))
                .isEqualTo(Path.of("/tmp/w.fhir.json"));
        assertThat(PathChooser.withExtension(Path.of("/tmp/report.v2"), "csv")).isEqualTo(Path.of("/tmp/report.v2.csv"));
    }
}
