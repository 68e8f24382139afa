package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.CheckSource;
import com.waiverdesk.audit.ErrorKeys;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.ui.common.Texts;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.geometry.Pos;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Everything recorded about one entry (the entry table's selection, or the review queue's), how the patient proved
 * status, its review, its place in the hash chain and what the last verify said of it.
 */
final class DetailPane extends ScrollPane {
    private final AuditViewModel model;
    private final EntryFocus focus;
    private final AuditWords words;
    private final Texts texts;
    private final Label title = new Label();
    private final Label chain = new Label();
    /** Who and whom, what was decided, how status was proved, and the record: blocks side by side under the table. */
    private final GridPane who = new GridPane();
    private final GridPane what = new GridPane();
    private final GridPane how = new GridPane();
    private final GridPane proof = new GridPane();
    private final ProofRows proofRows;

    DetailPane(AuditViewModel model, EntryFocus focus, AuditWords words, String id) {
        this.model = model;
        this.focus = focus;
        this.words = words;
        this.texts = words.texts();
        this.proofRows = new ProofRows(words);
        setId(id);
        getStyleClass().add("audit-detail");
        setFitToWidth(true);
        title.getStyleClass().add("audit-detail-title");
        // ids unique in the window: the entries' pane has the plain one, the review queue's its own
        chain.setId("detailPane".equals(id) ? "chainStatus" : id + "ChainStatus");
        chain.getStyleClass().add("audit-chain");
        chain.setWrapText(true);
        HBox heading = new HBox(title, chain);
        heading.getStyleClass().add("audit-detail-heading");
        heading.setAlignment(Pos.CENTER_LEFT);
        // the blocks go under each other when the window is too narrow for them side by side (a long service URL
        // or policy id widens the middle one), rather than running past the right edge
        FlowPane blocks = new FlowPane(who, what, how, proof);
        blocks.getStyleClass().add("audit-detail-blocks");
        for (GridPane block : List.of(who, what, how, proof)) {
            block.getStyleClass().add("audit-detail-fields");
        }
        VBox content = new VBox(heading, blocks);
        content.getStyleClass().add("audit-detail-content");
        setContent(content);
        focus.selectedProperty().addListener((obs, old, entry) -> refresh());
        focus.chainStatusBinding().addListener((obs, old, status) -> refresh());
        focus.shownProperty().addListener((obs, old, shown) -> refresh());
        focus.reviewProperty().addListener((obs, old, review) -> refresh());
        refresh();
    }

