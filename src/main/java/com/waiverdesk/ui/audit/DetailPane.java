package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.ui.common.Texts;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Everything recorded about the selected entry, its place in the hash chain and what the last verify said of it. */
final class DetailPane extends ScrollPane {
    private final AuditViewModel model;
    private final AuditWords words;
    private final Texts texts;
    private final Label title = new Label();
    private final Label chain = new Label();
    private final GridPane fields = new GridPane();

    DetailPane(AuditViewModel model, AuditWords words) {
        this.model = model;
        this.words = words;
        this.texts = words.texts();
        setId("detailPane");
        getStyleClass().add("audit-detail");
        setFitToWidth(true);
        title.getStyleClass().add("audit-detail-title");
        chain.setId("chainStatus");
        chain.getStyleClass().add("audit-chain");
        chain.setWrapText(true);
        fields.getStyleClass().add("audit-detail-fields");
        VBox content = new VBox(title, chain, fields);
        content.getStyleClass().add("audit-detail-content");
        setContent(content);
        model.selectedProperty().addListener((obs, old, entry) -> refresh());
        model.selectedChainStatusBinding().addListener((obs, old, status) -> refresh());
        refresh();
    }

    private void refresh() {
        StoredEntry stored = model.selectedProperty().get();
        fields.getChildren().clear();
        chain.getStyleClass().removeAll("verified", "broken");
        if (stored == null) {
            title.setText(texts.get("audit.detail.none"));
            chain.setText("");
            chain.setVisible(false);
            return;
        }
        AuditEntry e = stored.entry();
        title.setText(texts.get("audit.detail.title", Long.toString(stored.seq())));
        ChainStatus status = model.selectedChainStatusBinding().get();
        chain.setVisible(true);
        chain.setText(words.chain(status, model.jobs().chainReportProperty().get()));
        if (status == ChainStatus.VERIFIED) {
            chain.getStyleClass().add("verified");
        } else if (status == ChainStatus.FIRST_BREAK || status == ChainStatus.AFTER_BREAK) {
            chain.getStyleClass().add("broken");
        }
        row(texts.get("audit.detail.time"), words.time(e.workstationTime()), null);
        row(texts.get("audit.detail.serviceTime"), e.serviceTime() == null ? words.none()
                : AuditWords.TIME.format(e.serviceTime()) + " (" + e.serviceTime().getOffset() + ")", null);
        row(texts.get("audit.detail.operator"), e.operator(), null);
        row(texts.get("audit.detail.workstation"), e.workstation(), null);
        row(texts.get("audit.detail.id"), e.maskedId(), null);
        row(texts.get("audit.detail.name"), e.name(), null);
        row(texts.get("audit.detail.decision"), words.decision(e.decision()),
                "decision-" + EntryTable.decisionClass(e.decision()));
        row(texts.get("audit.detail.percent"), e.depositPercent() == null ? words.none() : e.depositPercent() + "%",
                null);
        row(texts.get("audit.detail.reason"), e.reason(), "code");
        row(texts.get("audit.detail.categories"), e.categories().isEmpty() ? words.none()
                : String.join(", ", e.categories()), "code");
        row(texts.get("audit.detail.result"), words.result(e.serviceResult()), null);
        row(texts.get("audit.detail.error"), e.errorCode() == null ? words.none() : e.errorCode(), "code");
        row(texts.get("audit.detail.requestId"), e.requestId() == null ? words.none() : e.requestId(), "code");
        row(texts.get("audit.detail.latency"), texts.get("audit.detail.latency.value", e.latencyMillis()), null);
        row(texts.get("audit.detail.idHash"), e.idHash() == null ? words.none() : breakable(e.idHash()), "hash");
        row(texts.get("audit.detail.prevHash"), breakable(stored.prevHash()), "hash");
        row(texts.get("audit.detail.entryHash"), breakable(stored.entryHash()), "hash");
    }

    /** A zero-width space every 16 characters lets a 64-character hash wrap in a narrow pane. */
    private static String breakable(String hash) {
        StringBuilder sb = new StringBuilder(hash.length() + 4);
        for (int i = 0; i < hash.length(); i += 16) {
            sb.append(i == 0 ? "" : "\u200B").append(hash, i, Math.min(hash.length(), i + 16));
        }
        return sb.toString();
    }

    private void row(String name, String value, String styleClass) {
        Label key = new Label(name);
        key.getStyleClass().add("audit-detail-key");
        Label text = new Label(value);
        text.getStyleClass().add("audit-detail-value");
        text.setWrapText(true);
        if (styleClass != null) {
            text.getStyleClass().addAll(List.of(styleClass.split(" ")));
        }
        key.setLabelFor(text);
        fields.addRow(fields.getRowCount(), key, text);
    }
}
