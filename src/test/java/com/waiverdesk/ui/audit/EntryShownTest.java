package com.waiverdesk.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.audit.StoredEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The supervisor sees, for the selected entry, whether the desk showed its decision. */
class EntryShownTest {
    private final AuditFixture fx = new AuditFixture();
    private final StepRunner runner = new StepRunner();
    private AuditViewModel model;

    @BeforeEach
    void signIn() {
        model = fx.signedIn(runner);
    }

    private StoredEntry entry(long seq) {
        return model.entries().stream().filter(e -> e.seq() == seq).findFirst().orElseThrow();
    }

    @Test
    void anEntryMarkedNotShownReadsNotShown() {
        fx.reader.notShown.add(290L);
        model.selectedProperty().set(entry(290));
        assertThat(model.selectedShownProperty().get()).as("unknown until read").isNull();
        runner.runAll();
        assertThat(model.selectedShownProperty().get()).isFalse();
    }

    @Test
    void anUnmarkedEntryReadsShown() {
        fx.reader.notShown.add(290L);
        model.selectedProperty().set(entry(291));
        runner.runAll();
        assertThat(model.selectedShownProperty().get()).isTrue();
    }

    @Test
    void aLateAnswerForAnEarlierSelectionIsDropped() {
        fx.reader.notShown.add(290L);
        model.selectedProperty().set(entry(290));
        model.selectedProperty().set(entry(291));
        runner.runAll();
        assertThat(model.selectedShownProperty().get()).isTrue();
        model.selectedProperty().set(null);
        assertThat(model.selectedShownProperty().get()).isNull();
    }
}