    private void refresh() {
        StoredEntry stored = focus.selectedProperty().get();
        for (GridPane block : List.of(who, what, how, proof)) {
            block.getChildren().clear();
        }
        chain.getStyleClass().removeAll("verified", "broken");
        if (stored == null) {
            title.setText(texts.get("audit.detail.none"));
            chain.setText("");
            chain.setVisible(false);
            return;
        }
        AuditEntry e = stored.entry();
        title.setText(texts.get("audit.detail.title", Long.toString(stored.seq())));
        ChainStatus status = focus.chainStatusBinding().get();
        chain.setVisible(true);
        chain.setText(words.chain(status, model.jobs().chainReportProperty().get()));
        if (status == ChainStatus.VERIFIED) {
            chain.getStyleClass().add("verified");
        } else if (status == ChainStatus.FIRST_BREAK || status == ChainStatus.AFTER_BREAK) {
            chain.getStyleClass().add("broken");
        }
        row(who, texts.get("audit.detail.time"), words.time(e.workstationTime()), null);
        row(who, texts.get("audit.detail.serviceTime"), e.serviceTime() == null ? words.none()
                : words.serviceTime(e.serviceTime()), null);
        if (e.serviceTime() != null) {
            row(who, texts.get("audit.detail.clock"), words.clockDifference(e.workstationTime(), e.serviceTime()),
                    null);
        }
        if (stored.server() != null) {
            // on the audit server: when it arrived there and under which login; a forwarded entry says since when
            // it waited in the workstation's spool, so both times are in view
            com.waiverdesk.audit.ServerFacts server = stored.server();
            row(who, texts.get("audit.detail.received"), words.time(server.received()), null);
            row(who, texts.get("audit.detail.writer"), server.writer(), null);
            row(who, texts.get("audit.detail.spooled"), server.forwarded() ? texts.get("audit.detail.spooled.value",
                    words.time(server.spooled())) : texts.get("audit.detail.spooled.no"), null);
        }
        row(who, texts.get("audit.detail.operator"), e.operator(), null);
        row(who, texts.get("audit.detail.workstation"), e.workstation(), null);
        row(who, texts.get("audit.detail.id"), e.maskedId(), null);
        row(who, texts.get("audit.detail.name"), e.name(), null);
        row(what, texts.get("audit.detail.decision"), words.decision(e.decision()),
                "decision-" + EntryTable.decisionClass(e.decision()));
        Boolean shown = focus.shownProperty().get();
        row(what, texts.get("audit.detail.shown"), shown == null ? texts.get("audit.detail.shown.reading")
                : shown ? texts.get("audit.detail.shown.yes") : texts.get("audit.detail.shown.no"), null);
        row(what, texts.get("audit.detail.percent"), e.depositPercent() == null ? words.none()
                : e.depositPercent() + "%", null);
        // in words; the recorded code, which the CSV carries, in the tooltip
        coded(row(what, texts.get("audit.detail.reason"), words.reason(e.reason()), null), e.reason());
        coded(row(what, texts.get("audit.detail.categories"), words.categories(e.categories()), null),
                String.join(", ", e.categories()));
        row(what, texts.get("audit.detail.result"), words.result(e.serviceResult()), null);
        String error = words.error(e);
        coded(row(what, texts.get("audit.detail.error"), error.isEmpty() ? words.none() : error, null),
                ErrorKeys.of(e));
        proofRows.fill(how, e.proof(), focus.reviewProperty().get());
        row(proof, texts.get("audit.detail.requestId"), e.requestId() == null ? words.none() : e.requestId(), "code");
        row(proof, texts.get("audit.detail.latency"), texts.get("audit.detail.latency.value", e.latencyMillis()),
                null);
        source(e.source());
        row(proof, texts.get("audit.detail.idHash"), e.idHash() == null ? words.none() : halves(e.idHash()), "hash");
        row(proof, texts.get("audit.detail.prevHash"), halves(stored.prevHash()), "hash");
        row(proof, texts.get("audit.detail.entryHash"), halves(stored.entryHash()), "hash");
    }

    /** What the check was decided with; entries older than schema version 3 did not record it. */
    private void source(CheckSource source) {
        String none = texts.get("audit.detail.notRecorded");
        row(what, texts.get("audit.detail.policy"), source == null ? none : source.policyId(), "code");
        row(what, texts.get("audit.detail.service"), source == null ? none : source.demoService()
                ? texts.get("audit.detail.service.demo", source.serviceUrl())
                : texts.get("audit.detail.service.real", source.serviceUrl()), null);
        row(what, texts.get("audit.detail.version"), source == null ? none : source.programVersion(), null);
        row(proof, texts.get("audit.detail.policyHash"), source == null ? none : halves(source.policySha256()),
                source == null ? null : "hash");
    }

    /** A zero-width space in the middle lets a 64-character hash wrap into two lines of 32 (audit.css caps the width). */
    private static String halves(String hash) {
        return hash.length() < 40 ? hash : hash.substring(0, hash.length() / 2) + "\u200B" + hash.substring(hash.length() / 2);
    }

    private static void coded(Label value, String code) {
        if (code != null && !code.isEmpty()) {
            value.setTooltip(new Tooltip(code));
        }
    }

    static Label row(GridPane block, String name, String value, String styleClass) {
        Label key = new Label(name);
        key.getStyleClass().add("audit-detail-key");
        key.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label(value);
        text.getStyleClass().add("audit-detail-value");
        text.setWrapText(true);
        // a hash or a sentence (a reviewer's reason) wraps at the width audit.css gives it; other values keep theirs
        if (styleClass == null || !(styleClass.startsWith("hash") || styleClass.startsWith("prose"))) {
            text.setMinWidth(Region.USE_PREF_SIZE);
        }
        if (styleClass != null) {
            text.getStyleClass().addAll(List.of(styleClass.split(" ")));
        }
        key.setLabelFor(text);
        block.addRow(block.getRowCount(), key, text);
        return text;
    }
}
