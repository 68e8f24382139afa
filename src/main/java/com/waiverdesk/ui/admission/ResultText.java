package com.waiverdesk.ui.admission;

import com.waiverdesk.app.CheckResult;
import com.waiverdesk.domain.Decision;
import com.waiverdesk.domain.AssistanceGrant;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.DecisionReason;
import com.waiverdesk.domain.VerificationAnswer;
import com.waiverdesk.ui.common.Texts;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Turns a check result into the sentences of the result card, in one place so window and tests agree. */
final class ResultText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    /** Grants are judged on Shanghai's calendar day, whatever offset the service wrote. */
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

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
            // not verified: the clerk is told to collect the deposit (or accept paper), so say how much it is
            boolean fallsBackToDeposit = result.decision().kind() == DecisionKind.CANNOT_VERIFY;
            return fallsBackToDeposit && result.standardDeposit() != null
                    ? Optional.of(texts.get("amount.standard", money(result.standardDeposit())))
                    : Optional.empty();
        }
        return Optional.of(texts.get("amount.due", money(due.get()), money(result.standardDeposit())));
    }

    /**
     * The reason; for an expired grant it names the day it ended (or, for one not yet begun, the day it begins), so
     * the clerk can tell the patient which date to renew from.
     */
    String reason(CheckResult result) {
        if (result.channel().isEcert() && result.decision().kind().lowersDeposit()) {
            // the service did not confirm anything: the city's signed certificate did
            return result.decision().kind() == DecisionKind.WAIVE ? texts.get("reason.WAIVED_BY_CATEGORY.ecert")
                    : texts.get("reason.REDUCED_BY_CATEGORY.ecert");
        }
        String reason = reason(result.decision());
        if (result.decision().reason() != DecisionReason.ELIGIBILITY_EXPIRED || result.outcome() == null
                || !result.outcome().isAnswered()) {
            return reason;
        }
        VerificationAnswer answer = result.outcome().answer();
        LocalDate day = answer.checkedAt().atZoneSameInstant(SHANGHAI).toLocalDate();
        Optional<LocalDate> ended = answer.assistance().stream().map(AssistanceGrant::validUntil)
                .filter(Objects::nonNull).filter(until -> until.isBefore(day)).max(Comparator.naturalOrder());
        if (ended.isPresent()) {
            return texts.get("reason.ELIGIBILITY_EXPIRED.ended", DATE.format(ended.get()));
        }
        return answer.assistance().stream().map(AssistanceGrant::validFrom).filter(from -> from.isAfter(day))
                .min(Comparator.naturalOrder())
                .map(from -> texts.get("reason.ELIGIBILITY_EXPIRED.notYet", DATE.format(from)))
                .orElse(reason);
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
        return details(result, false);
    }

    /** @param legacyId the clerk typed a 15-digit number; the card says it was converted to the 18-character one */
    List<String> details(CheckResult result, boolean legacyId) {
        List<String> lines = new ArrayList<>();
        boolean converted = legacyId && result.decision().kind() != DecisionKind.INVALID_INPUT;
        if (!result.maskedId().isEmpty()) {
            lines.add(converted ? texts.get("card.id.converted", result.maskedId())
                    : texts.get("card.id", result.maskedId()));
        }
        // a negative seq is an entry waiting in the local spool for the audit server (its number comes when forwarded)
        lines.add(result.auditSeq() < 0 ? texts.get("card.auditWaiting")
                : texts.get("card.audit", Long.toString(result.auditSeq())));
        result.ecert().ifPresent(finding -> lines.addAll(ecertLines(finding.certId(), finding.validUntil())));
        result.checkedAt().ifPresent(at -> lines.add(texts.get("card.checkedAt", TIME.format(at))));
        result.requestId().ifPresent(id -> lines.add(texts.get("card.requestId", id)));
        return lines;
    }

    /** How the patient's status was checked; the live query, the usual way, goes unsaid. */
    Optional<String> channel(CheckResult result) {
        return result.channel() == Channel.LIVE_QUERY ? Optional.empty() : Optional.of(channel(result.channel()));
    }

    String channel(Channel channel) {
        switch (channel) {
            case ECERT_ONLINE:
                return texts.get("card.channel.ECERT_ONLINE");
            case ECERT_OFFLINE:
                return texts.get("card.channel.ECERT_OFFLINE");
            case PAPER:
                return texts.get("card.channel.PAPER");
            default:
                return texts.get("card.channel.LIVE_QUERY");
        }
    }

    /** The certificate's id and last valid day, when its payload could be read. */
    List<String> ecertLines(String certId, LocalDate validUntil) {
        List<String> lines = new ArrayList<>();
        if (certId != null) {
            lines.add(texts.get("card.ecert.id", certId));
        }
        if (validUntil != null) {
            lines.add(texts.get("card.ecert.validUntil", DATE.format(validUntil)));
        }
        return lines;
    }

    private String money(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(texts.locale()));
        return format.format(amount);
    }
}
