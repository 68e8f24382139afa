package com.waiverdesk.ui.admission;

import com.waiverdesk.app.CheckResult;
import com.waiverdesk.app.EcertHolder;
import com.waiverdesk.domain.Decision;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.ui.common.Texts;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The large, unmistakable answer: colour, icon and headline per decision, then the amount, the reason, the
 * categories, the one thing to do next, and the masked ID with the service's time and the auto-clear countdown.
 * Also shows a program problem in place of a decision. Every line wraps and is given its whole height, so nothing
 * the clerk must read ends in "…".
 */
final class ResultCard extends VBox {
    private static final List<String> KIND_CLASSES = List.of("waive", "reduce", "charge", "cannot-verify",
            "invalid-input", "problem", "busy", "idle", "confirm", "notice");

    private final Texts texts;
    private final ResultText words;
    private final Region icon = new Region();
    private final Label headline = new Label();
    private final Label channel = new Label();
    private final Label amount = new Label();
    private final Label reason = new Label();
    private final Label followUp = new Label();
    private final Label categories = new Label();
    private final Label countdown = new Label();
    private final FlowPane details = new FlowPane();
    /** The card's own buttons: confirm or cancel a scanned holder, record a paper certificate. */
    private final FlowPane actions = new FlowPane();

    ResultCard(Texts texts, ResultText words) {
        this.texts = texts;
        this.words = words;
        getStyleClass().add("result-card");
        setAccessibleRole(AccessibleRole.TEXT);
        icon.getStyleClass().add("result-icon");
        headline.getStyleClass().add("result-headline");
        amount.getStyleClass().add("result-amount");
        channel.getStyleClass().add("result-channel");
        channel.setId("resultChannel");
        reason.getStyleClass().add("result-reason");
        followUp.getStyleClass().add("result-follow-up");
        categories.getStyleClass().add("result-categories");
        countdown.getStyleClass().addAll("result-detail", "result-countdown");
        countdown.setId("clearCountdown");
        details.getStyleClass().add("result-details");
        for (Label label : List.of(headline, channel, amount, reason, followUp, categories)) {
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
            label.setMaxWidth(Double.MAX_VALUE);
            label.managedProperty().bind(label.visibleProperty());
        }
        countdown.setMinWidth(Region.USE_PREF_SIZE);
        countdown.setVisible(false);
        HBox.setHgrow(headline, Priority.ALWAYS);
        HBox top = new HBox(icon, headline);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("result-top");
        actions.getStyleClass().add("result-actions");
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.managedProperty().bind(actions.visibleProperty());
        getChildren().addAll(top, channel, amount, reason, categories, followUp, details, actions);
        showIdle();
    }

    void showIdle() {
        setKind("idle");
        show(texts.get("card.idle"), null, texts.get("card.idle.hint"), null, null, List.of());
    }

    /** The scanner is typing, or an image is being read. */
    void showReading() {
        setKind("busy");
        show(texts.get("card.reading"), null, texts.get("card.reading.hint"), null, null, List.of());
    }

    /** The holder read from a scanned certificate, to compare with the ID card before anything is decided. */
    void showHolder(EcertHolder holder, Button confirm, Button cancel) {
        setKind("confirm");
        show(texts.get("card.holder.title"), null, texts.get("card.holder.compare", holder.name(), holder.maskedId()),
                null, texts.get("card.holder.next"), List.of());
        showActions(confirm, cancel);
    }

    /** A scan or an image gave no certificate to check; nothing was recorded. */
    void showNotice(EcertScan.Notice notice) {
        setKind("notice");
        if (notice == EcertScan.Notice.CERTIFICATE_UNREADABLE) {
            show(texts.get("card.ecertUnreadable.title"), null, texts.get("card.ecertUnreadable.next"), null, null,
                    List.of());
            return;
        }
        String title = notice == EcertScan.Notice.NO_QR_FOUND ? texts.get("card.noQr.title")
                : texts.get("card.imageUnreadable.title");
        show(title, null, texts.get("card.noQr.next"), null, null, List.of());
    }

    /** Buttons under a result (the paper certificate's), or none. */
    void showActions(Button... buttons) {
        actions.getChildren().setAll(buttons);
        actions.setVisible(buttons.length > 0);
    }

    void showBusy() {
        setKind("busy");
        show(texts.get("card.busy"), null, null, null, null, List.of());
    }

    /** @param legacyId the clerk typed a 15-digit number, which was converted to 18 characters */
    void showResult(CheckResult result, boolean legacyId) {
        Decision decision = result.decision();
        setKind(kindClass(decision.kind()));
        show(words.headline(decision), words.amount(result).orElse(null), words.reason(result),
                words.categories(decision).orElse(null), words.followUp(decision), words.details(result, legacyId));
        set(channel, words.channel(result).orElse(null));
    }

    /** @param detail what IT must fix (a configuration error), shown under the clerk's sentence; or {@code null} */
    void showProblem(DeskProblem problem, String detail) {
        setKind("problem");
        String title = problem.preventsStart() ? texts.get("problem.title.startup") : texts.get("problem.title");
        show(title, null, texts.get(problem.messageKey()), null, null,
                detail == null ? List.of() : List.of(texts.get("problem.detailForIt", detail)));
    }

    /** Seconds until the result clears itself; 0 hides the countdown. */
    void showCountdown(int seconds) {
        countdown.setText(seconds > 0 ? texts.get("card.clearsIn", seconds) : "");
        countdown.setVisible(seconds > 0);
    }

    private void show(String head, String amountText, String reasonText, String categoriesText, String next,
                      List<String> detailLines) {
        headline.setText(head);
        set(channel, null);
        set(amount, amountText);
        set(reason, reasonText);
        set(categories, categoriesText);
        set(followUp, next);
        details.getChildren().clear();
        showActions();
        for (String line : detailLines) {
            Label label = new Label(line);
            label.getStyleClass().add("result-detail");
            // a short fact stays whole and moves to the next row; a configuration error naming a path wraps
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
            label.maxWidthProperty().bind(details.widthProperty());
            details.getChildren().add(label);
        }
        // after the ID and the audit entry, before the service's time and query number (the row the clerk reads)
        details.getChildren().add(Math.min(2, details.getChildren().size()), countdown);
        // what a screen reader says when the card changes: the decision, the amount, why, and what to do next
        setAccessibleText(texts.get("card.accessible", head, String.join(" ", nonNull(amountText, reasonText, next))));
    }

    private static void set(Label label, String text) {
        label.setText(text == null ? "" : text);
        label.setVisible(text != null);
    }

    private static List<String> nonNull(String... parts) {
        return Arrays.stream(parts).filter(Objects::nonNull).toList();
    }

    private void setKind(String kind) {
        getStyleClass().removeAll(KIND_CLASSES);
        getStyleClass().add(kind);
    }

    static String kindClass(DecisionKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    String headlineText() {
        return headline.getText();
    }
}
