package com.waiverdesk.ui.audit;

import com.waiverdesk.ui.common.FocusReturn;
import com.waiverdesk.ui.common.Texts;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The notice line, the match count, and the long jobs with their progress bar and cancel button. */
final class ActionBar extends VBox {
    private final AuditViewModel model;
    private final AuditWords words;
    private final Texts texts;
    private final PathChooser paths;
    private final Label notice = new Label();

    ActionBar(AuditViewModel model, AuditWords words, PathChooser paths) {
        this.model = model;
        this.words = words;
        this.texts = words.texts();
        this.paths = paths;
        getStyleClass().add("audit-actions");
        JobProgress job = model.jobs().progress();

        Button csv = button("exportCsvButton", texts.get("audit.button.exportCsv"), this::exportCsv);
        Button fhir = button("exportFhirButton", texts.get("audit.button.exportFhir"), this::exportFhir);
        Button verify = button("verifyButton", texts.get("audit.button.verify"), () -> model.jobs().verify());
        Button purge = button("purgeButton", texts.get("audit.button.purge"), this::purge);
        purge.getStyleClass().add("danger");
        for (Button b : List.of(csv, fhir, verify, purge)) {
            b.disableProperty().bind(job.runningProperty());
        }

        ProgressBar bar = new ProgressBar();
        bar.setId("jobProgress");
        bar.progressProperty().bind(job.progressProperty());
        Label jobName = new Label();
        jobName.setId("jobName");
        jobName.textProperty().bind(Bindings.createStringBinding(() -> job.jobProperty().get() == null ? ""
                : words.action(job.jobProperty().get()), job.jobProperty()));
        bar.accessibleTextProperty().bind(jobName.textProperty());
        Button cancel = button("cancelJobButton", texts.get("audit.button.cancel"), job::cancel);
        HBox running = new HBox(jobName, bar, cancel);
        running.getStyleClass().add("audit-job");
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(job.runningProperty());
        running.managedProperty().bind(running.visibleProperty());

        Label count = new Label();
        count.setId("matchCount");
        count.getStyleClass().add("audit-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> countText(), model.matchCountProperty(),
                model.appliedFilterProperty()));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(csv, fhir, verify, purge, running, spacer, count);
        buttons.getStyleClass().add("audit-buttons");
        buttons.setAlignment(Pos.CENTER_LEFT);

        notice.setId("auditNotice");
        notice.getStyleClass().add("audit-notice");
        notice.setWrapText(true);
        notice.managedProperty().bind(notice.visibleProperty());
        model.noticeProperty().addListener((obs, old, news) -> showNotice(news));
        showNotice(model.noticeProperty().get());
        getChildren().addAll(notice, buttons);
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        FocusReturn.whenEnabledAgain(button); // else the next Enter pressed "Change passphrase…"
        return button;
    }

    private String countText() {
        if (model.appliedFilterProperty().get() == null) {
            return "";
        }
        Long n = model.matchCountProperty().get();
        return n == null ? texts.get("audit.count.pending") : texts.get("audit.count", n);
    }

    private void showNotice(AuditNotice news) {
        notice.setVisible(news != null);
        notice.setText(news == null ? "" : words.notice(news));
        notice.getStyleClass().removeAll("problem", "good");
        if (news != null) {
            notice.getStyleClass().add(news.kind().isProblem() ? "problem" : "good");
        }
    }

    private void exportCsv() {
        choose(texts.get("audit.chooser.csv"), "csv", "csv", texts.get("audit.chooser.csvType"))
                .ifPresent(path -> model.jobs().exportCsv(path, texts.locale()));
    }

    private void exportFhir() {
        // suggested as ….fhir.json, as docs/audit-trail.md names it
        choose(texts.get("audit.chooser.fhir"), "fhir.json", "json", texts.get("audit.chooser.jsonType"))
                .ifPresent(path -> model.jobs().exportFhir(path));
    }

    private Optional<Path> choose(String title, String suggestedSuffix, String extension, String typeName) {
        return paths.choose(getScene().getWindow(), title, model.jobs().suggestedFileName(suggestedSuffix), typeName,
                extension);
    }

    private void purge() {
        new PurgeDialog(model.jobs(), texts, getScene().getWindow()).showAndWait()
                .ifPresent(day -> model.jobs().purge(day));
    }
}
