package com.waiverdesk.ui.admission;

import com.waiverdesk.app.CheckResult;
import com.waiverdesk.domain.Decision;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.ui.common.Texts;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Turns a check result into the sentences of the result card, in one place so window and tests agree. */
final class ResultText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Texts texts;
    private final Function<String, Optional<String>> policyLabels;

    ResultText(Texts texts, Function<String, Optional<String>> policyLabels) {
        this.texts = texts;
        this.policyLabels = policyLabels;
    }

    String headline(Decision decision) {
        if (decision.kind() == DecisionKind.REDUCE) {
            return texts.get("decision.REDUCE.title", decision.depositPercent());
        }
        return texts.get("decision." + decision.kind() + ".title");
    }

    /**
     * The amount line, "¥2,500 of ¥5,000", when a standard deposit is configured; without one the headline (which
     * carries the percent of a reduction) says it all.
     */
    Optional<String> amount(CheckResult result) {
        Optional<BigDecimal> due = result.amountDue();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(texts.get("amount.due", money(due.get()), money(result.standardDeposit())));
    }

    String reason(Decision decision) {
        if (decision.inputProblem() != null) {
            return texts.get("input." + decision.inputProblem());
        }
        if (decision.failure() != null) {
            return texts.get("failure." + decision.failure());
        }
        return texts.get("reason." + decision.reason());
    }

    String followUp(Decision decision) {
        return texts.get("followUp." + decision.followUp());
    }

    Optional<String> categories(Decision decision) {
        if (decision.reportedCategories().isEmpty()) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>();
        for (String code : decision.reportedCategories()) {
            words.add(categoryLabel(code));
        }
        return Optional.of(texts.get("card.categories", String.join(texts.get("list.separator"), words)));
    }

    String categoryLabel(String code) {
        String key = "category." + code;
        if (texts.has(key)) {
            return texts.get(key);
        }
        return policyLabels.apply(code).orElseGet(() -> texts.get("category.unknown", code));
    }

    List<String> details(CheckResult result) {
        List<String> lines = new ArrayList<>();
        if (!result.maskedId().isEmpty()) {
            lines.add(texts.get("card.id", result.maskedId()));
        }
        result.checkedAt().ifPresent(at -> lines.add(texts.get("card.checkedAt",
                TIME.format(at))));
        result.requestId().ifPresent(id -> lines.add(texts.get("card.requestId", id)));
        lines.add(texts.get("card.audit", Long.toString(result.auditSeq())));
        return lines;
    }

    private String money(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(texts.locale()));
        return format.format(amount);
    }
}
